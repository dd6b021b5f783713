import { z } from 'zod';
import { Id } from './common';
import { RegionCode } from './organisation';
import { PriceIndexView } from './price-indices';

/** 政府监管看板 one cell: a sum or an on-time share, or suppressed because fewer firms than the minimum stand behind it. */
export const BoardCell = z.object({
  month: z.string(),
  value: z.number().nullable(),
  count: z.number().int().nullable(),
  suppressed: z.boolean(),
});
export type BoardCell = z.infer<typeof BoardCell>;

export const BOARD_METRICS = ['demands', 'volumeFen', 'paymentOnTime', 'wageOnTime'] as const;
export const BoardMetric = z.enum(BOARD_METRICS);
export type BoardMetric = z.infer<typeof BoardMetric>;

export const BoardRegion = z.object({
  regionCode: z.string(),
  name: z.string(),
  /** the GOV organisation's own region (the total) rather than one of its sub-regions */
  total: z.boolean(),
  metrics: z.record(BoardMetric, z.array(BoardCell)),
});
export type BoardRegion = z.infer<typeof BoardRegion>;

export const GovBoardQuery = z.object({ months: z.coerce.number().int().min(3).max(24).default(12) });

export const GovBoard = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  minGroupSize: z.number().int(),
  months: z.array(z.string()),
  regions: z.array(BoardRegion),
  indices: z.array(PriceIndexView),
});
export type GovBoard = z.infer<typeof GovBoard>;

export const GovScopeParams = z.object({ govOrgId: Id });
export const GovScopeBody = z.object({ regionCode: RegionCode });
export const GovScopeView = z.object({
  orgId: Id,
  regionCode: z.string(),
  regionName: z.string(),
  grantedAt: z.string(),
});

/** 成本预警阈值 warn when a material is forecast to rise more than risePct % within withinMonths months. */
export const CostThresholdBody = z.object({
  material: z.string().max(40).nullable(),
  risePct: z
    .number({ message: 'COST_RISE_INVALID' })
    .min(0.5, { message: 'COST_RISE_INVALID' })
    .max(100, { message: 'COST_RISE_INVALID' }),
  withinMonths: z
    .number({ message: 'COST_MONTHS_INVALID' })
    .int({ message: 'COST_MONTHS_INVALID' })
    .min(1, { message: 'COST_MONTHS_INVALID' })
    .max(6, { message: 'COST_MONTHS_INVALID' }),
});
export type CostThresholdBody = z.infer<typeof CostThresholdBody>;

export const CostThresholdView = z.object({
  id: Id,
  material: z.string().nullable(),
  risePct: z.number(),
  withinMonths: z.number().int(),
  createdAt: z.string(),
});
export type CostThresholdView = z.infer<typeof CostThresholdView>;

export const CostWarningView = z.object({
  id: Id,
  thresholdId: Id,
  material: z.string(),
  seriesId: Id,
  seriesCode: z.string(),
  lastMonth: z.string(),
  lastValue: z.number(),
  peakMonth: z.string(),
  peakValue: z.number(),
  rise: z.number(),
  demands: z.array(z.object({ id: z.string(), title: z.string() })),
  createdAt: z.string(),
});
export type CostWarningView = z.infer<typeof CostWarningView>;

export const CostWarningsPage = z.object({
  thresholds: z.array(CostThresholdView),
  warnings: z.array(CostWarningView),
});
export type CostWarningsPage = z.infer<typeof CostWarningsPage>;
