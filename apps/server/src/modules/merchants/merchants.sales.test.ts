import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltOrg, buildActiveMerchant, buildOrg, publishSealedSettlement } from '../../test/builders';
import { createTestContext, type TestContext } from '../../test/test-context';
import { evaluateTiers, merchantFacts } from '.';

/**
 * 商家分层复评 (MERCH-2) on real sales: a sealed settlement statement (`settlement.sealed`) is a sale of its
 * supplier, recorded in the sealing transaction; the monthly re-evaluation reads the last three full months.
 */
describe('merchant tiers from sales', () => {
  let tc: TestContext;
  let buyer: BuiltOrg;

  beforeAll(async () => {
    tc = await createTestContext();
    buyer = await buildOrg(tc.ctx, { roles: ['GC'] });
  });
  afterAll(async () => tc?.close());

  const sale = (supplier: BuiltOrg, grossFen: number, at: string) =>
    publishSealedSettlement(tc.ctx, buyer, supplier, grossFen, { at: new Date(at) });

  it('promotes on three months of sales, demotes without them, and leaves a merchant too new to judge', async () => {
    const since = new Date('2026-06-01T10:00:00+08:00');
    const rising = await buildActiveMerchant(tc.ctx, { tier: 'potential', activatedAt: since });
    const fading = await buildActiveMerchant(tc.ctx, { tier: 'brand', activatedAt: since });
    const fresh = await buildActiveMerchant(tc.ctx, {
      tier: 'brand',
      activatedAt: new Date('2026-10-20T10:00:00+08:00'),
    });
    // August–October 2026: ¥1,200,000 a month for the rising merchant, ¥100,000 once for the fading one.
    for (const at of ['2026-08-12T10:00:00+08:00', '2026-09-15T10:00:00+08:00', '2026-10-31T23:30:00+08:00'])
      await sale(rising, 120_000_000, at);
    await sale(fading, 10_000_000, '2026-09-02T10:00:00+08:00');
    await sale(fresh, 500_000, '2026-10-25T10:00:00+08:00');
    // A November sale is outside the window of the 1 November run.
    await sale(fading, 900_000_000, '2026-11-01T00:10:00+08:00');

    const run = await evaluateTiers(
      tc.ctx,
      tc.modules.merchants.api.performance,
      new Date('2026-11-01T04:00:00+08:00'),
    );
    expect(run).toMatchObject({ evaluated: 3, changed: 2, withoutData: 1 });
    const facts = await merchantFacts(tc.ctx, [rising.orgId, fading.orgId, fresh.orgId]);
    expect(facts.get(rising.orgId)?.tier).toBe('brand');
    expect(facts.get(fading.orgId)?.tier).toBe('potential');
    expect(facts.get(fresh.orgId)?.tier).toBe('brand');
  });

  it('one month short of the threshold stays potential', async () => {
    const almost = await buildActiveMerchant(tc.ctx, {
      tier: 'potential',
      activatedAt: new Date('2026-06-01T10:00:00+08:00'),
    });
    // ¥2,999,999.97 over three months: a mean just under ¥1,000,000
    await sale(almost, 299_999_997, '2026-09-10T10:00:00+08:00');
    await evaluateTiers(tc.ctx, tc.modules.merchants.api.performance, new Date('2026-11-01T04:00:00+08:00'));
    expect((await merchantFacts(tc.ctx, [almost.orgId])).get(almost.orgId)?.tier).toBe('potential');
  });
});
