import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ButtonLink } from '../app/button-link';
import { PageTitle } from '../app/page-title';
import { ChatButton } from '../modules/chat';
import { ContractDetail, ContractsTable, CreateContractForm, useContract } from '../modules/contracts';
import { ContractRatingCard } from '../modules/credit';
import { useActiveContext } from '../modules/organisation';
import { ContractRiskWarnings } from '../modules/risk';

export function ContractsPage() {
  const { t } = useTranslation('contracts');
  const { orgId, role, membership } = useActiveContext();
  const canDraft = (role === 'GC' || role === 'SUB') && membership.membershipRole !== 'member';
  return (
    <>
      <PageTitle
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        extra={
          canDraft ? (
            <ButtonLink to="/workspace/contracts/new" type="primary">
              {t('list.create')}
            </ButtonLink>
          ) : null
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <ContractsTable orgId={orgId} />
      </Card>
    </>
  );
}

export function ContractNewPage() {
  const { t } = useTranslation('contracts');
  const { orgId } = useActiveContext();
  return (
    <>
      <PageTitle title={t('create.title')} />
      <Card>
        <CreateContractForm orgId={orgId} />
      </Card>
    </>
  );
}

export function ContractDetailPage() {
  const { t } = useTranslation('contracts');
  const { orgId, membership } = useActiveContext();
  const { contractId = '' } = useParams();
  const contract = useContract(orgId, contractId);
  const other = contract.data?.parties.find((p) => p.orgId !== orgId);
  return (
    <>
      <PageTitle title={t('list.title')} />
      {contract.data ? (
        <div style={{ marginBottom: 12 }}>
          <ChatButton orgId={orgId} kind="contract" contextId={contractId} />
        </div>
      ) : null}
      <ContractRiskWarnings orgId={orgId} contractId={contractId} />
      <ContractDetail orgId={orgId} contractId={contractId} canSign={membership.membershipRole !== 'member'} />
      {contract.data?.signed && other ? (
        <ContractRatingCard
          orgId={orgId}
          contractId={contractId}
          counterpartyOrgId={other.orgId}
          canRate={membership.membershipRole !== 'member'}
        />
      ) : null}
    </>
  );
}
