import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageTitle } from '../app/page-title';
import { ChatButton } from '../modules/chat';
import { DisputeBoard, DisputeCase, DisputeDigests, FileDisputeForm, MyDisputes } from '../modules/disputes';
import { useAuthedMe } from '../modules/identity';
import { useActiveContext } from '../modules/organisation';

/** 我的纠纷 the organisation's cases; owners and admins file new ones. */
export function MyDisputesPage() {
  const { t } = useTranslation('disputes');
  const { orgId, membership } = useActiveContext();
  const navigate = useNavigate();
  const manager = membership.membershipRole !== 'member';
  return (
    <>
      <PageTitle
        title={t('mine')}
        extra={
          manager ? (
            <Button type="primary" onClick={() => navigate('/workspace/disputes/new')} data-testid="dispute-new">
              {t('file')}
            </Button>
          ) : null
        }
      />
      <Flex vertical gap={16}>
        <MyDisputes orgId={orgId} />
        <DisputeDigests />
      </Flex>
    </>
  );
}

export function FileDisputePage() {
  const { t } = useTranslation('disputes');
  const { orgId } = useActiveContext();
  const navigate = useNavigate();
  return (
    <>
      <PageTitle title={t('file')} />
      <FileDisputeForm orgId={orgId} onFiled={(id) => navigate(`/workspace/disputes/${id}`)} />
    </>
  );
}

export function DisputeDetailPage() {
  const { t } = useTranslation('disputes');
  const { orgId } = useActiveContext();
  const { disputeId } = useParams();
  return (
    <>
      <PageTitle title={t('mine')} />
      <DisputeCase base={`/api/orgs/${orgId}/disputes/${disputeId}`} />
      {/* the parties' conversation about this dispute */}
      <Flex justify="flex-end" style={{ marginTop: 12 }}>
        <ChatButton orgId={orgId} kind="dispute" contextId={disputeId ?? ''} />
      </Flex>
    </>
  );
}

export function StaffDisputeBoardPage() {
  const { t } = useTranslation('disputes');
  return (
    <>
      <PageTitle title={t('board')} />
      <DisputeBoard />
    </>
  );
}

/** 仲裁室 a case for its team or its arbitrators: evidence side by side, mediation, votes, the decision PDF. */
export function StaffDisputeRoomPage() {
  const { t } = useTranslation('disputes');
  const { disputeId } = useParams();
  const me = useAuthedMe();
  const arbitrator = me.staffRoles.includes('arbitrator') && !me.staffRoles.includes('service');
  return (
    <>
      <PageTitle title={t('room')} />
      <DisputeCase base={`/api/staff/disputes/${disputeId}`} staff={{ arbitrator }} />
    </>
  );
}
