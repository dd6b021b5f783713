import { z } from 'zod';
import { Id } from './common';
import { DateOnly, plainText } from './library-fields';

const Text = z.object({ 'zh-CN': z.string(), en: z.string() });

/** 价格序列 kind: a city's published price (信息价, fen per unit) or a price index. */
export const PriceSeriesKind = z.enum(['price', 'index']);

export const PriceSeriesQuery = z.object({ material: z.string().max(40).optional() });
export const PriceSeriesParams = z.object({ seriesId: Id });
export const PriceSeriesDetailQuery = z.object({ months: z.coerce.number().int().min(12).max(600).default(120) });

export const PriceForecastView = z.object({
  baseMonth: z.string(),
  /** naive | drift | damped | theta | arima | ensemble | combination */
  method: z.string(),
  /** backtest mean absolute relative error of the method chosen and of naive last-value, on the same origins */
  backtestError: z.number().nullable(),
  naiveBacktestError: z.number().nullable(),
  backtestOrigins: z.number().int(),
  points: z.array(z.object({ month: z.string(), value: z.number(), lower: z.number(), upper: z.number() })),
  computedAt: z.string(),
});
export type PriceForecastView = z.infer<typeof PriceForecastView>;

export const PriceSeriesSummary = z.object({
  id: Id,
  code: z.string(),
  kind: PriceSeriesKind,
  material: z.string().nullable(),
  regionCode: z.string().nullable(),
  unit: z.string(),
  title: Text,
  source: z.string(),
  lastMonth: z.string().nullable(),
  lastValue: z.number().nullable(),
  change6m: z.number().nullable(),
  forecast: PriceForecastView.nullable(),
});
export type PriceSeriesSummary = z.infer<typeof PriceSeriesSummary>;
export const PriceSeriesList = z.object({ items: z.array(PriceSeriesSummary) });

export const PriceSeriesDetail = z.object({
  series: PriceSeriesSummary,
  points: z.array(z.object({ month: z.string(), value: z.number() })),
});
export type PriceSeriesDetail = z.infer<typeof PriceSeriesDetail>;

export const PriceImportBody = z.object({
  fileName: plainText(1, 200),
  /** the CSV text: 信息价 `material,region_code,unit,month,price` (yuan) or index `series_id,[title,]date,index_value` */
  csv: z.string().min(1, { message: 'TEXT_REQUIRED' }).max(5_000_000, { message: 'PRICE_FILE_TOO_LARGE' }),
});

export const PRICE_REJECT_REASONS = ['columns', 'date', 'price', 'duplicate', 'unit', 'material', 'region'] as const;
export const PriceImportReport = z.object({
  importId: Id,
  kind: PriceSeriesKind,
  accepted: z.number().int(),
  series: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), reason: z.enum(PRICE_REJECT_REASONS), message: Text })),
});
export type PriceImportReport = z.infer<typeof PriceImportReport>;

// ── 采购优化 procurement plan (DATA-4) ────────────────────────────────────────────────────────────────────────

export const ProcurementPlanParams = z.object({ orgId: Id, demandId: Id });
export const ProcurementPlanBody = z.object({
  /** the day the materials must be on site */
  requiredBy: DateOnly,
  minCreditScore: z
    .number()
    .int({ message: 'CREDIT_SCORE_INVALID' })
    .min(0, { message: 'CREDIT_SCORE_INVALID' })
    .max(100, { message: 'CREDIT_SCORE_INVALID' })
    .default(60),
  maxSharePercent: z
    .number()
    .int({ message: 'SHARE_INVALID' })
    .min(10, { message: 'SHARE_INVALID' })
    .max(100, { message: 'SHARE_INVALID' })
    .default(60),
});
export type ProcurementPlanBody = z.infer<typeof ProcurementPlanBody>;

export const ProcurementLineView = z.object({
  lineId: z.string(),
  name: z.string(),
  unit: z.string(),
  quantity: z.number(),
  /** the resource kind the line was matched to, or null when none fits (the line is then not planned) */
  material: z.string().nullable(),
  offers: z.number().int(),
  outlook: z
    .object({ seriesId: Id, title: Text, kind: PriceSeriesKind, change6m: z.number(), method: z.string() })
    .nullable(),
});

export const ProcurementAllocationView = z.object({
  lineId: z.string(),
  offerId: z.string(),
  supplierId: z.string(),
  supplierName: z.string(),
  offerTitle: z.string(),
  quantity: z.number(),
  unitPriceFen: z.number().int(),
  deliveryFen: z.number().int(),
  costFen: z.number().int(),
  distanceKm: z.number(),
  leadTimeDays: z.number().int(),
});

export const PROCUREMENT_BINDING_KINDS = ['stock', 'share', 'min_order', 'lead_time', 'credit', 'price_break'] as const;
export const PROCUREMENT_INFEASIBLE_KINDS = [
  'no_offers',
  'lead_time',
  'credit',
  'stock',
  'share',
  'min_order',
  'combined',
] as const;

export const ProcurementNote = z.object({
  kind: z.string(),
  lineId: z.string().nullable(),
  supplierName: z.string().nullable(),
  text: Text,
});
export type ProcurementNote = z.infer<typeof ProcurementNote>;

export const ProcurementPlanView = z.object({
  id: Id,
  demandId: Id,
  status: z.enum(['optimal', 'infeasible', 'not_solved']),
  rules: ProcurementPlanBody,
  lines: z.array(ProcurementLineView),
  allocations: z.array(ProcurementAllocationView),
  totalFen: z.number().int(),
  naiveFen: z.number().int(),
  /** lines no single offer can deliver alone: outside the naive total and the saving */
  naiveUncoveredLines: z.array(z.string()),
  savingFen: z.number().int(),
  savingRate: z.number(),
  /** binding constraints (optimal) or the reason no plan exists (infeasible), explained */
  notes: z.array(ProcurementNote),
  solveMs: z.number(),
  createdAt: z.string(),
});
export type ProcurementPlanView = z.infer<typeof ProcurementPlanView>;
export const ProcurementPlanLatest = z.object({ plan: ProcurementPlanView.nullable() });
