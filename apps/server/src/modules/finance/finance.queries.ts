import { workingDaysBetween } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import { transfersOfAccount } from '../ledger';
import * as repo from './finance.repository';
import { outstandingOf } from './finance.service';

/**
 * 用款 how much of a loan the borrower has spent: what left the account the loan went to after the disbursement
 * (repayments to the lender excluded), up to the loan. A bond advance is spent when it reaches the bond account.
 */
async function usedFen(ctx: AppContext, loan: repo.ApplicationRow): Promise<bigint> {
  if (!loan.approvedFen || !loan.disbursedAt || !loan.targetAccountId) return 0n;
  if (loan.assetKind === 'bond_advance') return loan.approvedFen;
  const out = (await transfersOfAccount(ctx.db, loan.targetAccountId, 2000))
    .filter(
      (t) =>
        t.debitAccountId === loan.targetAccountId &&
        t.code !== 'finance.repay' &&
        t.createdAt.getTime() >= (loan.disbursedAt as Date).getTime() &&
        (t.kind === 'single' || t.kind === 'post_pending'),
    )
    .reduce((s, t) => s + t.amount, 0n);
  return out < loan.approvedFen ? out : loan.approvedFen;
}

async function loanFlow(ctx: AppContext, a: repo.ApplicationRow, promised: number) {
  const decisionWorkingDays = a.decidedAt ? round2(workingDaysBetween(a.submittedAt, a.decidedAt)) : null;
  return {
    app: a,
    disbursedFen: a.disbursedAt ? (a.approvedFen ?? 0n) : 0n,
    usedFen: await usedFen(ctx, a),
    repaidFen: a.repaidFen,
    overdueFen: a.status === 'overdue' ? outstandingOf(a) : 0n,
    outstandingFen: a.status === 'disbursed' || a.status === 'overdue' ? outstandingOf(a) : 0n,
    decisionWorkingDays,
    disbursementWorkingDays:
      a.decidedAt && a.disbursedAt ? round2(workingDaysBetween(a.decidedAt, a.disbursedAt)) : null,
    promisedWorkingDays: promised,
    onTime: a.decidedAt ? a.decidedAt.getTime() <= a.decisionDueAt.getTime() : null,
  };
}

/**
 * 资金流向 the lender's watch: per loan disbursed, used, repaid, overdue, and the cycle times from the stored
 * instants (application → decision → disbursement, in working days) against the product's promise.
 */
export async function portfolioOf(ctx: AppContext, finOrgId: string) {
  const [apps, products] = await Promise.all([
    repo.applicationsOfLender(ctx.db, finOrgId),
    repo.productsOfLender(ctx.db, finOrgId),
  ]);
  const promise = new Map(products.map((p) => [p.id, p.decisionDays]));
  const loans = await Promise.all(apps.map((a) => loanFlow(ctx, a, promise.get(a.productId) ?? 5)));
  const decided = loans.filter((l) => l.decisionWorkingDays !== null);
  const sum = (f: (l: (typeof loans)[number]) => bigint) => loans.reduce((s, l) => s + f(l), 0n);
  return {
    totals: {
      loans: loans.filter((l) => l.disbursedFen > 0n).length,
      disbursedFen: sum((l) => l.disbursedFen),
      usedFen: sum((l) => l.usedFen),
      repaidFen: sum((l) => l.repaidFen),
      outstandingFen: sum((l) => l.outstandingFen),
      overdueFen: sum((l) => l.overdueFen),
      closed: loans.filter((l) => l.app.status === 'repaid').length,
    },
    cycle: {
      decided: decided.length,
      averageDecisionWorkingDays:
        decided.length === 0
          ? null
          : round2(decided.reduce((s, l) => s + (l.decisionWorkingDays as number), 0) / decided.length),
      onTimeShare: decided.length === 0 ? null : round2(decided.filter((l) => l.onTime).length / decided.length),
    },
    loans: loans.filter((l) => l.app.status !== 'submitted' && l.app.status !== 'rejected'),
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** 审批时钟 each application since `since`: submitted, due (the 5th working day) and decided (FIN-1). */
export async function decisionClocks(ctx: AppContext, since: Date) {
  return repo.applicationsSince(ctx.db, since);
}
