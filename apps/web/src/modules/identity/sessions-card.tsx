import { DesktopOutlined, MobileOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Popconfirm, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format-date';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import type { SessionInfoData } from './identity.api';
import { useRevokeSession, useSessions } from './identity.queries';

const BROWSERS: readonly [RegExp, string][] = [
  [/MicroMessenger/i, 'WeChat'],
  [/Edg\//, 'Edge'],
  [/Firefox\//, 'Firefox'],
  [/(Chrome|Chromium|CriOS)\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: readonly [RegExp, string][] = [
  [/Android/i, 'Android'],
  [/iPhone|iPad|iOS/i, 'iOS'],
  [/HarmonyOS/i, 'HarmonyOS'],
  [/Windows/i, 'Windows'],
  [/Mac OS X|Macintosh/i, 'macOS'],
  [/Linux/i, 'Linux'],
];

function describeAgent(userAgent: string | null): { label: string | null; mobile: boolean } {
  if (!userAgent) return { label: null, mobile: false };
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const label = [browser, system].filter(Boolean).join(' · ');
  return { label: label || userAgent.slice(0, 60), mobile: /Mobile|Android|iPhone/i.test(userAgent) };
}

function SessionRow({ session }: { session: SessionInfoData }) {
  const { t } = useTranslation(['identity', 'common']);
  const revoke = useRevokeSession();
  const feedback = useErrorFeedback();
  const agent = describeAgent(session.userAgent);
  return (
    <Flex
      justify="space-between"
      align="center"
      gap={12}
      wrap
      style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}
      data-testid="session-row"
    >
      <Flex gap={12} align="flex-start">
        {agent.mobile ? <MobileOutlined style={{ fontSize: 20 }} /> : <DesktopOutlined style={{ fontSize: 20 }} />}
        <Flex vertical gap={2}>
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong>{agent.label ?? t('sessions.unknownDevice')}</Typography.Text>
            {session.current ? <Tag color="blue">{t('sessions.current')}</Tag> : null}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('sessions.ip', { ip: session.ip ?? '—' })} ·{' '}
            {t('sessions.lastSeen', { at: formatDateTime(session.lastSeenAt) })}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('sessions.signedIn', { at: formatDateTime(session.createdAt) })} ·{' '}
            {t('sessions.expires', { at: formatDateTime(session.expiresAt) })}
          </Typography.Text>
        </Flex>
      </Flex>
      {session.current ? null : (
        <Popconfirm
          title={t('sessions.revokeConfirm')}
          okText={t('sessions.revoke')}
          cancelText={t('common:actions.cancel')}
          onConfirm={() => revoke.mutate(session.id, { onError: feedback.show })}
        >
          <Button danger size="small" loading={revoke.isPending}>
            {t('sessions.revoke')}
          </Button>
        </Popconfirm>
      )}
    </Flex>
  );
}

/** 登录设备 active sessions of the signed-in user, each revocable except the current one. */
export function SessionsCard() {
  const { t } = useTranslation(['identity', 'common']);
  const { data, isPending, error, refetch } = useSessions();
  let body: ReactNode;
  if (isPending) body = <LoadingState minHeight={120} />;
  else if (error) body = <ErrorState error={error} onRetry={() => void refetch()} />;
  else if (data.length === 0) body = <Empty description={t('sessions.empty')} />;
  else
    body = (
      <div>
        {[...data]
          .sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt))
          .map((session) => (
            <SessionRow key={session.id} session={session} />
          ))}
      </div>
    );
  return (
    <Card title={t('sessions.title')}>
      <Typography.Paragraph type="secondary">{t('sessions.hint')}</Typography.Paragraph>
      {body}
    </Card>
  );
}
