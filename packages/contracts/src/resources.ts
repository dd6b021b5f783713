import { z } from 'zod';
import { Id } from './common';
import { AmountFen, Location, PlacedLocation, plainText, Tags } from './library-fields';
import { RegionCode } from './organisation';

/** 资源类别 材料 / 设备 / 劳务队伍 / 机械租赁 (INFO-2). */
export const RESOURCE_CATEGORIES = ['material', 'equipment', 'labour', 'machinery'] as const;
export const ResourceCategory = z.enum(RESOURCE_CATEGORIES);
export type ResourceCategory = z.infer<typeof ResourceCategory>;

/**
 * 计价单位 units a price can be quoted in, each with its dimension and factor to the dimension's base unit, so
 * that a comparison can put ¥/千克 and ¥/吨 side by side. Month-based rents count 30 台班 (machinery) and
 * 26 工日 (labour: the usual working days in a month).
 */
export const UNITS = {
  吨: { dimension: 'mass', factor: 1 },
  千克: { dimension: 'mass', factor: 0.001 },
  立方米: { dimension: 'volume', factor: 1 },
  平方米: { dimension: 'area', factor: 1 },
  米: { dimension: 'length', factor: 1 },
  千米: { dimension: 'length', factor: 1000 },
  件: { dimension: 'count', factor: 1 },
  套: { dimension: 'count', factor: 1 },
  台: { dimension: 'count', factor: 1 },
  台班: { dimension: 'machine_time', factor: 1 },
  台·月: { dimension: 'machine_time', factor: 30 },
  工日: { dimension: 'labour_time', factor: 1 },
  人·月: { dimension: 'labour_time', factor: 26 },
} as const;
export type Unit = keyof typeof UNITS;
export const UNIT_NAMES = Object.keys(UNITS) as [Unit, ...Unit[]];
export const PriceUnit = z.enum(UNIT_NAMES);
export const BASE_UNITS: Record<(typeof UNITS)[Unit]['dimension'], Unit> = {
  mass: '吨',
  volume: '立方米',
  area: '平方米',
  length: '米',
  count: '件',
  machine_time: '台班',
  labour_time: '工日',
};

export interface ParamSpec {
  key: string;
  /** the label shown, zh-CN first */
  label: { 'zh-CN': string; en: string };
  type: 'enum' | 'number' | 'text';
  options?: readonly string[];
  min?: number;
  max?: number;
  unit?: string;
  required: boolean;
}

export interface ResourceKindSpec {
  key: string;
  category: ResourceCategory;
  name: string;
  units: readonly Unit[];
  params: readonly ParamSpec[];
}

const p = (
  key: string,
  zh: string,
  en: string,
  rest: Omit<ParamSpec, 'key' | 'label' | 'required'> & { required?: boolean },
): ParamSpec => ({ key, label: { 'zh-CN': zh, en }, required: rest.required ?? true, ...rest });

