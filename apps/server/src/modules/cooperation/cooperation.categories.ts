import { RESOURCE_KINDS } from '@zhuhe/contracts';

/**
 * Category codes of cooperation records. ZhuHe's own are `ZH:<key>` (a resource kind such as `ZH:rebar`, or a
 * work category written by the buyer such as `ZH:钢结构分包`); foreign codes keep their scheme (`CPV:45232460`).
 * Matching compares codes at three levels: the code, its group and its division.
 */
export interface CategoryLevels {
  code: string;
  group: string;
  division: string;
  /** the ZhuHe category the code belongs to ('' when the code is foreign and unmapped) */
  zhCategory: string;
}

/**
 * CPV (EU Common Procurement Vocabulary) prefixes → ZhuHe categories. Longest prefix wins; codes outside these
 * are kept and matched by their own prefixes, and counted as unknown by the import.
 */
const CPV_TO_ZH: Record<string, string> = {
  '441': 'material',
  '442': 'material',
  '443': 'material',
  '444': 'material',
  '445': 'material',
  '43': 'machinery',
  '451': 'subcontract:earthworks',
  '452': 'subcontract:structure',
  '453': 'subcontract:installation',
  '454': 'subcontract:finishing',
  '455': 'machinery',
  '45': 'subcontract',
  '712': 'design',
  '713': 'design',
  '7152': 'supervision',
  '7124': 'design',
  '71': 'design',
};

const KIND_CATEGORY = new Map(RESOURCE_KINDS.map((k) => [k.key, k.category as string]));

function cpvZh(digits: string): string {
  for (let n = 4; n >= 2; n -= 1) {
    const hit = CPV_TO_ZH[digits.slice(0, n)];
    if (hit) return hit;
  }
  return '';
}

/** Levels of a code, or null when it is not a code at all. */
export function categoryLevels(raw: string): CategoryLevels | null {
  const code = raw.trim();
  const cpv = /^CPV:(\d{8})(?:-\d)?$/i.exec(code);
  if (cpv) {
    const d = cpv[1] as string;
    return { code: `CPV:${d}`, group: `CPV:${d.slice(0, 3)}`, division: `CPV:${d.slice(0, 2)}`, zhCategory: cpvZh(d) };
  }
  const zh = /^ZH:(.{1,40})$/.exec(code);
  if (zh) {
    const key = zh[1] as string;
    const kindCategory = KIND_CATEGORY.get(key);
    if (kindCategory) return { code, group: code, division: `ZH:${kindCategory}`, zhCategory: kindCategory };
    const division = key.endsWith('分包') ? 'ZH:subcontract' : key.endsWith('采购') ? 'ZH:material' : 'ZH:other';
    return { code, group: code, division, zhCategory: division.slice(3) };
  }
  const foreign = /^([A-Z][A-Z0-9]{1,9}):([A-Za-z0-9.-]{1,30})$/i.exec(code);
  if (foreign) {
    const scheme = (foreign[1] as string).toUpperCase();
    const value = foreign[2] as string;
    return {
      code: `${scheme}:${value}`,
      group: `${scheme}:${value.slice(0, 3)}`,
      division: `${scheme}:${value.slice(0, 2)}`,
      zhCategory: '',
    };
  }
  return null;
}

/**
 * The code of a ZhuHe demand: the first resource kind its category, title or items name (钢筋采购 → ZH:rebar),
 * else its category as written (ZH:钢结构分包).
 */
export function demandCategoryCode(demand: { category: string; title: string; itemNames?: readonly string[] }) {
  const text = [demand.category, demand.title, ...(demand.itemNames ?? [])].join(' ');
  const byCategory = RESOURCE_KINDS.find((k) => demand.category.includes(k.name));
  const kind = byCategory ?? RESOURCE_KINDS.find((k) => text.includes(k.name));
  return kind ? `ZH:${kind.key}` : `ZH:${demand.category.trim()}`;
}

/** First two characters: province of a GB/T 2260 code, country of a NUTS code. */
export function regionPrefix(code: string): string {
  return code.slice(0, 2).toUpperCase();
}
