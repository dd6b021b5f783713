import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { GuestLayout } from '../app/guest-layout';
import { LoginForm } from '../modules/identity';

export function LoginPage() {
  const { t } = useTranslation('identity');
  return (
    <GuestLayout
      title={t('login.title')}
      subtitle={t('login.subtitle')}
      footer={
        <span>
          <Link to="/forgot-password" data-testid="forgot-password">
            {t('accountRecovery.forgotLink')}
          </Link>{' '}
          · {t('login.noAccount')} <Link to="/register">{t('login.registerLink')}</Link>
        </span>
      }
    >
      <LoginForm />
    </GuestLayout>
  );
}
