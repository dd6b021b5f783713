import type { FinanceProductBody } from '@zhuhe/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../infra/errors';
import { newId } from '../../infra/ids';
import { actorOf, type BuiltOrg, buildOrg } from '../../test/builders';
import { createTestContext, type TestContext } from '../../test/test-context';
import { setCreditGrade } from '../credit';
import { escrowStatus, fundEscrowByDeposit, openContractEscrow, releaseMilestone, setPaymentSchedule } from '../escrow';
import { findAccountByCode, orgWallet, verifyLedger } from '../ledger';
import { warningsOfOrg } from '../risk';
import type { FinanceLoanOverdue } from './finance.events';
import {
  applyForFinance,
  decideApplication,
  lendingAccount,
  portfolioOf,
  publishProduct,
  runOverdueScan,
} from './index';

/** The service tier on a real database: limits, the closed money loop, double financing, overdue. */
let tc: TestContext;
let gc: BuiltOrg;
let sub: BuiltOrg;
let fin: BuiltOrg;
let weak: BuiltOrg;
const overdue: FinanceLoanOverdue[] = [];

const product = (over: Partial<FinanceProductBody> = {}): FinanceProductBody => ({
  name: '应收e贷',
  type: 'receivable',
  minRatioBp: 0,
  maxRatioBp: 8000,
  feeBp: 200,
  feeBasis: 'flat',
  minGrade: 'A',
  regions: [],
  categories: [],
  aaaDiscountBp: 0,
  decisionDays: 3,
  maxTermDays: 180,
  penaltyBpPerDay: 5,
  ...over,
});

const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** An escrow where `payee` is paid by the GC: one scheduled milestone (funded), bond as asked. */
async function escrowFor(payee: BuiltOrg, amountFen: number, options: { bondPct?: number } = {}) {
  const contractId = newId();
  await openContractEscrow(tc.ctx, {
    contractId,
    payerOrgId: gc.orgId,
    payeeOrgId: payee.orgId,
    contractAmountFen: amountFen,
    advanceRatioPct: options.bondPct ? 40 : 0,
    retentionPct: 3,
    labourSharePct: 0,
    bondPct: options.bondPct ?? null,
  });
  await setPaymentSchedule(tc.ctx, {
    contractId,
    items: [{ milestoneId: 'm1', title: '主体结构', dueDate: days(30), amountFen }],
  });
  await fundEscrowByDeposit(tc.ctx, {
    contractId,
    amountFen: amountFen + amountFen / 100,
    reference: `dep-${contractId}`,
    clientId: newId(),
  });
  return contractId;
}

async function count(table: string): Promise<number> {
  const rows = (await tc.ctx.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
    rows?: { n: number }[];
  };
  return Number((rows.rows ?? (rows as unknown as { n: number }[]))[0]?.n);
}

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const posted = async (code: string) => (await findAccountByCode(tc.ctx.db, code))?.posted ?? 0n;

beforeAll(async () => {
  tc = await createTestContext();
  tc.ctx.events.onTransaction('finance.loan_overdue', 'test-spy', async (event) => {
    overdue.push(event.payload);
  });
  gc = await buildOrg(tc.ctx, { roles: ['GC'] });
  sub = await buildOrg(tc.ctx, { roles: ['SUB'] });
  fin = await buildOrg(tc.ctx, { roles: ['FIN'], name: '测试银行杭州分行' });
  weak = await buildOrg(tc.ctx, { roles: ['SUB'] });
  await setCreditGrade(tc.ctx, null, sub.orgId, { grade: 'A', source: '测试评级' });
  await setCreditGrade(tc.ctx, null, weak.orgId, { grade: 'C', source: '测试评级' });
});
afterAll(async () => {
  await tc?.close();
});

