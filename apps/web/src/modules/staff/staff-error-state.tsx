import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ButtonLink } from '../../app/button-link';
import { ErrorState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';

/** The staff console needs a session opened with 2FA; the server says so with AUTH_MFA_REQUIRED. */
export function isMfaRequired(error: unknown): boolean {
  return isApiError(error) && error.status === 403 && error.code === 'AUTH_MFA_REQUIRED';
}

export function StaffErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation('staff');
  const { messageOf } = useErrorFeedback();
  if (!isMfaRequired(error)) return <ErrorState error={error} onRetry={onRetry} />;
  return (
    <Result
      status="warning"
      title={t('mfaRequired.title')}
      subTitle={messageOf(error)}
      extra={
        <ButtonLink to="/account/security" type="primary">
          {t('mfaRequired.action')}
        </ButtonLink>
      }
      data-testid="staff-mfa-required"
    />
  );
}
