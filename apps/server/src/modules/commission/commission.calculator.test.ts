import type { PolicyParams } from '@zhuhe/contracts';
import { describe, expect, it } from 'vitest';
import { boostAt, calculateMonth, type PolicyVersion } from './commission.calculator';

const v = (params: PolicyParams, extra: Partial<PolicyVersion> = {}): PolicyVersion => ({
  policyId: `p-${params.kind}`,
  version: 1,
  name: params.kind,
  params,
  active: true,
  effectiveFrom: '2025-01-01',
  effectiveTo: null,
  ...extra,
});
/** The seed's defaults (MERCH-3). */
const DEFAULTS = [
  v({ kind: 'base_rate', rateBp: 300 }),
  v({ kind: 'entry_fee', annualFeeFen: 600_000 }),
  v({ kind: 'entry_fee_waiver', activatedBefore: '2026-01-01', waivedYears: 1 }),
  v({
    kind: 'sales_tier_discount',
    tiers: [
      { minSalesFen: 0, discountBp: 3000 },
      { minSalesFen: 10_000_000, discountBp: 2000 },
      { minSalesFen: 50_000_000, discountBp: 1000 },
    ],
  }),
  v({ kind: 'category_promotion', categoryCodes: ['new_energy'], discountBp: 5000, months: 6 }),
  v({ kind: 'new_merchant_boost', boostBp: 2000, months: 3 }),
];

describe('commission calculator (integer fen)', () => {
  it('applies the sales tier: ¥80,000 of sales at 3% with 30% off is ¥1,680', () => {
    const r = calculateMonth('2026-05', 8_000_000, { activatedOn: '2026-03-10', categoryCode: 'steel' }, DEFAULTS);
    expect(r).toMatchObject({
      grossCommissionFen: 240_000,
      commissionFen: 168_000,
      entryFeeDueFen: 0,
      totalFen: 168_000,
    });
    expect(r.applied.map((a) => a.kind)).toEqual(['base_rate', 'sales_tier_discount']);
  });

  it('uses the 20% tier from ¥100,000 and the 10% tier from ¥500,000 (and at ¥1,000,000)', () => {
    const at = (sales: number) => calculateMonth('2026-05', sales, null, DEFAULTS).commissionFen;
    expect(at(10_000_000)).toBe(240_000); // ¥100,000 × 3% × 0.8
    expect(at(50_000_000)).toBe(1_350_000); // ¥500,000 × 3% × 0.9
    expect(at(100_000_000)).toBe(2_700_000);
  });

  it('stacks a category promotion for its 6 months after activation, and charges the entry fee on anniversaries', () => {
    const m = { activatedOn: '2026-03-10', categoryCode: 'new_energy' };
    const first = calculateMonth('2026-03', 8_000_000, m, DEFAULTS);
    // ¥80,000 × 3% × 0.7 × 0.5 = ¥840; entry fee ¥6,000 in the activation month (activated after the waiver cutoff).
    expect(first).toMatchObject({
      commissionFen: 84_000,
      entryFeeDueFen: 600_000,
      entryFeeWaivedFen: 0,
      totalFen: 684_000,
    });
    expect(calculateMonth('2026-08', 8_000_000, m, DEFAULTS).commissionFen).toBe(84_000);
    expect(calculateMonth('2026-09', 8_000_000, m, DEFAULTS).commissionFen).toBe(168_000);
    expect(calculateMonth('2027-03', 0, m, DEFAULTS).entryFeeDueFen).toBe(600_000);
    expect(calculateMonth('2027-04', 0, m, DEFAULTS).entryFeeDueFen).toBe(0);
  });

  it('waives the first year’s entry fee for merchants activated before the cutoff, not the second', () => {
    const early = { activatedOn: '2025-12-20', categoryCode: 'steel' };
    const r = calculateMonth('2025-12', 0, early, DEFAULTS);
    expect(r).toMatchObject({ entryFeeDueFen: 600_000, entryFeeWaivedFen: 600_000, totalFen: 0 });
    expect(r.applied.at(-1)?.effect['zh-CN']).toBe('2026-01-01 前开通，免第 1 年入驻费');
    expect(calculateMonth('2026-12', 0, early, DEFAULTS).totalFen).toBe(600_000);
  });

  it('rounds half up once, at the end', () => {
    const r = calculateMonth('2026-05', 1_234_567, null, [
      v({ kind: 'base_rate', rateBp: 333 }),
      v({ kind: 'sales_tier_discount', tiers: [{ minSalesFen: 0, discountBp: 3333 }] }),
    ]);
    // 1,234,567 × 0.0333 × 0.6667 = 27,408.6…
    expect(r.commissionFen).toBe(27_409);
  });

  it('ignores policies out of their dates or switched off', () => {
    const versions = [
      v({ kind: 'base_rate', rateBp: 300 }),
      v({ kind: 'base_rate', rateBp: 500 }, { policyId: 'new', effectiveFrom: '2026-07-01' }),
    ];
    expect(calculateMonth('2026-06', 10_000, null, versions).baseRateBp).toBe(300);
    expect(calculateMonth('2026-07', 10_000, null, versions).baseRateBp).toBe(500);
    expect(
      calculateMonth('2026-07', 10_000, null, [v({ kind: 'base_rate', rateBp: 300 }, { active: false })]).baseRateBp,
    ).toBe(0);
  });

  it('gives new merchants a ranking boost for exactly 3 months', () => {
    expect(boostAt('2026-03-10', '2026-03-10', DEFAULTS)).toBe(1.2);
    expect(boostAt('2026-03-10', '2026-06-09', DEFAULTS)).toBe(1.2);
    expect(boostAt('2026-03-10', '2026-06-10', DEFAULTS)).toBe(1);
    expect(boostAt('2026-03-10', '2026-03-09', DEFAULTS)).toBe(1);
  });
});