describe('finance products', () => {
  it('refuses products outside the platform limits for their type, in both languages', async () => {
    for (const over of [
      { type: 'receivable' as const, maxRatioBp: 8001 },
      { type: 'order' as const, minRatioBp: 2900, maxRatioBp: 5000 },
      { type: 'order' as const, minRatioBp: 3000, maxRatioBp: 5100 },
      { type: 'bond_advance' as const, maxRatioBp: 7001 },
    ]) {
      const e = await refusal(publishProduct(tc.ctx, fin.orgId, product(over)));
      expect(e.code).toBe('FINANCE_PRODUCT_RATIO');
      expect(e.messages()['zh-CN']).toMatch(/融资比例/);
      expect(e.messages().en).toMatch(/lends between/);
    }
    expect((await refusal(publishProduct(tc.ctx, fin.orgId, product({ feeBp: 149 })))).code).toBe(
      'FINANCE_PRODUCT_FEE',
    );
    expect((await refusal(publishProduct(tc.ctx, fin.orgId, product({ feeBp: 301 })))).code).toBe(
      'FINANCE_PRODUCT_FEE',
    );
    expect((await refusal(publishProduct(tc.ctx, fin.orgId, product({ decisionDays: 2 })))).code).toBe(
      'FINANCE_PRODUCT_DEADLINE',
    );
    expect((await refusal(publishProduct(tc.ctx, fin.orgId, product({ decisionDays: 6 })))).code).toBe(
      'FINANCE_PRODUCT_DEADLINE',
    );
  });
});

describe('application limits (nothing written on refusal)', () => {
  it('80.01% of a receivable, 29% / 51% order, 70.01% bond advance, a C grade where A is required', async () => {
    const receivable = await publishProduct(tc.ctx, fin.orgId, product());
    const order = await publishProduct(
      tc.ctx,
      fin.orgId,
      product({ type: 'order', minRatioBp: 3000, maxRatioBp: 5000 }),
    );
    const bond = await publishProduct(tc.ctx, fin.orgId, product({ type: 'bond_advance', maxRatioBp: 7000 }));
    const contractId = await escrowFor(sub, 1_000_000_00, { bondPct: 10 });
    const weakContract = await escrowFor(weak, 1_000_000_00);
    const before = await count('finance_applications');
    const cases: [string, () => Promise<unknown>, string, RegExp, RegExp][] = [
      [
        '80.01% receivable',
        () =>
          applyForFinance(tc.ctx, actorOf(sub, ['SUB']), sub.orgId, {
            productId: receivable.id,
            asset: { kind: 'receivable', contractId, milestoneId: 'm1' },
            amountFen: 800_100_00,
            termDays: 90,
            consent: true,
          }),
        'FINANCE_AMOUNT_OVER_LIMIT',
        /超过上限 ¥800000\.00（标的金额 ¥1000000\.00 的 80%）/,
        /above the limit ¥800000\.00/,
      ],
      [
        '29% order',
        () =>
          applyForFinance(tc.ctx, actorOf(sub, ['SUB']), sub.orgId, {
            productId: order.id,
            asset: { kind: 'order', contractId, milestoneId: null },
            amountFen: 290_000_00,
            termDays: 90,
            consent: true,
          }),
        'FINANCE_AMOUNT_UNDER_MIN',
        /低于下限 ¥300000\.00/,
        /below the minimum ¥300000\.00/,
      ],
      [
        '51% order',
        () =>
          applyForFinance(tc.ctx, actorOf(sub, ['SUB']), sub.orgId, {
            productId: order.id,
            asset: { kind: 'order', contractId, milestoneId: null },
            amountFen: 510_000_00,
            termDays: 90,
            consent: true,
          }),
        'FINANCE_AMOUNT_OVER_LIMIT',
        /超过上限 ¥500000\.00/,
        /above the limit ¥500000\.00/,
      ],
      [
        '70.01% bond advance',
        () =>
          applyForFinance(tc.ctx, actorOf(sub, ['SUB']), sub.orgId, {
            productId: bond.id,
            asset: { kind: 'bond_advance', contractId, milestoneId: null },
            // the bond is 10% of ¥1,000,000 = ¥100,000; 70.01% of it
            amountFen: 70_010_00,
            termDays: 90,
            consent: true,
          }),
        'FINANCE_AMOUNT_OVER_LIMIT',
        /超过上限 ¥70000\.00/,
        /above the limit ¥70000\.00/,
      ],
      [
        'C grade where A is required',
        () =>
          applyForFinance(tc.ctx, actorOf(weak, ['SUB']), weak.orgId, {
            productId: receivable.id,
            asset: { kind: 'receivable', contractId: weakContract, milestoneId: 'm1' },
            amountFen: 100_000_00,
            termDays: 90,
            consent: true,
          }),
        'FINANCE_GRADE_TOO_LOW',
        /要求信用等级 A 及以上，贵组织当前为 C/,
        /requires credit grade A or better; your organisation is C/,
      ],
    ];
    // one attempt at a time: a rejection must be awaited where it happens, not left pending behind another
    for (const [label, attempt, code, zh, en] of cases) {
      const e = await refusal(attempt());
      expect(e.code, label).toBe(code);
      expect(e.messages()['zh-CN'], label).toMatch(zh);
      expect(e.messages().en, label).toMatch(en);
    }
    expect(await count('finance_applications')).toBe(before);
    // exactly at the limits is accepted
    await expect(
      applyForFinance(tc.ctx, actorOf(sub, ['SUB']), sub.orgId, {
        productId: order.id,
        asset: { kind: 'order', contractId, milestoneId: null },
        amountFen: 500_000_00,
        termDays: 90,
        consent: true,
      }),
    ).resolves.toMatchObject({ status: 'submitted' });
  });
});

