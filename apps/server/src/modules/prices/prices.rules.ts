import { RESOURCE_KINDS } from '@zhuhe/contracts';
import { parseCsv } from './prices.csv';
import { priceErrors } from './prices.errors';

/** Why a line of a price file was left out. */
export type RejectReason = 'columns' | 'date' | 'price' | 'duplicate' | 'unit' | 'material' | 'region';

export const REJECT_MESSAGES: Record<RejectReason, { 'zh-CN': string; en: string }> = {
  columns: { 'zh-CN': '列数不对', en: 'wrong number of columns' },
  date: { 'zh-CN': '月份无法识别（应为 YYYY-MM 或 YYYY-MM-01）', en: 'month not readable (YYYY-MM or YYYY-MM-01)' },
  price: { 'zh-CN': '价格须为正数', en: 'price must be a positive number' },
  duplicate: { 'zh-CN': '同一序列同一月份重复出现', en: 'the same month of the same series appears twice' },
  unit: { 'zh-CN': '计量单位与材料不符', en: 'unit not used for this material' },
  material: { 'zh-CN': '材料不在目录中', en: 'material not in the catalogue' },
  region: { 'zh-CN': '地区代码须为 6 位行政区划代码', en: 'region code must be a 6-digit GB/T 2260 code' },
};

/** Materials a 信息价 file may name: the resource library's material kinds, with their units. */
export const PRICE_MATERIALS = RESOURCE_KINDS.filter((k) => k.category === 'material');

/** The shared PPI series that stand in for a material's price trend (US BLS, via FRED); the others have none. */
export const INDEX_MATERIALS: Record<string, string> = {
  WPU1017: 'rebar',
  WPU1073: 'section_steel',
  WPU1322: 'cement',
  WPU1333: 'concrete',
};

export interface ParsedPoint {
  line: number;
  code: string;
  kind: 'price' | 'index';
  material: string | null;
  regionCode: string | null;
  unit: string;
  title: { 'zh-CN': string; en: string };
  month: string;
  /** fen per unit for prices, the index value for indices */
  value: number;
}

export interface ParsedFile {
  kind: 'price' | 'index';
  points: ParsedPoint[];
  rejected: { line: number; reason: RejectReason }[];
}

function month(raw: string | undefined): string | null {
  const m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(raw?.trim() ?? '');
  if (!m) return null;
  const mm = Number(m[2]);
  const year = Number(m[1]);
  if (mm < 1 || mm > 12 || year < 1900 || year > 2100) return null;
  if (m[3] !== undefined && Number(m[3]) !== 1) return null;
  return `${m[1]}-${String(mm).padStart(2, '0')}`;
}

/**
 * Checks a price file line by line. 信息价: `material,region_code,unit,month,price` (price in yuan per unit);
 * index: `series_id,[title,]date,index_value` (the shared PPI file's format). A line is left out with its reason
 * when its month is broken, its price not positive, its unit not the material's, or its series and month already
 * appeared earlier in the file; every other line is kept.
 */
export function parsePriceFile(text: string): ParsedFile {
  const table = parseCsv(text);
  const header = table[0]?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const col = (name: string) => header.indexOf(name);
  const isIndex = col('series_id') >= 0 && col('date') >= 0 && col('index_value') >= 0;
  const isPrice = ['material', 'region_code', 'unit', 'month', 'price'].every((c) => col(c) >= 0);
  if (!isIndex && !isPrice) throw priceErrors.raise('PRICES_CSV_HEADER');
  if (table.length < 2) throw priceErrors.raise('PRICES_CSV_EMPTY');
  const points: ParsedPoint[] = [];
  const rejected: ParsedFile['rejected'] = [];
  const seen = new Set<string>();
  for (const { line, fields } of table.slice(1)) {
    if (fields.length !== header.length) {
      rejected.push({ line, reason: 'columns' });
      continue;
    }
    const get = (name: string) => fields[col(name)]?.trim() ?? '';
    let point: ParsedPoint | RejectReason;
    if (isIndex) {
      const code = get('series_id');
      const m = month(get('date'));
      const value = Number(get('index_value'));
      const titleCol = header.findIndex((h) => h.startsWith('title'));
      const title = (titleCol >= 0 ? fields[titleCol]?.trim() : '') || code;
      if (!m) point = 'date';
      else if (!code) point = 'columns';
      else if (!(Number.isFinite(value) && value > 0) || get('index_value') === '') point = 'price';
      else
        point = {
          line,
          code,
          kind: 'index',
          material: INDEX_MATERIALS[code] ?? null,
          regionCode: null,
          unit: 'index',
          title: { 'zh-CN': title, en: title },
          month: m,
          value,
        };
    } else {
      const spec = PRICE_MATERIALS.find((k) => k.key === get('material'));
      const regionCode = get('region_code');
      const m = month(get('month'));
      const yuan = Number(get('price'));
      const unit = get('unit');
      if (!spec) point = 'material';
      else if (!/^\d{6}$/.test(regionCode)) point = 'region';
      else if (!m) point = 'date';
      else if (!(spec.units as readonly string[]).includes(unit)) point = 'unit';
      else if (!(Number.isFinite(yuan) && yuan > 0) || get('price') === '') point = 'price';
      else
        point = {
          line,
          code: `${spec.key}@${regionCode}`,
          kind: 'price',
          material: spec.key,
          regionCode,
          unit,
          title: { 'zh-CN': `${spec.name} 信息价`, en: `${spec.key} published price` },
          month: m,
          value: Math.round(yuan * 100),
        };
    }
    if (typeof point === 'string') {
      rejected.push({ line, reason: point });
      continue;
    }
    const key = `${point.code}|${point.month}`;
    if (seen.has(key)) {
      rejected.push({ line, reason: 'duplicate' });
      continue;
    }
    seen.add(key);
    points.push(point);
  }
  return { kind: isIndex ? 'index' : 'price', points, rejected };
}

/** 6-month change of the forecast against the last figure, as a fraction. */
export function forecastChange(last: number, sixMonthValue: number): number {
  return last > 0 ? sixMonthValue / last - 1 : 0;
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
