import { z } from 'zod';
import { Id } from './common';
import { LifecycleStage, MarketingStage } from './growth';

/** 拓客 growth insights: lifecycle flows, LTV per cohort, merchant alerts, demand heat and keyword ranking. */

const DateOnly = z.iso.date();

export const LifecycleFlowView = z.enum(['lifecycle', 'marketing']);
export const LifecycleFlowsQuery = z.object({
  from: DateOnly,
  to: DateOnly,
  view: LifecycleFlowView.default('lifecycle'),
});
/**
 * 阶段流转 organisations by their stage at the start of the period (`from`; `none` when created later) and at its
 * end (`to`). Same-stage flows are organisations that stayed.
 */
export const LifecycleFlows = z.object({
  view: LifecycleFlowView,
  from: DateOnly,
  to: DateOnly,
  stages: z.array(z.union([LifecycleStage, MarketingStage])),
  flows: z.array(
    z.object({
      from: z.union([LifecycleStage, MarketingStage, z.literal('none')]),
      to: z.union([LifecycleStage, MarketingStage]),
      orgs: z.number().int(),
    }),
  ),
});

/** LTV per cohort: the cohorts of organisations created in [from, to], by week or month. */
export const CohortLtvQuery = z.object({
  period: z.enum(['week', 'month']).default('week'),
  periods: z.coerce.number().int().min(1).max(24).default(12),
  from: DateOnly,
  to: DateOnly,
});
export const CohortLtv = z.object({
  period: z.enum(['week', 'month']),
  rows: z.array(
    z.object({
      cohort: z.string(),
      size: z.number().int(),
      /** estimated platform revenue per organisation of the cohort, cumulative to the end of period k (fen); the
       * current period so far; null for one not yet begun */
      ltvFen: z.array(z.number().nullable()),
    }),
  ),
});

export const MerchantAlertRule = z.enum(['exposure_drop', 'inquiry_drop', 'complaint_rate']);
export const MerchantAlertStatus = z.enum(['open', 'acknowledged', 'resolved']);
export const MerchantAlert = z.object({
  id: Id,
  orgId: Id,
  orgName: z.string().nullable(),
  rule: MerchantAlertRule,
  weekStart: DateOnly,
  /** the figures the rule compared, e.g. { current, average, share } or { complaints, deals, rate, threshold } */
  evidence: z.record(z.string(), z.number()),
  status: MerchantAlertStatus,
  raisedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export const MerchantAlertList = z.object({ items: z.array(MerchantAlert) });
export const MerchantAlertListQuery = z.object({ status: MerchantAlertStatus.optional() });
export const MerchantAlertParams = z.object({ alertId: Id });
export const OrgMerchantAlertParams = z.object({ orgId: Id, alertId: Id });
export const MerchantAlertPatch = z.object({ status: z.enum(['acknowledged', 'resolved']) });
/** a merchant acknowledges (确认) its alert; resolving is the growth team's */
export const MerchantAlertAck = z.object({ status: z.literal('acknowledged') });
export const MerchantAlertCheckBody = z.object({ asOf: DateOnly.optional() });
export const MerchantAlertCheckResult = z.object({ raised: z.number().int() });

export const MarketQuery = z.object({
  from: DateOnly,
  to: DateOnly,
  level: z.enum(['province', 'city']).default('province'),
});
/**
 * 需求热度与搜索词 published demands by region and searched keywords. For a merchant every row stands for at least
 * `minGroup` organisations (regions) or searchers (keywords); smaller regions are left out.
 */
export const MarketInsights = z.object({
  from: DateOnly,
  to: DateOnly,
  level: z.enum(['province', 'city']),
  minGroup: z.number().int(),
  regions: z.array(
    z.object({ regionCode: z.string(), regionName: z.string(), demands: z.number().int(), orgs: z.number().int() }),
  ),
  keywords: z.array(
    z.object({
      keyword: z.string(),
      searches: z.number().int(),
      zeroResultSearches: z.number().int(),
      searchers: z.number().int(),
    }),
  ),
});
