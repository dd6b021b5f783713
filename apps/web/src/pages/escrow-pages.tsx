import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ButtonLink } from '../app/button-link';
import { PageTitle } from '../app/page-title';
import { FinanceConsole, MoneyView, WalletView } from '../modules/escrow';
import { BondInsurance } from '../modules/insurance';
import { useActiveContext } from '../modules/organisation';

export function ContractMoneyPage() {
  const { t } = useTranslation('escrow');
  const { orgId, membership } = useActiveContext();
  const { contractId = '' } = useParams();
  return (
    <>
      <PageTitle
        title={t('money.title')}
        subtitle={t('money.subtitle')}
        extra={<ButtonLink to="/workspace/wallet">{t('wallet.title')}</ButtonLink>}
      />
      <MoneyView orgId={orgId} contractId={contractId} />
      <BondInsurance orgId={orgId} contractId={contractId} canAct={membership.membershipRole !== 'member'} />
    </>
  );
}

export function WalletPage() {
  const { t } = useTranslation('escrow');
  const { orgId, membership } = useActiveContext();
  return (
    <>
      <PageTitle title={t('wallet.title')} subtitle={t('wallet.subtitle')} />
      <WalletView orgId={orgId} canPayOut={membership.membershipRole !== 'member'} />
    </>
  );
}

export function StaffFinancePage() {
  const { t } = useTranslation('escrow');
  return (
    <>
      <PageTitle title={t('finance.title')} subtitle={t('finance.subtitle')} />
      <FinanceConsole />
    </>
  );
}