/** 资源品类 and the parameters each one publishes, e.g. 钢筋: grade and diameter; 塔吊: capacity and jib length. */
export const RESOURCE_KINDS: readonly ResourceKindSpec[] = [
  {
    key: 'rebar',
    category: 'material',
    name: '钢筋',
    units: ['吨', '千克'],
    params: [
      p('grade', '牌号', 'Grade', { type: 'enum', options: ['HPB300', 'HRB400', 'HRB400E', 'HRB500', 'HRB500E'] }),
      p('diameterMm', '直径', 'Diameter', { type: 'number', min: 6, max: 50, unit: 'mm' }),
    ],
  },
  {
    key: 'section_steel',
    category: 'material',
    name: '型钢',
    units: ['吨', '千克'],
    params: [
      p('shape', '截面', 'Section', { type: 'enum', options: ['H型钢', '工字钢', '槽钢', '角钢'] }),
      p('material', '材质', 'Steel grade', { type: 'enum', options: ['Q235B', 'Q355B'] }),
    ],
  },
  {
    key: 'concrete',
    category: 'material',
    name: '商品混凝土',
    units: ['立方米'],
    params: [
      p('strength', '强度等级', 'Strength class', {
        type: 'enum',
        options: ['C20', 'C25', 'C30', 'C35', 'C40', 'C50', 'C60'],
      }),
      p('slumpMm', '坍落度', 'Slump', { type: 'number', min: 50, max: 250, unit: 'mm', required: false }),
    ],
  },
  {
    key: 'cement',
    category: 'material',
    name: '水泥',
    units: ['吨', '千克'],
    params: [p('strength', '强度等级', 'Strength class', { type: 'enum', options: ['32.5', '42.5', '52.5'] })],
  },
  {
    key: 'curtain_wall_glass',
    category: 'material',
    name: '幕墙玻璃',
    units: ['平方米'],
    params: [
      p('build', '构造', 'Build-up', { type: 'text' }),
      p('thicknessMm', '总厚度', 'Thickness', { type: 'number', min: 4, max: 80, unit: 'mm' }),
    ],
  },
  {
    key: 'tower_crane',
    category: 'machinery',
    name: '塔吊',
    units: ['台班', '台·月'],
    params: [
      p('model', '型号', 'Model', { type: 'text' }),
      p('maxLoadT', '最大起重量', 'Max. load', { type: 'number', min: 1, max: 100, unit: 't' }),
      p('jibLengthM', '臂长', 'Jib length', { type: 'number', min: 20, max: 90, unit: 'm' }),
    ],
  },
  {
    key: 'excavator',
    category: 'machinery',
    name: '挖掘机',
    units: ['台班', '台·月'],
    params: [
      p('weightT', '整机重量', 'Operating weight', { type: 'number', min: 1, max: 100, unit: 't' }),
      p('bucketM3', '斗容', 'Bucket', { type: 'number', min: 0.1, max: 5, unit: 'm³' }),
    ],
  },
  {
    key: 'mobile_crane',
    category: 'machinery',
    name: '汽车吊',
    units: ['台班', '台·月'],
    params: [p('capacityT', '额定起重量', 'Rated capacity', { type: 'number', min: 8, max: 500, unit: 't' })],
  },
  {
    key: 'hoist',
    category: 'equipment',
    name: '施工升降机',
    units: ['台', '台·月'],
    params: [
      p('model', '型号', 'Model', { type: 'text' }),
      p('loadKg', '额定载重', 'Rated load', { type: 'number', min: 200, max: 5000, unit: 'kg' }),
    ],
  },
  {
    key: 'scaffold',
    category: 'equipment',
    name: '盘扣脚手架',
    units: ['吨', '套'],
    params: [p('pipeMm', '立杆直径', 'Standard diameter', { type: 'number', min: 40, max: 70, unit: 'mm' })],
  },
  {
    key: 'labour_team',
    category: 'labour',
    name: '劳务队伍',
    units: ['工日', '人·月'],
    params: [
      p('trade', '工种', 'Trade', {
        type: 'enum',
        options: ['钢筋工', '木工', '混凝土工', '架子工', '电焊工', '幕墙安装工', '综合班组'],
      }),
      p('headcount', '人数', 'Headcount', { type: 'number', min: 1, max: 500, unit: '人' }),
    ],
  },
];

export const ResourceParams = z.record(z.string().max(40), z.union([z.string().max(100), z.number()]));

