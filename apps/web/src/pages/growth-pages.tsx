import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkTabs } from '../app/link-tabs';
import { PageTitle } from '../app/page-title';
import { ChannelsPanel, CohortsPanel, FunnelPanel, RfmPanel } from '../modules/growth/growth-panels';
import { KpiPanel } from '../modules/growth/kpi-panel';
import { LifecycleFlowsCard } from '../modules/growth/lifecycle-flows';
import { MarketPanel } from '../modules/growth/market-panel';
import { MerchantAlertsCard } from '../modules/growth/merchant-alerts';
import { MerchantStatsPanel } from '../modules/growth/merchant-stats-panel';
import { useAuthedMe } from '../modules/identity';

function GrowthPage({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation('growth');
  const tabs = (['funnel', 'channels', 'lifecycle', 'cohorts', 'rfm', 'kpis', 'market'] as const).map((tab) => ({
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

/** 生命周期 stage flows between lifecycle (or marketing) stages, as a Sankey and a table. */
export function StaffGrowthLifecyclePage() {
  return (
    <GrowthPage>
      <LifecycleFlowsCard />
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
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <KpiPanel />
        <MerchantAlertsCard />
      </Space>
    </GrowthPage>
  );
}

/** 需求热度与搜索词 every region and keyword, for the growth team. */
export function StaffGrowthMarketPage() {
  return (
    <GrowthPage>
      <MarketPanel />
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
      {me.activeOrgId ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <MerchantStatsPanel orgId={me.activeOrgId} />
          <MerchantAlertsCard orgId={me.activeOrgId} />
          <MarketPanel orgId={me.activeOrgId} />
        </Space>
      ) : (
        t('merchant.noActiveOrg')
      )}
    </>
  );
}
