import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../infra/ids';
import { type BuiltOrg, buildOrg, publishSealedSettlement } from '../../test/builders';
import { createTestContext, type TestContext } from '../../test/test-context';
import { evaluateQuarter, tierOf } from '.';

/**
 * 用户分级 (ORG-3) on real transactions: a settlement statement sealed by the three parties publishes
 * `settlement.sealed` in the sealing transaction (settlement.service.ts); the tiers module records it for both
 * parties in that transaction and, after commit, moves them up when they qualify.
 */
describe('tiers from completed transactions', () => {
  let tc: TestContext;
  let gc: BuiltOrg;
  let sub: BuiltOrg;

  beforeAll(async () => {
    tc = await createTestContext();
    gc = await buildOrg(tc.ctx, { roles: ['GC'] });
    sub = await buildOrg(tc.ctx, { roles: ['SUB'] });
  });
  afterAll(async () => tc?.close());

  const seal = (buyer: BuiltOrg, supplier: BuiltOrg, grossFen: number, settlementId = newId(), at = new Date()) =>
    publishSealedSettlement(tc.ctx, buyer, supplier, grossFen, { settlementId, at });
  const tier = async (org: BuiltOrg) => (await tierOf(tc.ctx, tc.modules.tiers.api.data, org.orgId)).tier;

  it('moves both parties new → normal at the third completed transaction, not before', async () => {
    await seal(gc, sub, 43_197_557);
    const repeated = newId();
    await seal(gc, sub, 10_000_000, repeated);
    await tc.drain();
    expect(await tier(gc)).toBe('new');
    expect(await tier(sub)).toBe('new');

    // The same statement delivered again is one transaction, not two.
    await seal(gc, sub, 10_000_000, repeated);
    await tc.drain();
    expect(await tier(sub)).toBe('new');

    await seal(gc, sub, 64_796_336);
    await tc.drain();
    for (const org of [gc, sub]) {
      const view = await tierOf(tc.ctx, tc.modules.tiers.api.data, org.orgId);
      expect(view.tier).toBe('normal');
      expect(view.history).toHaveLength(1);
      expect(view.history[0]).toMatchObject({ fromTier: 'new', toTier: 'normal' });
      expect(view.history[0]?.reasons[0]?.['zh-CN']).toBe('已完成 3 笔交易');
      // transactions and volume have their data now; the credit score is the one rule still waiting
      expect(view.pendingData.map((p) => p.en)).toEqual(['Credit score: wired once credit rating exists']);
    }
  });

  it('records nothing when the sealing transaction rolls back', async () => {
    const other = await buildOrg(tc.ctx, { roles: ['SUP'] });
    for (let n = 0; n < 3; n++)
      await expect(
        tc.ctx.db.transaction(async (tx) => {
          await tc.ctx.events.publish(tx, 'settlement.sealed', {
            settlementId: newId(),
            contractId: newId(),
            milestoneId: newId(),
            buyerOrgId: gc.orgId,
            supplierOrgId: other.orgId,
            supervisorOrgId: null,
            grossFen: 1_000_000,
            sealedAt: new Date().toISOString(),
          });
          throw new Error('the release failed');
        }),
      ).rejects.toThrow('the release failed');
    expect(await tc.drain()).toBe(0);
    const facts = await tc.modules.tiers.api.data.facts([other.orgId], new Date(0), new Date(Date.now() + 1000));
    expect(facts.get(other.orgId)).toMatchObject({ completedTransactions: 0, trailing12mVolumeFen: 0 });
    expect(await tier(other)).toBe('new');
  });

  it('the quarterly evaluation reads the same transactions: volume over ¥5,000,000 makes a normal org certified', async () => {
    const buyer = await buildOrg(tc.ctx, { roles: ['GC'] });
    const supplier = await buildOrg(tc.ctx, { roles: ['SUB'] });
    const inQ3 = new Date('2026-08-15T10:00:00+08:00');
    for (const gross of [200_000_000, 200_000_000, 150_000_000]) await seal(buyer, supplier, gross, newId(), inQ3);
    await tc.drain();
    // sealed in Q3 but delivered now: the after-commit check already moved them to normal this quarter
    expect(await tier(supplier)).toBe('normal');
    const run = await evaluateQuarter(tc.ctx, tc.modules.tiers.api.data, new Date('2026-10-01T03:00:00+08:00'));
    expect(run.quarter).toBe('2026-Q3');
    expect(await tier(supplier)).toBe('certified');
    const view = await tierOf(tc.ctx, tc.modules.tiers.api.data, supplier.orgId);
    expect(view.history).toContainEqual(
      expect.objectContaining({ quarter: '2026-Q3', fromTier: 'normal', toTier: 'certified' }),
    );
  });
});
