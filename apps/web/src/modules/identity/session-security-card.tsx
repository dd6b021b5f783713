import { Button, Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, isInFuture } from '../../app/format-date';
import { useAuthedMe } from './identity.queries';
import { useStepUp } from './use-step-up';

/** How strongly the current session is verified: signed in with 2FA, and step-up valid until when. */
export function SessionSecurityCard() {
  const { t } = useTranslation('identity');
  const me = useAuthedMe();
  const { ensureStepUp, stepUpModal } = useStepUp();
  const steppedUp = isInFuture(me.stepUpUntil);
  return (
    <Card title={t('sessionSecurity.title')}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('sessionSecurity.mfa')}>
          {me.mfa ? (
            <Tag color="success">{t('sessionSecurity.mfaYes')}</Tag>
          ) : (
            <Tag color="warning">{t('sessionSecurity.mfaNo')}</Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('sessionSecurity.stepUp')}>
          {steppedUp
            ? t('sessionSecurity.stepUpUntil', { at: formatDateTime(me.stepUpUntil) })
            : t('sessionSecurity.stepUpNone')}
        </Descriptions.Item>
      </Descriptions>
      {me.user.totpEnabled && !steppedUp ? (
        <Button style={{ marginTop: 12 }} onClick={() => void ensureStepUp(t('sessionSecurity.stepUpReason'))}>
          {t('sessionSecurity.stepUpNow')}
        </Button>
      ) : null}
      {stepUpModal}
    </Card>
  );
}
