import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { GuestLayout } from '../app/guest-layout';
import { ForgotPasswordForm, ResetPasswordForm, VerifyEmailPanel } from '../modules/identity';

export function ForgotPasswordPage() {
  const { t } = useTranslation('identity');
  return (
    <GuestLayout
      title={t('accountRecovery.forgotTitle')}
      subtitle={t('accountRecovery.forgotSubtitle')}
      footer={<Link to="/login">{t('totpLogin.backToLogin')}</Link>}
    >
      <ForgotPasswordForm />
    </GuestLayout>
  );
}

export function ResetPasswordPage() {
  const { t } = useTranslation('identity');
  return (
    <GuestLayout
      title={t('accountRecovery.resetTitle')}
      footer={<Link to="/forgot-password">{t('accountRecovery.send')}</Link>}
    >
      <ResetPasswordForm />
    </GuestLayout>
  );
}

export function VerifyEmailPage() {
  const { t } = useTranslation('identity');
  return (
    <GuestLayout title={t('accountRecovery.verifyTitle')}>
      <VerifyEmailPanel />
    </GuestLayout>
  );
}
