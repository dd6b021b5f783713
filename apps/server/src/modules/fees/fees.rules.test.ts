import type { FeeItem } from '@zhuhe/contracts';
import { describe, expect, it } from 'vitest';
import { isSeedUser, priceCharge, shanghaiMonth } from './fees.rules';

const item = (over: Partial<FeeItem>): FeeItem => ({
  code: 'x_item',
  name: { 'zh-CN': '项目', en: 'Item' },
  category: 'value_added',
  unit: 'per_report',
  priceFen: 199_00,
  rateBp: null,
  ...over,
});

describe('fee rules', () => {
  it('prices per unit and by share, rounding a share half up to the fen', () => {
    expect(priceCharge(item({}), { quantity: 3, baseFen: null }, false)).toEqual({
      listFen: 597_00n,
      amountFen: 597_00n,
      exempt: false,
    });
    const share = item({ unit: 'share_of_base', priceFen: null, rateBp: 2000 });
    expect(priceCharge(share, { quantity: 1, baseFen: 12_345n }, false)).toMatchObject({ amountFen: 2_469n });
    expect(priceCharge(share, { quantity: 1, baseFen: null }, false)).toEqual({ error: 'FEE_BASE_REQUIRED' });
  });

  it('waives basic items for seed users only, and never value-added ones', () => {
    const basic = item({ category: 'basic', unit: 'per_year', priceFen: 1_980_00 });
    expect(priceCharge(basic, { quantity: 1, baseFen: null }, true)).toEqual({
      listFen: 1_980_00n,
      amountFen: 0n,
      exempt: true,
    });
    expect(priceCharge(basic, { quantity: 1, baseFen: null }, false)).toMatchObject({ amountFen: 1_980_00n });
    expect(priceCharge(item({}), { quantity: 1, baseFen: null }, true)).toMatchObject({ exempt: false });
    expect([isSeedUser(1000, 1000), isSeedUser(1001, 1000), isSeedUser(null, 1000)]).toEqual([true, false, false]);
  });

  it('dates a charge by its Shanghai month', () => {
    expect(shanghaiMonth(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12');
    expect(shanghaiMonth(new Date('2026-11-30T15:59:00Z'))).toBe('2026-11');
  });
});
