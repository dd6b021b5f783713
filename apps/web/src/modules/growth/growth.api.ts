import {
  AttributionResult,
  ChannelCost,
  type ChannelCostBody,
  ChannelCostList,
  ChannelEconomicsList,
  CohortLtv,
  CohortResult,
  FunnelResult,
  KpiBoard,
  LifecycleFlows,
  LifecycleSummary,
  MarketInsights,
  MerchantAlert,
  MerchantAlertCheckResult,
  MerchantAlertList,
  MerchantStats,
  RfmResult,
  SavedAnalysis,
  type SavedAnalysisKind,
  SavedAnalysisList,
} from '@zhuhe/contracts';
import type { z } from 'zod';
import { apiRequest, apiRequestVoid } from '../../app/api-client';

export type FunnelData = z.infer<typeof FunnelResult>;
export type CohortData = z.infer<typeof CohortResult>;
export type RfmData = z.infer<typeof RfmResult>;
export type AttributionData = z.infer<typeof AttributionResult>;
export type ChannelEconomicsData = z.infer<typeof ChannelEconomicsList>['items'][number];
export type KpiBoardData = z.infer<typeof KpiBoard>;
export type LifecycleData = z.infer<typeof LifecycleSummary>;
export type MerchantStatsData = z.infer<typeof MerchantStats>;
export type Range = { from: string; to: string };
export type CohortLtvData = z.infer<typeof CohortLtv>;
export type FlowsData = z.infer<typeof LifecycleFlows>;
export type MarketData = z.infer<typeof MarketInsights>;
export type MerchantAlertData = z.infer<typeof MerchantAlert>;
export type SavedAnalysisData = z.infer<typeof SavedAnalysis>;
export type SavedQuery = SavedAnalysisData['query'];
export type { SavedAnalysisKind };

const base = '/api/staff/growth';

export const fetchFunnel = (query: Range & { steps: string; entity: string; windowDays: number; breakdown: string }) =>
  apiRequest('GET', `${base}/funnel`, FunnelResult, { query });
export const fetchCohorts = (query: Range & { entity: string; period: string; periods: number }) =>
  apiRequest('GET', `${base}/cohorts`, CohortResult, { query });
export const fetchRfm = (asOf: string) => apiRequest('GET', `${base}/rfm`, RfmResult, { query: { asOf } });
export const fetchAttribution = (query: Range & { conversion: string }) =>
  apiRequest('GET', `${base}/attribution`, AttributionResult, { query });
export const fetchChannels = (query: Range) => apiRequest('GET', `${base}/channels`, ChannelEconomicsList, { query });
export const fetchChannelCosts = (query: Range) =>
  apiRequest('GET', `${base}/channel-costs`, ChannelCostList, { query });
export const addChannelCost = (body: z.input<typeof ChannelCostBody>) =>
  apiRequest('POST', `${base}/channel-costs`, ChannelCost, { body });
export const fetchLifecycle = () => apiRequest('GET', `${base}/lifecycle`, LifecycleSummary);
export const fetchKpis = () => apiRequest('GET', `${base}/kpis`, KpiBoard);
export const evaluateKpis = () => apiRequest('POST', `${base}/kpis/evaluate`, KpiBoard, { body: {} });
export const updateKpiTask = (taskId: string, body: { status?: 'open' | 'done' }) =>
  apiRequest('PATCH', `${base}/kpi-tasks/${taskId}`, KpiBoard, { body });
export const fetchMerchantStats = (orgId: string, query: Range) =>
  apiRequest('GET', `/api/orgs/${orgId}/merchant-stats`, MerchantStats, { query });

export const fetchCohortLtv = (query: Range & { period: string; periods: number }) =>
  apiRequest('GET', `${base}/cohorts/ltv`, CohortLtv, { query });
export const fetchFlows = (query: Range & { view: 'lifecycle' | 'marketing' }) =>
  apiRequest('GET', `${base}/lifecycle/flows`, LifecycleFlows, { query });

export const fetchSaved = (kind: SavedAnalysisKind) =>
  apiRequest('GET', `${base}/saved-analyses`, SavedAnalysisList, { query: { kind } });
export const saveAnalysis = (body: { kind: SavedAnalysisKind; name: string; query: SavedQuery; shared: boolean }) =>
  apiRequest('POST', `${base}/saved-analyses`, SavedAnalysis, { body });
export const updateSaved = (id: string, body: { name?: string; shared?: boolean }) =>
  apiRequest('PATCH', `${base}/saved-analyses/${id}`, SavedAnalysis, { body });
export const deleteSaved = (id: string) => apiRequestVoid('DELETE', `${base}/saved-analyses/${id}`);

/** Market insights: the growth team's (all rows) or, with `orgId`, the merchant's (groups of enough firms). */
export const fetchMarket = (query: Range & { level: 'province' | 'city' }, orgId?: string) =>
  apiRequest('GET', orgId ? `/api/orgs/${orgId}/market` : `${base}/market`, MarketInsights, { query });
export const fetchMerchantAlerts = (orgId?: string) =>
  apiRequest('GET', orgId ? `/api/orgs/${orgId}/merchant-alerts` : `${base}/merchant-alerts`, MerchantAlertList);
export const updateMerchantAlert = (id: string, status: 'acknowledged' | 'resolved', orgId?: string) =>
  apiRequest(
    'PATCH',
    orgId ? `/api/orgs/${orgId}/merchant-alerts/${id}` : `${base}/merchant-alerts/${id}`,
    MerchantAlert,
    { body: { status } },
  );
export const checkMerchantAlerts = () =>
  apiRequest('POST', `${base}/merchant-alerts/check`, MerchantAlertCheckResult, { body: {} });

/** The address of an analysis as CSV (导出), with the query the page shows it with. */
export const csvUrl = (analysis: 'funnel' | 'cohorts' | 'rfm' | 'channels', query: Record<string, string | number>) =>
  `${base}/${analysis}.csv?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`;

/** Shanghai calendar day, `days` from today. */
export function shanghaiDay(days = 0): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

export function defaultRange(weeks = 12): Range {
  return { from: shanghaiDay(-7 * weeks), to: shanghaiDay() };
}
