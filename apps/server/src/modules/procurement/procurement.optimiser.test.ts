import { describe, expect, it } from 'vitest';
import { generateBasket } from './procurement.generator';
import { type Offer, optimisePlan, type PlanRules, type Supplier, tierPrice } from './procurement.optimiser';

const rules: PlanRules = { requiredInDays: 10, minCreditScore: 0, maxSharePerSupplier: 1 };
const line = (lineId: string, quantity: number) => ({ lineId, name: lineId, unit: 't', quantity });
const offer = (o: Partial<Offer> & Pick<Offer, 'offerId' | 'supplierId' | 'lineId'>): Offer => ({
  tiers: [{ minQuantity: 0, unitPriceFen: 10_000 }],
  stock: 1_000,
  leadTimeDays: 3,
  distanceKm: 0,
  deliveryFenPerUnitKm: 0,
  ...o,
});
const supplier = (supplierId: string, s: Partial<Supplier> = {}): Supplier => ({
  supplierId,
  creditScore: 80,
  minOrderFen: 0,
  ...s,
});

describe('optimisePlan', () => {
  it('fills the cheap offer up to its stock and the rest from the next, saving against the single-supplier choice', async () => {
    const result = await optimisePlan(
      [line('L', 100)],
      [
        offer({
          offerId: 'cheap',
          supplierId: 'A',
          lineId: 'L',
          stock: 60,
          tiers: [{ minQuantity: 0, unitPriceFen: 9_000 }],
        }),
        offer({ offerId: 'dear', supplierId: 'B', lineId: 'L', tiers: [{ minQuantity: 0, unitPriceFen: 10_000 }] }),
      ],
      [supplier('A'), supplier('B')],
      rules,
    );
    expect(result.status).toBe('optimal');
    if (result.status !== 'optimal') return;
    expect(result.allocations.map((a) => [a.offerId, a.quantity]).sort()).toEqual([
      ['cheap', 60],
      ['dear', 40],
    ]);
    expect(result.totalFen).toBe(60 * 9_000 + 40 * 10_000);
    expect(result.naive.totalFen).toBe(100 * 10_000);
    expect(result.savingFen).toBe(60_000);
    expect(result.savingRate).toBeCloseTo(0.06, 9);
    expect(result.binding).toContainEqual({ kind: 'stock', lineId: 'L', offerId: 'cheap', supplierId: 'A', stock: 60 });
  });

  it('buys up to a price break when the lower price pays for itself', async () => {
    const a = offer({
      offerId: 'a',
      supplierId: 'A',
      lineId: 'L',
      tiers: [
        { minQuantity: 0, unitPriceFen: 10_000 },
        { minQuantity: 80, unitPriceFen: 9_000 },
      ],
    });
    expect(tierPrice(a, 79)).toBe(10_000);
    expect(tierPrice(a, 80)).toBe(9_000);
    const result = await optimisePlan(
      [line('L', 80)],
      [a, offer({ offerId: 'b', supplierId: 'B', lineId: 'L', tiers: [{ minQuantity: 0, unitPriceFen: 9_500 }] })],
      [supplier('A'), supplier('B')],
      rules,
    );
    expect(result.status === 'optimal' && result.allocations).toEqual([
      expect.objectContaining({ offerId: 'a', quantity: 80, unitPriceFen: 9_000 }),
    ]);
  });

  it('counts delivery by distance: a nearer dearer offer wins over a far cheap one', async () => {
    const result = await optimisePlan(
      [line('L', 10)],
      [
        offer({
          offerId: 'far',
          supplierId: 'A',
          lineId: 'L',
          tiers: [{ minQuantity: 0, unitPriceFen: 9_000 }],
          distanceKm: 300,
          deliveryFenPerUnitKm: 10,
        }),
        offer({
          offerId: 'near',
          supplierId: 'B',
          lineId: 'L',
          tiers: [{ minQuantity: 0, unitPriceFen: 10_000 }],
          distanceKm: 10,
          deliveryFenPerUnitKm: 10,
        }),
      ],
      [supplier('A'), supplier('B')],
      rules,
    );
    expect(result.status === 'optimal' && result.allocations.map((a) => a.offerId)).toEqual(['near']);
    expect(result.status === 'optimal' && result.totalFen).toBe(10 * (10_000 + 100));
  });

  it('leaves out late offers and low-credit suppliers and says so', async () => {
    const result = await optimisePlan(
      [line('L', 10)],
      [
        offer({
          offerId: 'late',
          supplierId: 'A',
          lineId: 'L',
          leadTimeDays: 30,
          tiers: [{ minQuantity: 0, unitPriceFen: 8_000 }],
        }),
        offer({ offerId: 'risky', supplierId: 'C', lineId: 'L', tiers: [{ minQuantity: 0, unitPriceFen: 8_500 }] }),
        offer({ offerId: 'ok', supplierId: 'B', lineId: 'L' }),
      ],
      [supplier('A'), supplier('B'), supplier('C', { creditScore: 40 })],
      { ...rules, minCreditScore: 60 },
    );
    expect(result.status).toBe('optimal');
    if (result.status !== 'optimal') return;
    expect(result.allocations.map((a) => a.offerId)).toEqual(['ok']);
    expect(result.excludedOffers).toEqual({ leadTime: 1, credit: 1 });
    expect(result.binding).toContainEqual({ kind: 'lead_time', lineId: 'L', offerId: 'late', leadTimeDays: 30 });
    expect(result.binding).toContainEqual({
      kind: 'credit',
      lineId: 'L',
      offerId: 'risky',
      supplierId: 'C',
      creditScore: 40,
    });
  });

  it('skips a supplier whose minimum order the basket cannot reach', async () => {
    const result = await optimisePlan(
      [line('L', 10)],
      [
        offer({ offerId: 'min', supplierId: 'A', lineId: 'L', tiers: [{ minQuantity: 0, unitPriceFen: 9_000 }] }),
        offer({ offerId: 'b', supplierId: 'B', lineId: 'L' }),
      ],
      [supplier('A', { minOrderFen: 500_000 }), supplier('B')],
      rules,
    );
    expect(result.status === 'optimal' && result.allocations.map((a) => a.offerId)).toEqual(['b']);
  });

  it('spreads the basket when one supplier may hold at most half of it', async () => {
    const result = await optimisePlan(
      [line('L1', 10), line('L2', 10)],
      [
        offer({ offerId: 'a1', supplierId: 'A', lineId: 'L1', tiers: [{ minQuantity: 0, unitPriceFen: 9_000 }] }),
        offer({ offerId: 'a2', supplierId: 'A', lineId: 'L2', tiers: [{ minQuantity: 0, unitPriceFen: 9_000 }] }),
        offer({ offerId: 'b1', supplierId: 'B', lineId: 'L1' }),
        offer({ offerId: 'b2', supplierId: 'B', lineId: 'L2' }),
      ],
      [supplier('A'), supplier('B')],
      { ...rules, maxSharePerSupplier: 0.5 },
    );
    expect(result.status).toBe('optimal');
    if (result.status !== 'optimal') return;
    const spendA = result.allocations.filter((a) => a.supplierId === 'A').reduce((s, a) => s + a.costFen, 0);
    expect(spendA).toBeLessThanOrEqual(result.totalFen * 0.5 + 1);
    expect(result.binding).toContainEqual({ kind: 'share', supplierId: 'A', share: 0.5 });
  });

  it('names the constraint when no plan exists instead of failing', async () => {
    const offers = [offer({ offerId: 'a', supplierId: 'A', lineId: 'L', stock: 5, leadTimeDays: 3 })];
    const stock = await optimisePlan([line('L', 10)], offers, [supplier('A')], rules);
    expect(stock).toMatchObject({
      status: 'infeasible',
      reasons: [{ kind: 'stock', lineId: 'L', available: 5, needed: 10 }],
    });
    const late = await optimisePlan([line('L', 1)], offers, [supplier('A')], { ...rules, requiredInDays: 2 });
    expect(late).toMatchObject({ status: 'infeasible', reasons: [{ kind: 'lead_time', lineId: 'L', fastestDays: 3 }] });
    const none = await optimisePlan([line('M', 1)], offers, [supplier('A')], rules);
    expect(none).toMatchObject({ status: 'infeasible', reasons: [{ kind: 'no_offers', lineId: 'M' }] });
    const share = await optimisePlan([line('L', 1)], offers, [supplier('A')], { ...rules, maxSharePerSupplier: 0.5 });
    expect(share).toMatchObject({ status: 'infeasible', reasons: [{ kind: 'share', maxShare: 0.5, suppliers: 1 }] });
  });

  it('on a generated basket meets every line, respects stock and share, and here costs less than the naive choice (which ignores the share cap)', async () => {
    const b = generateBasket(42, 25, 8, 40);
    const result = await optimisePlan(b.lines, b.offers, b.suppliers, b.rules);
    expect(result.status).toBe('optimal');
    if (result.status !== 'optimal') return;
    for (const l of b.lines) {
      const got = result.allocations.filter((a) => a.lineId === l.lineId).reduce((s, a) => s + a.quantity, 0);
      expect(got).toBeCloseTo(l.quantity, 4);
    }
    const offers = new Map(b.offers.map((o) => [o.offerId, o]));
    for (const a of result.allocations) {
      const o = offers.get(a.offerId) as Offer;
      expect(a.quantity).toBeLessThanOrEqual(o.stock + 1e-6);
      expect(o.leadTimeDays).toBeLessThanOrEqual(b.rules.requiredInDays);
    }
    const spend = new Map<string, number>();
    for (const a of result.allocations) spend.set(a.supplierId, (spend.get(a.supplierId) ?? 0) + a.costFen);
    for (const fen of spend.values()) expect(fen).toBeLessThanOrEqual(result.totalFen * 0.3 + 10);
    expect(result.savingFen).toBeGreaterThanOrEqual(0);
  });
});
