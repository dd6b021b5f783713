import { z } from 'zod';

/**
 * 综合单价指数 engineering types and their baskets (DATA-2). The weights are the shares of each material in the
 * material cost of a typical bill of quantities of that type (房建: a reinforced-concrete frame with a glass
 * façade; 市政: roads and drainage with concrete pipes; 公路: a cement-concrete road with bridges), rounded to
 * 5 %. They are the platform's documented choice (ADR 0129), not measured from any one firm's bill.
 */
/** The project engineering types (projects.ts) that have an index basket: a subset of ENGINEERING_TYPES. */
export const INDEXED_ENGINEERING_TYPES = ['building', 'municipal', 'highway'] as const;
export const IndexedEngineeringType = z.enum(INDEXED_ENGINEERING_TYPES);
export type IndexedEngineeringType = z.infer<typeof IndexedEngineeringType>;

export const INDEX_BASKETS: Record<
  IndexedEngineeringType,
  { name: { 'zh-CN': string; en: string }; weights: Record<string, number> }
> = {
  building: {
    name: { 'zh-CN': '房屋建筑', en: 'Buildings' },
    weights: { rebar: 0.35, concrete: 0.3, section_steel: 0.1, cement: 0.1, curtain_wall_glass: 0.15 },
  },
  municipal: {
    name: { 'zh-CN': '市政工程', en: 'Municipal works' },
    weights: { concrete: 0.4, rebar: 0.3, cement: 0.2, section_steel: 0.1 },
  },
  highway: {
    name: { 'zh-CN': '公路工程', en: 'Highways' },
    weights: { cement: 0.35, concrete: 0.3, rebar: 0.25, section_steel: 0.1 },
  },
};

/** A basket is computed where the materials with figures carry at least this share of its weight. */
export const INDEX_MIN_COVERAGE = 0.6;

export const PriceIndexQuery = z.object({
  regionCode: z
    .string()
    .regex(/^\d{6}$/, { message: 'REGION_CODE_INVALID' })
    .optional(),
  type: IndexedEngineeringType.optional(),
});

export const PriceIndexView = z.object({
  /** GB/T 2260 city or province code; null for the national index made from price indices */
  regionCode: z.string().nullable(),
  type: IndexedEngineeringType,
  /** the calendar year whose average is 100 */
  baseYear: z.number().int(),
  /** the share of the basket's weight the index is made of (the weights are renormalised over it) */
  coverage: z.number(),
  /** the weights used, after renormalisation, with the series each material's figures came from */
  basket: z.array(z.object({ material: z.string(), weight: z.number(), seriesCode: z.string() })),
  points: z.array(z.object({ month: z.string(), value: z.number() })),
  forecast: z
    .object({
      method: z.string(),
      backtestError: z.number().nullable(),
      naiveBacktestError: z.number().nullable(),
      points: z.array(z.object({ month: z.string(), value: z.number(), lower: z.number(), upper: z.number() })),
    })
    .nullable(),
  computedAt: z.string(),
});
export type PriceIndexView = z.infer<typeof PriceIndexView>;
export const PriceIndexList = z.object({ items: z.array(PriceIndexView) });
