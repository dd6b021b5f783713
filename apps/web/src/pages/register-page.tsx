import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { GuestLayout } from '../app/guest-layout';
import { RegisterForm } from '../modules/identity';

export function RegisterPage() {
  const { t } = useTranslation('identity');
  return (
    <GuestLayout
      title={t('register.title')}
      subtitle={t('register.subtitle')}
      footer={
        <span>
          {t('register.haveAccount')} <Link to="/login">{t('register.loginLink')}</Link>
        </span>
      }
    >
      <RegisterForm />
    </GuestLayout>
  );
}