describe('the closed loop', () => {
  it('approve → wallet; the escrow release repays the lender first, the rest stays with the supplier', async () => {
    const p = await publishProduct(tc.ctx, fin.orgId, product({ feeBp: 300, feeBasis: 'flat' }));
    const contractId = await escrowFor(sub, 1_000_000_00);
    const submittedAt = new Date('2026-12-04T02:00:00Z'); // Friday 10:00 in Shanghai
    const app = await applyForFinance(
      tc.ctx,
      actorOf(sub, ['SUB']),
      sub.orgId,
      {
        productId: p.id,
        asset: { kind: 'receivable', contractId, milestoneId: 'm1' },
        amountFen: 800_000_00,
        termDays: 60,
        consent: true,
      },
      submittedAt,
    );
    // 3 working days from Friday 10:00 is Wednesday 10:00 (the weekend does not count)
    expect(app.decisionDueAt.toISOString()).toBe('2026-12-09T02:00:00.000Z');
    expect(app.evidence.credit.grade).toBe('A');
    expect(app.evidence.contract.amountFen).toBe(1_000_000_00);

    const walletBefore = await posted(orgWallet(sub.orgId).code);
    const decided = await decideApplication(
      tc.ctx,
      actorOf(fin, ['FIN']),
      fin.orgId,
      app.id,
      { decision: 'approve', amountFen: 800_000_00, feeBp: 300, termDays: 60 },
      new Date('2026-12-07T03:00:00Z'),
    );
    expect(decided.status).toBe('disbursed');
    expect(decided.feeFen).toBe(24_000_00n); // 3% flat of ¥800,000
    expect((await posted(orgWallet(sub.orgId).code)) - walletBefore).toBe(800_000_00n);
    expect(await posted(lendingAccount(fin.orgId).code)).toBe(-800_000_00n);
    await expect(
      decideApplication(tc.ctx, actorOf(fin, ['FIN']), fin.orgId, app.id, {
        decision: 'approve',
        amountFen: 1,
        feeBp: 200,
        termDays: 30,
      }),
    ).rejects.toThrow('FINANCE_NOT_PENDING');

    const walletBeforeRelease = await posted(orgWallet(sub.orgId).code);
    const release = await releaseMilestone(tc.ctx, {
      contractId,
      milestoneId: 'm1',
      settlementId: 's1',
      clientId: newId(),
      grossFen: 1_000_000_00,
      retentionFen: 30_000_00,
      labourFen: 0,
    });
    const owed = 824_000_00n;
    expect(await posted(lendingAccount(fin.orgId).code)).toBe(-800_000_00n + owed);
    expect((await posted(orgWallet(sub.orgId).code)) - walletBeforeRelease).toBe(BigInt(release.netFen) - owed);
    const [loan] = (await portfolioOf(tc.ctx, fin.orgId)).loans.filter((l) => l.app.id === app.id);
    expect(loan?.app.status).toBe('repaid');
    expect(loan?.repaidFen).toBe(owed);
    // the decision came 1 working day after the application (Fri 10:00 → Mon 11:00 = 14 h of Fri + 11 h of Mon)
    expect(loan?.decisionWorkingDays).toBeCloseTo((14 + 11) / 24, 2);
    expect(loan?.onTime).toBe(true);
    expect((await verifyLedger(tc.ctx.db)).violations).toEqual([]);
  });

  it('a bond advance goes straight to the contract bond account', async () => {
    const p = await publishProduct(tc.ctx, fin.orgId, product({ type: 'bond_advance', maxRatioBp: 7000 }));
    const contractId = await escrowFor(sub, 500_000_00, { bondPct: 10 });
    const app = await applyForFinance(tc.ctx, actorOf(sub, ['SUB']), sub.orgId, {
      productId: p.id,
      asset: { kind: 'bond_advance', contractId, milestoneId: null },
      amountFen: 35_000_00,
      termDays: 90,
      consent: true,
    });
    const wallet = await posted(orgWallet(sub.orgId).code);
    const done = await decideApplication(tc.ctx, actorOf(fin, ['FIN']), fin.orgId, app.id, {
      decision: 'approve',
      amountFen: 35_000_00,
      feeBp: 150,
      termDays: 90,
    });
    expect(await posted(orgWallet(sub.orgId).code)).toBe(wallet);
    expect(done.status).toBe('disbursed');
    expect((await escrowStatus(tc.ctx, contractId)).bondPostedFen).toBe(35_000_00);
  });
});

