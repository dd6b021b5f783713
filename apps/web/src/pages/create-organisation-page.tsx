import { Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../app/page-title';
import { CreateOrganisationForm, MyInvitationsList } from '../modules/organisation';

export function CreateOrganisationPage() {
  const { t } = useTranslation('organisation');
  return (
    <Flex vertical gap={16} style={{ maxWidth: 760, margin: '0 auto' }}>
      <PageTitle title={t('create.title')} subtitle={t('create.subtitle')} />
      <MyInvitationsList compact />
      <Card>
        <CreateOrganisationForm />
      </Card>
    </Flex>
  );
}
