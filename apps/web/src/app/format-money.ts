/** ¥1,234.56 from integer fen. */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** 1,234.5 万元 from integer fen (registered capital and other large sums). */
export function formatWanYuan(fen: number): string {
  return `${(fen / 1_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元`;
}

/** 12.5% from basis points. */
export function formatBp(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '—';
  return `${(bp / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}%`;
}
