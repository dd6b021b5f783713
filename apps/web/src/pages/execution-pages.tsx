import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageTitle } from '../app/page-title';
import { ExecutionList, ExecutionView, SettlementView } from '../modules/execution';
import { useActiveContext } from '../modules/organisation';

export function ProgressPage() {
  const { t } = useTranslation('execution');
  const { orgId } = useActiveContext();
  return (
    <>
      <PageTitle title={t('list.progressTitle')} subtitle={t('list.progressSubtitle')} />
      <Card styles={{ body: { padding: 0 } }}>
        <ExecutionList orgId={orgId} target="progress" />
      </Card>
    </>
  );
}

export function ContractProgressPage() {
  const { t } = useTranslation('execution');
  const { orgId, membership } = useActiveContext();
  const { contractId = '' } = useParams();
  return (
    <>
      <PageTitle title={t('list.progressTitle')} />
      <ExecutionView orgId={orgId} contractId={contractId} canPlan={membership.membershipRole !== 'member'} />
    </>
  );
}

export function SettlementsPage() {
  const { t } = useTranslation('execution');
  const { orgId } = useActiveContext();
  return (
    <>
      <PageTitle title={t('list.settlementTitle')} subtitle={t('list.settlementSubtitle')} />
      <Card styles={{ body: { padding: 0 } }}>
        <ExecutionList orgId={orgId} target="settlement" />
      </Card>
    </>
  );
}

export function ContractSettlementPage() {
  const { t } = useTranslation('execution');
  const { orgId } = useActiveContext();
  const { contractId = '' } = useParams();
  return (
    <>
      <PageTitle title={t('list.settlementTitle')} />
      <SettlementView orgId={orgId} contractId={contractId} />
    </>
  );
}
