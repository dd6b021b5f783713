import { useTranslation } from 'react-i18next';
import { GuestLayout } from '../app/guest-layout';
import { TotpLoginForm } from '../modules/identity';

export function LoginTotpPage() {
  const { t } = useTranslation('identity');
  return (
    <GuestLayout title={t('totpLogin.title')}>
      <TotpLoginForm />
    </GuestLayout>
  );
}
