/** Words a property summary needs, in the reader's language. */
export interface SummaryWords {
  label: (key: string) => string;
  yes: string;
  no: string;
  none: string;
  /** `：`, `；` and `、` in Chinese; `: `, `; ` and `, ` in English */
  colon: string;
  separator: string;
  listSeparator: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function valueText(value: unknown, words: SummaryWords): string {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return words.none;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (Array.isArray(value)) return value.map((v) => valueText(v, words)).join(words.listSeparator);
  // ids say which record, not what happened: the first block is enough to find it in the audit log
  if (typeof value === 'string') return UUID.test(value) ? `${value.slice(0, 8)}…` : value;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** 属性摘要: `方式：email；业务角色：GC、SUP` instead of the raw JSON of an event's properties. */
export function summariseProperties(properties: Record<string, unknown>, words: SummaryWords): string {
  return Object.entries(properties)
    .map(([key, value]) => `${words.label(key)}${words.colon}${valueText(value, words)}`)
    .join(words.separator);
}
