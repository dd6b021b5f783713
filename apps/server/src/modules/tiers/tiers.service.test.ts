import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validCreditCode } from '../../test/credit-codes';
import { createOrg, createTestApp, registeredClient, type TestApp, type TestClient } from '../../test/test-app';
import { evaluateUserTier, PENDING_TIER_DATA, type TierDataSource } from './tiers.rules';
import { evaluateQuarter } from './tiers.service';

describe('tier rules (ORG-3)', () => {
  const none = {
    completedTransactions: null,
    trailing12mVolumeFen: null,
    creditScore: null,
    transactionsThisQuarter: null,
  };
  it('stays put without data', () => {
    expect(evaluateUserTier('new', 0, none)).toEqual({ tier: 'new', quietQuarters: 0, reasons: [] });
  });
  it('climbs one step at a time on transactions, volume and credit', () => {
    expect(evaluateUserTier('new', 0, { ...none, completedTransactions: 3, transactionsThisQuarter: 3 }).tier).toBe(
      'normal',
    );
    expect(evaluateUserTier('new', 0, { ...none, completedTransactions: 2, transactionsThisQuarter: 2 }).tier).toBe(
      'new',
    );
    expect(
      evaluateUserTier('normal', 0, { ...none, trailing12mVolumeFen: 500_000_000, transactionsThisQuarter: 1 }).tier,
    ).toBe('normal');
    expect(
      evaluateUserTier('normal', 0, { ...none, trailing12mVolumeFen: 500_000_001, transactionsThisQuarter: 1 }).tier,
    ).toBe('certified');
    expect(evaluateUserTier('certified', 0, { ...none, creditScore: 90, transactionsThisQuarter: 1 }).tier).toBe('vip');
  });
  it('drops one tier after two consecutive quarters without a transaction', () => {
    const q1 = evaluateUserTier('vip', 0, { ...none, transactionsThisQuarter: 0 });
    expect(q1).toMatchObject({ tier: 'vip', quietQuarters: 1 });
    expect(evaluateUserTier('vip', q1.quietQuarters, { ...none, transactionsThisQuarter: 0 })).toMatchObject({
      tier: 'certified',
      quietQuarters: 0,
    });
    expect(evaluateUserTier('vip', 1, { ...none, transactionsThisQuarter: 2 })).toMatchObject({
      tier: 'vip',
      quietQuarters: 0,
    });
  });
});

describe('quarterly job', () => {
  let t: TestApp;
  let owner: TestClient;
  let orgId: string;
  beforeAll(async () => {
    t = await createTestApp();
    owner = (await registeredClient(t.app)).client;
    orgId = (await createOrg(owner, { creditCode: validCreditCode() })).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('records each change with its quarter and reasons, and says which data is still missing', async () => {
    const source: TierDataSource = {
      async facts(ids) {
        return new Map(
          ids.map((id) => [
            id,
            {
              completedTransactions: id === orgId ? 4 : 0,
              trailing12mVolumeFen: 0,
              creditScore: null,
              transactionsThisQuarter: 1,
            },
          ]),
        );
      },
    };
    const run = await evaluateQuarter(t.ctx, source, new Date('2026-10-01T03:00:00+08:00'));
    expect(run).toMatchObject({ quarter: '2026-Q3', changed: 1 });
    const tier = (await owner.get(`/api/orgs/${orgId}/tier`)).json();
    expect(tier).toMatchObject({
      tier: 'normal',
      history: [{ quarter: '2026-Q3', fromTier: 'new', toTier: 'normal' }],
    });
    expect(tier.history[0].reasons[0]['zh-CN']).toBe('已完成 4 笔交易');
    // Transactions and volume now come from sealed settlements; only the credit score is still pending.
    expect(tier.pendingData.length).toBe(1);
    expect((await evaluateQuarter(t.ctx, PENDING_TIER_DATA, new Date('2027-01-01T03:00:00+08:00'))).changed).toBe(0);
  });
});
