import { useTranslation } from 'react-i18next';
import { LinkTabs } from '../app/link-tabs';
import { PageTitle } from '../app/page-title';
import { ChannelsPanel, CohortsPanel, FunnelPanel, RfmPanel } from '../modules/growth/growth-panels';
import { KpiPanel } from '../modules/growth/kpi-panel';
import { MerchantStatsPanel } from '../modules/growth/merchant-stats-panel';
import { useAuthedMe } from '../modules/identity';

function GrowthPage({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation('growth');
  const tabs = (['funnel', 'channels', 'cohorts', 'rfm', 'kpis'] as const).map((tab) => ({
    path: `/staff/growth/${tab}`,
    label: t(`tabs.${tab}`),
  }));
  return (
    <>
      <PageTitle title={t('title')} subtitle={t('subtitle')} />
      <LinkTabs label={t('tabs.label')} tabs={tabs} />
      {children}
    </>
  );
}

export function StaffGrowthFunnelPage() {
  return (
    <GrowthPage>
      <FunnelPanel />
    </GrowthPage>
  );
}

export function StaffGrowthChannelsPage() {
  return (
    <GrowthPage>
      <ChannelsPanel />
    </GrowthPage>
  );
}

export function StaffGrowthCohortsPage() {
  return (
    <GrowthPage>
      <CohortsPanel />
    </GrowthPage>
  );
}

export function StaffGrowthRfmPage() {
  return (
    <GrowthPage>
      <RfmPanel />
    </GrowthPage>
  );
}

export function StaffGrowthKpiPage() {
  return (
    <GrowthPage>
      <KpiPanel />
    </GrowthPage>
  );
}

/** 商家数据 the merchant's own figures. */
export function MerchantStatsPage() {
  const { t } = useTranslation('growth');
  const me = useAuthedMe();
  return (
    <>
      <PageTitle title={t('merchant.title')} subtitle={t('merchant.subtitle')} />
      {me.activeOrgId ? <MerchantStatsPanel orgId={me.activeOrgId} /> : t('merchant.noActiveOrg')}
    </>
  );
}
