import { INDEX_MIN_COVERAGE } from '@zhuhe/contracts';

/** One material's monthly figures (any unit: only ratios to its own base-year average are used). */
export interface MaterialSeries {
  material: string;
  seriesCode: string;
  points: { month: string; value: number }[];
}

export interface CompositeIndex {
  baseYear: number;
  coverage: number;
  basket: { material: string; weight: number; seriesCode: string }[];
  points: { month: string; value: number }[];
}

/**
 * 综合单价指数 a fixed-weight (Laspeyres) index: for each month where every material of the basket that has figures
 * has one, I = 100 × Σ wᵢ · pᵢ(month) / p̄ᵢ(base year), with p̄ the material's average over the base year. The
 * base year is the earliest calendar year in which each of those materials has all twelve months. Materials
 * without figures are left out and the remaining weights renormalised to 1; when they carry less than
 * INDEX_MIN_COVERAGE of the basket, or no common base year exists, there is no index (null).
 */
export function compositeIndex(weights: Record<string, number>, series: MaterialSeries[]): CompositeIndex | null {
  const present = series.filter((s) => (weights[s.material] ?? 0) > 0 && s.points.length > 0);
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  const coverage = present.reduce((a, s) => a + (weights[s.material] ?? 0), 0) / total;
  if (present.length === 0 || coverage < INDEX_MIN_COVERAGE - 1e-9) return null;
  const byMonth = present.map((s) => new Map(s.points.map((p) => [p.month, p.value])));
  const fullYears = byMonth.map((m) => {
    const count = new Map<number, number>();
    for (const month of m.keys()) count.set(Number(month.slice(0, 4)), (count.get(Number(month.slice(0, 4))) ?? 0) + 1);
    return new Set([...count].filter(([, n]) => n === 12).map(([y]) => y));
  });
  const candidates = [...(fullYears[0] ?? [])].filter((y) => fullYears.every((f) => f.has(y))).sort((a, b) => a - b);
  const baseYear = candidates[0];
  if (baseYear === undefined) return null;
  const baseMonths = Array.from({ length: 12 }, (_, i) => `${baseYear}-${String(i + 1).padStart(2, '0')}`);
  const base = byMonth.map((m) => baseMonths.reduce((a, month) => a + (m.get(month) as number), 0) / 12);
  const basket = present.map((s) => ({
    material: s.material,
    weight: (weights[s.material] as number) / (coverage * total),
    seriesCode: s.seriesCode,
  }));
  const months = [...new Set(present.flatMap((s) => s.points.map((p) => p.month)))].sort();
  const points: CompositeIndex['points'] = [];
  for (const month of months) {
    if (!byMonth.every((m) => m.has(month))) continue;
    const value = basket.reduce(
      (a, b, i) => a + (b.weight * ((byMonth[i] as Map<string, number>).get(month) as number)) / (base[i] as number),
      0,
    );
    points.push({ month, value: Math.round(value * 100 * 100) / 100 });
  }
  return { baseYear, coverage, basket, points };
}
