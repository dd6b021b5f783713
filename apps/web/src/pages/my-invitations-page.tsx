import { useTranslation } from 'react-i18next';
import { PageTitle } from '../app/page-title';
import { MyInvitationsList } from '../modules/organisation';

export function MyInvitationsPage() {
  const { t } = useTranslation('organisation');
  return (
    <div style={{ maxWidth: 760, margin: '0 auto' }}>
      <PageTitle title={t('myInvitations.title')} subtitle={t('myInvitations.subtitle')} />
      <MyInvitationsList />
    </div>
  );
}
