import { Button, Card, Empty, Flex, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../app/format-date';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import type { InvitationData } from './organisation.api';
import { useAcceptInvitation, useDeclineInvitation, useMyInvitations } from './organisation.queries';

function InvitationCard({ invitation }: { invitation: InvitationData }) {
  const { t } = useTranslation(['organisation', 'common']);
  const navigate = useNavigate();
  const accept = useAcceptInvitation();
  const decline = useDeclineInvitation();
  const feedback = useErrorFeedback();
  return (
    <Card size="small" data-testid="my-invitation">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Flex vertical gap={2}>
          <Typography.Text strong>{invitation.orgName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('myInvitations.detail', {
              invitedBy: invitation.invitedBy,
              role: t(`membershipRoles.${invitation.role}`),
            })}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('myInvitations.expires', { at: formatDateTime(invitation.expiresAt) })}
          </Typography.Text>
        </Flex>
        <Flex gap={8}>
          <Popconfirm
            title={t('myInvitations.declineConfirm', { name: invitation.orgName })}
            okText={t('myInvitations.decline')}
            cancelText={t('common:actions.cancel')}
            onConfirm={() => decline.mutate(invitation.id, { onError: feedback.show })}
          >
            <Button loading={decline.isPending}>{t('myInvitations.decline')}</Button>
          </Popconfirm>
          <Button
            type="primary"
            loading={accept.isPending}
            onClick={() =>
              accept.mutate(invitation.id, { onSuccess: () => navigate('/workspace'), onError: feedback.show })
            }
          >
            {t('myInvitations.accept')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}

/** 我的邀请 pending invitations addressed to the signed-in user. `compact` hides the empty state. */
export function MyInvitationsList({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation(['organisation', 'common']);
  const { data, isPending, error, refetch } = useMyInvitations();
  if (isPending) return compact ? null : <LoadingState />;
  if (error) return compact ? null : <ErrorState error={error} onRetry={() => void refetch()} />;
  const pending = data.filter((invitation) => invitation.status === 'pending');
  if (pending.length === 0) return compact ? null : <Empty description={t('myInvitations.empty')} />;
  return (
    <Flex vertical gap={12}>
      {compact ? <Typography.Title level={5}>{t('myInvitations.compactTitle')}</Typography.Title> : null}
      {pending.map((invitation) => (
        <InvitationCard key={invitation.id} invitation={invitation} />
      ))}
    </Flex>
  );
}
