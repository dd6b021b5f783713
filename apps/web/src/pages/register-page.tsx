import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { GuestLayout } from '../app/guest-layout';
import { RegisterForm } from '../modules/identity';
import { acceptReferral } from '../modules/rewards/rewards.api';

/** 注册; `?ref=CODE` (a referral link) records the code for the new account. */
export function RegisterPage() {
  const { t } = useTranslation('identity');
  const [params] = useSearchParams();
  const ref = (params.get('ref') ?? '').trim().toUpperCase();
  const code = /^[A-Z0-9]{8}$/.test(ref) ? ref : null;
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
      {code ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="referral-notice"
          title={t('register.referral', { code })}
        />
      ) : null}
      <RegisterForm afterRegister={code ? () => acceptReferral(code) : undefined} />
    </GuestLayout>
  );
}
