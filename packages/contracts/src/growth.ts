import { z } from 'zod';
import { Id } from './common';

/** 拓客 growth analytics: collection, funnels, cohorts, RFM, attribution, channel economics, KPI board. */

const EventName = z.string().regex(/^[a-z][a-z_]*(\.[a-z_]+)+$/, 'object.verb, e.g. page.viewed');

export const CollectedEvent = z.object({
  name: EventName.max(80),
  occurredAt: z.iso.datetime(),
  properties: z.record(z.string(), z.union([z.string().max(500), z.number(), z.boolean(), z.null()])).default({}),
});
/**
 * One batch from the web app. `consent` is the visitor's PIPL choice as stored in the browser; a batch without a
 * granted consent is dropped whole, and events dated before `consent.at` are dropped one by one.
 */
export const CollectBatchBody = z.object({
  anonymousId: z.string().min(8).max(64),
  consent: z.object({ granted: z.boolean(), at: z.iso.datetime() }).nullable(),
  events: z.array(CollectedEvent).min(1).max(200),
});
export const CollectBatchResult = z.object({
  accepted: z.number().int(),
  dropped: z.number().int(),
  reason: z.enum(['ok', 'no_consent', 'bot']),
});

export const GrowthEntity = z.enum(['org', 'user']);
export type GrowthEntity = z.infer<typeof GrowthEntity>;
export const FunnelBreakdown = z.enum(['none', 'channel', 'region', 'role']);
export type FunnelBreakdown = z.infer<typeof FunnelBreakdown>;
const DateOnly = z.iso.date();

export const FunnelQuery = z.object({
  steps: z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(EventName).min(2).max(5)),
  entity: GrowthEntity.default('org'),
  windowDays: z.coerce.number().int().min(1).max(180).default(14),
  breakdown: FunnelBreakdown.default('none'),
  from: DateOnly,
  to: DateOnly,
});
export const FunnelResult = z.object({
  steps: z.array(z.string()),
  groups: z.array(z.object({ key: z.string(), counts: z.array(z.number().int()) })),
});

export const CohortQuery = z.object({
  entity: GrowthEntity.default('org'),
  period: z.enum(['week', 'month']).default('week'),
  periods: z.coerce.number().int().min(1).max(24).default(12),
  from: DateOnly,
  to: DateOnly,
});
export const CohortResult = z.object({
  period: z.enum(['week', 'month']),
  rows: z.array(z.object({ cohort: z.string(), size: z.number().int(), retained: z.array(z.number().int()) })),
});

export const RfmSegment = z.enum(['champion', 'loyal', 'new', 'at_risk', 'lost', 'regular']);
export const RfmQuery = z.object({ asOf: DateOnly });
export const RfmResult = z.object({
  segments: z.array(z.object({ segment: RfmSegment, orgs: z.number().int(), monetaryFen: z.number() })),
  orgs: z.array(
    z.object({
      orgId: Id,
      recencyDays: z.number().int(),
      frequency: z.number().int(),
      monetaryFen: z.number(),
      r: z.number().int(),
      f: z.number().int(),
      m: z.number().int(),
      segment: RfmSegment,
    }),
  ),
});

export const AttributionConversion = z.enum(['registration', 'first_demand', 'first_contract']);
export const AttributionQuery = z.object({ conversion: AttributionConversion, from: DateOnly, to: DateOnly });
export const AttributionResult = z.object({
  conversion: AttributionConversion,
  rows: z.array(
    z.object({
      channel: z.string(),
      campaign: z.string(),
      firstTouch: z.number(),
      lastTouch: z.number(),
      positionBased: z.number(),
    }),
  ),
});

export const ChannelEconomicsQuery = z.object({ from: DateOnly, to: DateOnly });
export const ChannelEconomics = z.object({
  channel: z.string(),
  costFen: z.number(),
  newOrgs: z.number().int(),
  /** 获客成本 cost per new organisation; null without new organisations */
  cacFen: z.number().nullable(),
  /** estimated platform revenue from the channel's organisations (see ADR 0115) */
  revenueFen: z.number(),
  roi: z.number().nullable(),
  ltvFen: z.number().nullable(),
  ltvToCac: z.number().nullable(),
});
export const ChannelEconomicsList = z.object({ items: z.array(ChannelEconomics) });

export const ChannelCostBody = z.object({
  channel: z.string().min(1).max(60),
  periodStart: DateOnly,
  periodEnd: DateOnly,
  amountFen: z.number().int().min(0),
  note: z.string().max(200).optional(),
});
export const ChannelCost = ChannelCostBody.extend({ id: Id, note: z.string().nullable() });
export const ChannelCostList = z.object({ items: z.array(ChannelCost) });

export const LifecycleStage = z.enum(['acquired', 'activated', 'retained', 'converted']);
export const MarketingStage = z.enum(['awareness', 'interest', 'consideration', 'purchase', 'loyalty']);
export const LifecycleSummary = z.object({
  stages: z.array(z.object({ stage: LifecycleStage, orgs: z.number().int() })),
  marketing: z.array(z.object({ stage: MarketingStage, count: z.number().int() })),
});
export const LifecycleParams = z.object({ subjectOrgId: Id });
export const OrgLifecycle = z.object({
  orgId: Id,
  stage: LifecycleStage,
  history: z.array(z.object({ stage: LifecycleStage, enteredAt: z.iso.datetime() })),
});

export const KpiKey = z.enum(['retention', 'cac', 'conversion', 'acquisition', 'matching']);
export type KpiKey = z.infer<typeof KpiKey>;
export const Kpi = z.object({
  key: KpiKey,
  unit: z.enum(['percent', 'fen', 'count']),
  baseline: z.number(),
  target: z.number(),
  actual: z.number().nullable(),
  /** the alert line: below it (or above it, for `direction: 'max'`) the KPI alerts */
  threshold: z.number(),
  direction: z.enum(['min', 'max']),
  alerting: z.boolean(),
});
export const KpiTask = z.object({
  id: Id,
  kpi: KpiKey,
  periodStart: DateOnly,
  actual: z.number(),
  threshold: z.number(),
  ownerUserId: Id.nullable(),
  ownerName: z.string().nullable(),
  status: z.enum(['open', 'done']),
  openedAt: z.iso.datetime(),
});
export const KpiBoard = z.object({
  periodStart: DateOnly,
  periodEnd: DateOnly,
  kpis: z.array(Kpi),
  tasks: z.array(KpiTask),
});
export const KpiEvaluateBody = z.object({ asOf: DateOnly.optional() });
/** 数据驱动周报 the week ending `asOf` (default today, Shanghai). */
export const WeeklyReportQuery = z.object({ asOf: DateOnly.optional() });
export const KpiTaskParams = z.object({ taskId: Id });
export const KpiTaskPatch = z.object({ status: z.enum(['open', 'done']).optional(), ownerUserId: Id.optional() });

export const GrowthRangeQuery = z.object({ from: DateOnly, to: DateOnly });

/** 商家数据 a merchant's own figures, next to platform medians shown only over enough merchants (k ≥ 5). */
export const MerchantStats = z.object({
  from: DateOnly,
  to: DateOnly,
  exposure: z.number().int(),
  inquiries: z.number().int(),
  deals: z.number().int(),
  conversion: z.number().nullable(),
  weekly: z.array(z.object({ week: z.string(), exposure: z.number().int(), inquiries: z.number().int() })),
  benchmark: z.object({ merchants: z.number().int(), medianConversion: z.number().nullable() }).nullable(),
});
