/** 1234.5 from thousandths of the unit. */
export function formatQuantity(milli: number): string {
  return (milli / 1000).toLocaleString('zh-CN', { maximumFractionDigits: 3 });
}

export const toMilli = (value: number | null | undefined) => Math.round((value ?? 0) * 1000);
export const toFen = (yuan: number | null | undefined) => Math.round((yuan ?? 0) * 100);
export const toBp = (percent: number | null | undefined) => Math.round((percent ?? 0) * 100);