export const CreateResourceBody = z.object({
  kind: z.string().max(40),
  title: plainText(2, 100),
  params: ResourceParams.default({}),
  /** 单价 in fen per `unit` */
  priceFen: AmountFen,
  unit: PriceUnit,
  /** 库存 in `unit`s (for rentals: machines available) */
  stock: z.number().int().min(0).max(1e9).default(0),
  /** 服务区域 province or city codes served */
  serviceRegionCodes: z.array(RegionCode).min(1).max(34),
  /** 供货周期 days from order to delivery */
  leadTimeDays: z.number().int().min(0).max(365),
  /** 发货地 the warehouse or yard; the region's centre when absent */
  regionCode: RegionCode,
  location: Location.optional(),
  tags: Tags.default([]),
  description: plainText(0, 3000).default(''),
});
export type CreateResourceBody = z.input<typeof CreateResourceBody>;
export const UpdateResourceBody = z.object({
  title: plainText(2, 100).optional(),
  params: ResourceParams.optional(),
  priceFen: AmountFen.optional(),
  unit: PriceUnit.optional(),
  stock: z.number().int().min(0).max(1e9).optional(),
  serviceRegionCodes: z.array(RegionCode).min(1).max(34).optional(),
  leadTimeDays: z.number().int().min(0).max(365).optional(),
  tags: Tags.optional(),
  description: plainText(0, 3000).optional(),
  status: z.enum(['active', 'withdrawn']).optional(),
});

export const ResourceListing = z.object({
  id: Id,
  orgId: Id,
  orgName: z.string(),
  category: ResourceCategory,
  kind: z.string(),
  kindName: z.string(),
  title: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  priceFen: z.number(),
  unit: PriceUnit,
  stock: z.number(),
  serviceRegionCodes: z.array(z.string()),
  serviceRegionNames: z.array(z.string()),
  leadTimeDays: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  location: PlacedLocation,
  tags: z.array(z.string()),
  description: z.string(),
  status: z.enum(['active', 'withdrawn']),
  mine: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ResourceListing = z.infer<typeof ResourceListing>;
export const ResourceListingList = z.object({ items: z.array(ResourceListing) });
export const ResourceParamsPath = z.object({ listingId: Id });
export const OrgResourceParams = z.object({ orgId: Id, listingId: Id });

/** 资源对比表: 2–6 listings, optionally measured from the buyer's site. */
export const CompareQuery = z
  .object({
    ids: z
      .string()
      .max(300)
      .transform((v) => [
        ...new Set(
          v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ])
      .pipe(z.array(Id).min(2, { message: 'COMPARE_COUNT' }).max(6, { message: 'COMPARE_COUNT' })),
    lat: z.coerce.number().pipe(Location.shape.lat).optional(),
    lng: z.coerce.number().pipe(Location.shape.lng).optional(),
    /** the site's region: listings whose service regions do not cover it cannot be the best value */
    region: RegionCode.optional(),
  })
  .refine((v) => (v.lat === undefined) === (v.lng === undefined), { message: 'COORDINATE_PAIR_REQUIRED' });

export const ComparisonRow = z.object({
  listing: ResourceListing,
  /** price per base unit of the dimension (e.g. ¥/吨 for a listing quoted per 千克), in fen */
  normalisedPriceFen: z.number(),
  baseUnit: z.string(),
  dimension: z.string(),
  distanceKm: z.number().nullable(),
  /** 信用等级 when the credit module knows it (not yet: null) */
  creditGrade: z.string().nullable(),
  /** serves the buyer's site region (when a site is given) */
  servesSite: z.boolean().nullable(),
  /** 0–100 value-for-money score within its comparison group */
  score: z.number(),
  bestValue: z.boolean(),
  lowestPrice: z.boolean(),
  nearest: z.boolean(),
  /** listings of another dimension (per 吨 vs per 台班) are compared only with their own group */
  group: z.number().int(),
});
export const Comparison = z.object({
  rows: z.array(ComparisonRow),
  /** the weights used, so the table can say how "best value" was decided */
  weights: z.object({ price: z.number(), distance: z.number(), credit: z.number() }),
  /** the parameter keys shown as rows (union over the listings' kinds) */
  paramKeys: z.array(z.object({ key: z.string(), label: z.object({ 'zh-CN': z.string(), en: z.string() }) })),
});
export type Comparison = z.infer<typeof Comparison>;
