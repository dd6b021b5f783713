import { describe, expect, it } from 'vitest';
import { compositeIndex, type MaterialSeries } from './prices.composite';

const year = (y: number, value: (month: number) => number) =>
  Array.from({ length: 12 }, (_, i) => ({ month: `${y}-${String(i + 1).padStart(2, '0')}`, value: value(i + 1) }));

/**
 * Hand-checked basket: rebar averages 4,200 over 2024 (4,000 to June, 4,400 from July), concrete 500, cement 400.
 * In 2025-03 rebar is 4,620 (+10 %), concrete 550 (+10 %), cement 360 (−10 %).
 */
const series: MaterialSeries[] = [
  {
    material: 'rebar',
    seriesCode: 'rebar@330100',
    points: [
      { month: '2023-11', value: 3900 },
      { month: '2023-12', value: 3950 },
      ...year(2024, (m) => (m <= 6 ? 4000 : 4400)),
      { month: '2025-01', value: 4200 },
      { month: '2025-02', value: 4300 },
      { month: '2025-03', value: 4620 },
    ],
  },
  {
    material: 'concrete',
    seriesCode: 'concrete@330100',
    points: [...year(2024, () => 500), { month: '2025-01', value: 500 }, { month: '2025-03', value: 550 }],
  },
  {
    material: 'cement',
    seriesCode: 'cement@330100',
    points: [...year(2024, () => 400), { month: '2025-01', value: 420 }, { month: '2025-03', value: 360 }],
  },
];

describe('composite unit-price index', () => {
  it('is 100 × Σ weight × price / base-year average, base year the first full common year', () => {
    const index = compositeIndex({ rebar: 0.5, concrete: 0.3, cement: 0.2 }, series);
    expect(index?.baseYear).toBe(2024);
    expect(index?.coverage).toBeCloseTo(1);
    const at = (month: string) => index?.points.find((p) => p.month === month)?.value;
    // 2024-01: rebar 4000/4200, concrete 1, cement 1 → 100 × (0.5 × 0.95238 + 0.3 + 0.2) = 97.62
    expect(at('2024-01')).toBe(97.62);
    // 2025-01: 100 × (0.5 × 1 + 0.3 × 1 + 0.2 × 1.05) = 101.00
    expect(at('2025-01')).toBe(101);
    // 2025-03: 100 × (0.5 × 1.1 + 0.3 × 1.1 + 0.2 × 0.9) = 106.00
    expect(at('2025-03')).toBe(106);
    // the months before 2024 and 2025-02 lack a material: no figure rather than a biased one
    expect(at('2023-12')).toBeUndefined();
    expect(at('2025-02')).toBeUndefined();
    // the base year averages 100
    const base = (index?.points ?? []).filter((p) => p.month.startsWith('2024'));
    expect(base.reduce((a, p) => a + p.value, 0) / base.length).toBeCloseTo(100, 1);
  });

  it('renormalises over the materials that have figures, and gives up below the minimum coverage', () => {
    const index = compositeIndex({ rebar: 0.4, concrete: 0.3, cement: 0.2, curtain_wall_glass: 0.1 }, series);
    expect(index?.coverage).toBeCloseTo(0.9);
    expect(index?.basket.find((b) => b.material === 'rebar')?.weight).toBeCloseTo(0.4 / 0.9);
    // 100 × (0.4 × 1.1 + 0.3 × 1.1 + 0.2 × 0.9) / 0.9 = 105.56
    expect(index?.points.find((p) => p.month === '2025-03')?.value).toBe(105.56);
    expect(compositeIndex({ rebar: 0.3, curtain_wall_glass: 0.7 }, series)).toBeNull();
  });

  it('has no index without a calendar year that every material covers', () => {
    const short = series.map((s) => ({ ...s, points: s.points.filter((p) => p.month !== '2024-06') }));
    expect(compositeIndex({ rebar: 0.5, concrete: 0.3, cement: 0.2 }, short)).toBeNull();
  });
});
