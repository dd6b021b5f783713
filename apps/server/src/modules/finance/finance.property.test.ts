import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../infra/calendar/working-days';
import { DomainError } from '../../infra/errors';
import { newId } from '../../infra/ids';
import { actorOf, type BuiltOrg, buildOrg } from '../../test/builders';
import { createTestContext, type TestContext } from '../../test/test-context';
import { setCreditGrade } from '../credit';
import { fundEscrowByDeposit, openContractEscrow, releaseMilestone, setPaymentSchedule } from '../escrow';
import { findAccountByCode, orgWallet, verifyLedger } from '../ledger';
import { applyForFinance, decideApplication, lendingAccount, publishProduct, runOverdueScan } from './index';

/**
 * The ledger invariants extended to financing, over random sequences of applications (approved or rejected),
 * milestone releases with random retention and wage shares (so a release may repay only part of a loan), and
 * overdue scans on later days. An in-memory model predicts every refusal, the lender's and the supplier's share of
 * each release and the penalties; after each sequence the ledger checker must be clean and the lending account
 * must equal repaid − lent. Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
let tc: TestContext;
let gc: BuiltOrg;
let sub: BuiltOrg;
let fin: BuiltOrg;
let productId: string;
const PENALTY_BP = 10;
const GROSS = [200_000_00, 150_000_00];

beforeAll(async () => {
  tc = await createTestContext();
  gc = await buildOrg(tc.ctx, { roles: ['GC'] });
  sub = await buildOrg(tc.ctx, { roles: ['SUB'] });
  fin = await buildOrg(tc.ctx, { roles: ['FIN'] });
  await setCreditGrade(tc.ctx, null, sub.orgId, { grade: 'AA', source: '测试评级' });
  productId = (
    await publishProduct(tc.ctx, fin.orgId, {
      name: '应收e贷',
      type: 'receivable',
      minRatioBp: 0,
      maxRatioBp: 8000,
      feeBp: 200,
      feeBasis: 'flat',
      minGrade: 'B',
      regions: [],
      categories: [],
      aaaDiscountBp: 0,
      decisionDays: 3,
      maxTermDays: 60,
      penaltyBpPerDay: PENALTY_BP,
    })
  ).id;
});
afterAll(async () => {
  await tc?.close();
});

const slot = fc.record({ contract: fc.nat(1), milestone: fc.nat(1) });
const opArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('finance' as const),
      slot,
      ratioBp: fc.integer({ min: 1, max: 8000 }),
      termDays: fc.integer({ min: 7, max: 30 }),
      approve: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('release' as const),
      slot,
      retentionPct: fc.integer({ min: 0, max: 30 }),
      labourPct: fc.integer({ min: 0, max: 60 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('overdue' as const), days: fc.integer({ min: 1, max: 40 }) }) },
);

async function code(p: Promise<unknown>): Promise<string | null> {
  try {
    await p;
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

const posted = async (c: string) => (await findAccountByCode(tc.ctx.db, c))?.posted ?? 0n;
const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;

interface LoanModel {
  id: string;
  owed: bigint;
  repaid: bigint;
  due: string;
  penaltyThrough: string | null;
  closed: boolean;
}

describe('financing keeps the ledger invariants (property-based)', () => {
  it('the lender is repaid before the supplier, nothing is financed twice, money is conserved', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 3, maxLength: 12 }), async (ops) => {
        const contracts: string[] = [];
        for (let c = 0; c < 2; c++) {
          const contractId = newId();
          const total = GROSS[0]! + GROSS[1]!;
          await openContractEscrow(tc.ctx, {
            contractId,
            payerOrgId: gc.orgId,
            payeeOrgId: sub.orgId,
            contractAmountFen: total,
            advanceRatioPct: 0,
            retentionPct: 3,
            labourSharePct: 0,
            bondPct: null,
          });
          await setPaymentSchedule(tc.ctx, {
            contractId,
            items: GROSS.map((amountFen, m) => ({
              milestoneId: `m${m}`,
              title: `节点 ${m}`,
              dueDate: '2027-06-30',
              amountFen,
            })),
          });
          await fundEscrowByDeposit(tc.ctx, {
            contractId,
            amountFen: total + total / 100,
            reference: `p-${contractId}`,
            clientId: newId(),
          });
          contracts.push(contractId);
        }
        const released = new Set<string>();
        const live = new Map<string, LoanModel>();
        const loans: LoanModel[] = [];
        let lent = 0n;
        let scanDay = 0;
        const lendingBefore = await posted(lendingAccount(fin.orgId).code);

        for (const op of ops) {
          if (op.t === 'finance') {
            const contractId = contracts[op.slot.contract] as string;
            const key = `${contractId}:m${op.slot.milestone}`;
            const base = BigInt(GROSS[op.slot.milestone] as number);
            const amount = (base * BigInt(op.ratioBp)) / 10000n;
            if (amount <= 0n) continue;
            let appId: string | null = null;
            const refused = await code(
              applyForFinance(tc.ctx, actorOf(sub, ['SUB']), sub.orgId, {
                productId,
                asset: { kind: 'receivable', contractId, milestoneId: `m${op.slot.milestone}` },
                amountFen: Number(amount),
                termDays: op.termDays,
                consent: true,
              }).then((row) => {
                appId = row.id;
              }),
            );
            const expected = released.has(key)
              ? 'FINANCE_ASSET_NOT_FOUND'
              : live.has(key)
                ? 'FINANCE_ALREADY_FINANCED'
                : null;
            expect(refused).toBe(expected);
            if (!appId) continue;
            if (!op.approve) {
              await decideApplication(tc.ctx, actorOf(fin, ['FIN']), fin.orgId, appId, {
                decision: 'reject',
                reason: '资料不全，暂不受理',
              });
              continue;
            }
            const walletBefore = await posted(orgWallet(sub.orgId).code);
            const now = new Date();
            await decideApplication(
              tc.ctx,
              actorOf(fin, ['FIN']),
              fin.orgId,
              appId,
              { decision: 'approve', amountFen: Number(amount), feeBp: 200, termDays: op.termDays },
              now,
            );
            expect((await posted(orgWallet(sub.orgId).code)) - walletBefore).toBe(amount);
            const loan: LoanModel = {
              id: appId,
              owed: amount + ceilDiv(amount * 200n, 10000n),
              repaid: 0n,
              due: shanghaiDate(new Date(now.getTime() + op.termDays * 86_400_000)),
              penaltyThrough: null,
              closed: false,
            };
            lent += amount;
            live.set(key, loan);
            loans.push(loan);
          } else if (op.t === 'release') {
            const contractId = contracts[op.slot.contract] as string;
            const key = `${contractId}:m${op.slot.milestone}`;
            if (released.has(key)) continue;
            const gross = BigInt(GROSS[op.slot.milestone] as number);
            const retention = (gross * BigInt(op.retentionPct)) / 100n;
            const labour = (gross * BigInt(op.labourPct)) / 100n;
            const walletBefore = await posted(orgWallet(sub.orgId).code);
            const lendingBeforeRelease = await posted(lendingAccount(fin.orgId).code);
            const release = await releaseMilestone(tc.ctx, {
              contractId,
              milestoneId: `m${op.slot.milestone}`,
              settlementId: newId(),
              clientId: newId(),
              grossFen: Number(gross),
              retentionFen: Number(retention),
              labourFen: Number(labour),
            });
            released.add(key);
            const net = BigInt(release.netFen);
            const loan = live.get(key);
            const outstanding = loan ? loan.owed - loan.repaid : 0n;
            const toLender = outstanding < net ? outstanding : net;
            // the lender first, the supplier keeps exactly the rest
            expect((await posted(lendingAccount(fin.orgId).code)) - lendingBeforeRelease).toBe(toLender);
            expect((await posted(orgWallet(sub.orgId).code)) - walletBefore).toBe(net - toLender);
            if (loan) {
              loan.repaid += toLender;
              if (loan.repaid === loan.owed) {
                loan.closed = true;
                live.delete(key);
              }
            }
          } else {
            scanDay = Math.max(scanDay, op.days);
            const at = new Date(Date.now() + scanDay * 86_400_000);
            const today = shanghaiDate(at);
            await runOverdueScan(tc.ctx, at);
            for (const loan of live.values()) {
              if (loan.due < today && (loan.penaltyThrough === null || loan.penaltyThrough < today)) {
                loan.owed += ceilDiv((loan.owed - loan.repaid) * BigInt(PENALTY_BP), 10000n);
                loan.penaltyThrough = today;
              }
            }
          }
        }
        const repaid = loans.reduce((s, l) => s + l.repaid, 0n);
        expect((await posted(lendingAccount(fin.orgId).code)) - lendingBefore).toBe(repaid - lent);
        for (const l of loans) expect(l.repaid <= l.owed).toBe(true);
        const check = await verifyLedger(tc.ctx.db);
        expect(check.violations).toEqual([]);
      }),
      { numRuns: Number(process.env.FINANCE_PROPERTY_RUNS ?? 12) },
    );
  });
});