describe('no double financing', () => {
  it('a second application on the same receivable is refused; concurrent ones leave exactly one', async () => {
    const p = await publishProduct(tc.ctx, fin.orgId, product());
    const contractId = await escrowFor(sub, 200_000_00);
    const body = {
      productId: p.id,
      asset: { kind: 'receivable' as const, contractId, milestoneId: 'm1' },
      amountFen: 100_000_00,
      termDays: 30,
      consent: true as const,
    };
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => applyForFinance(tc.ctx, actorOf(sub, ['SUB']), sub.orgId, body)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x): x is PromiseRejectedResult => x.status === 'rejected'))
      expect((r.reason as DomainError).code).toBe('FINANCE_ALREADY_FINANCED');
    const e = await refusal(applyForFinance(tc.ctx, actorOf(sub, ['SUB']), sub.orgId, body));
    expect(e.code).toBe('FINANCE_ALREADY_FINANCED');
    expect(e.messages()['zh-CN']).toMatch(/不能重复融资/);
  });
});

describe('overdue', () => {
  it('charges the daily penalty once a day, opens a risk warning and publishes finance.loan_overdue', async () => {
    const p = await publishProduct(tc.ctx, fin.orgId, product({ penaltyBpPerDay: 5 }));
    const contractId = await escrowFor(sub, 100_000_00);
    const app = await applyForFinance(tc.ctx, actorOf(sub, ['SUB']), sub.orgId, {
      productId: p.id,
      asset: { kind: 'receivable', contractId, milestoneId: 'm1' },
      amountFen: 50_000_00,
      termDays: 7,
      consent: true,
    });
    await decideApplication(tc.ctx, actorOf(fin, ['FIN']), fin.orgId, app.id, {
      decision: 'approve',
      amountFen: 50_000_00,
      feeBp: 200,
      termDays: 7,
    });
    const later = new Date(Date.now() + 10 * 86_400_000);
    const first = await runOverdueScan(tc.ctx, later);
    expect(first.turnedOverdue).toBeGreaterThanOrEqual(1);
    const again = await runOverdueScan(tc.ctx, later);
    expect(again).toEqual({ charged: 0, turnedOverdue: 0 });
    const [loan] = (await portfolioOf(tc.ctx, fin.orgId)).loans.filter((l) => l.app.id === app.id);
    expect(loan?.app.status).toBe('overdue');
    // 0.05% of (¥50,000 + 2% fee ¥1,000) = ¥25.50
    expect(loan?.app.penaltyFen).toBe(25_50n);
    expect(loan?.overdueFen).toBe(51_025_50n);
    expect(overdue.some((o) => o.applicationId === app.id && o.outstandingFen === 51_000_00)).toBe(true);
    const warnings = await warningsOfOrg(tc.ctx, sub.orgId, {});
    expect(warnings.some((w) => w.warning.type === 'finance_overdue' && w.warning.contractId === contractId)).toBe(
      true,
    );
    // a release afterwards still repays the lender first, penalty included
    await releaseMilestone(tc.ctx, {
      contractId,
      milestoneId: 'm1',
      settlementId: 's1',
      clientId: newId(),
      grossFen: 100_000_00,
      retentionFen: 0,
      labourFen: 0,
    });
    const [closed] = (await portfolioOf(tc.ctx, fin.orgId)).loans.filter((l) => l.app.id === app.id);
    expect(closed?.app.status).toBe('repaid');
    expect(closed?.repaidFen).toBe(51_025_50n);
  });
});
