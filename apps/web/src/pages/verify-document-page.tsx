import { useTranslation } from 'react-i18next';
import { GuestLayout } from '../app/guest-layout';
import { VerifyDocumentPanel } from '../modules/evidence';

export function VerifyDocumentPage() {
  const { t } = useTranslation('evidence');
  return (
    <GuestLayout title={t('verify.title')} subtitle={t('verify.subtitle')}>
      <VerifyDocumentPanel />
    </GuestLayout>
  );
}
