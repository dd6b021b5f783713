/** Money on screen: 万元 from ¥10,000 up, ¥ below; fen in, never floats stored. */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const yuan = fen / 100;
  if (Math.abs(yuan) >= 10_000) return `${(yuan / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元`;
  return `¥${yuan.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 })}`;
}

export const wanToFen = (wan: number) => Math.round(wan * 1_000_000);
export const yuanToFen = (yuan: number) => Math.round(yuan * 100);
export const fenToWan = (fen: number) => fen / 1_000_000;
