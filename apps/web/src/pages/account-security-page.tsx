import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../app/page-title';
import { ContactCard, SessionSecurityCard, SessionsCard, TwoFactorCard } from '../modules/identity';

export function AccountSecurityPage() {
  const { t } = useTranslation('identity');
  return (
    <Flex vertical gap={16} style={{ maxWidth: 880, margin: '0 auto' }}>
      <PageTitle title={t('security.title')} subtitle={t('security.subtitle')} />
      <ContactCard />
      <TwoFactorCard />
      <SessionSecurityCard />
      <SessionsCard />
    </Flex>
  );
}
