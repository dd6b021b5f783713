import type { FinanceApplicationView, FinancePortfolioView, FinanceProductView } from '@zhuhe/contracts';
import { workingDaysBetween } from '../../infra/calendar/working-days';
import type { portfolioOf } from './finance.queries';
import type * as repo from './finance.repository';
import { outstandingOf } from './finance.service';

type View = FinanceApplicationView;

export function presentProduct(p: repo.ProductRow, finOrgName: string): FinanceProductView {
  return {
    id: p.id,
    finOrgId: p.finOrgId,
    finOrgName,
    name: p.name,
    type: p.type as FinanceProductView['type'],
    minRatioBp: p.minRatioBp,
    maxRatioBp: p.maxRatioBp,
    feeBp: p.feeBp,
    feeBasis: p.feeBasis as FinanceProductView['feeBasis'],
    minGrade: p.minGrade as FinanceProductView['minGrade'],
    regions: p.regions,
    categories: p.categories as FinanceProductView['categories'],
    aaaDiscountBp: p.aaaDiscountBp,
    decisionDays: p.decisionDays,
    maxTermDays: p.maxTermDays,
    penaltyBpPerDay: p.penaltyBpPerDay,
    active: p.active,
    createdAt: p.createdAt.toISOString(),
  };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
const num = (v: bigint | null) => (v === null ? null : Number(v));

/**
 * An application as its reader may see it: the lender sees the evidence the applicant consented to share (and
 * nothing else of the applicant's); the applicant sees its own application without it.
 */
export function presentApplication(
  a: repo.ApplicationRow,
  names: { product: string; fin: string; applicant: string },
  repayments: repo.RepaymentRow[],
  reader: 'lender' | 'applicant',
  now: Date,
): View {
  const open = a.status === 'submitted';
  const left = open
    ? now <= a.decisionDueAt
      ? workingDaysBetween(now, a.decisionDueAt)
      : -workingDaysBetween(a.decisionDueAt, now)
    : null;
  return {
    id: a.id,
    productId: a.productId,
    productName: names.product,
    productType: a.assetKind as View['productType'],
    finOrgId: a.finOrgId,
    finOrgName: names.fin,
    applicantOrgId: a.applicantOrgId,
    applicantOrgName: names.applicant,
    asset: {
      kind: a.assetKind as View['productType'],
      contractId: a.contractId,
      milestoneId: a.milestoneId,
      baseFen: Number(a.baseFen),
    },
    requestedFen: Number(a.requestedFen),
    termDays: a.termDays,
    status: a.status as View['status'],
    submittedAt: a.submittedAt.toISOString(),
    decisionDueAt: a.decisionDueAt.toISOString(),
    workingDaysLeft: left === null ? null : Math.round(left * 100) / 100,
    decidedAt: iso(a.decidedAt),
    rejectReason: a.rejectReason,
    approvedFen: num(a.approvedFen),
    feeBp: a.feeBp,
    feeFen: num(a.feeFen),
    disbursedAt: iso(a.disbursedAt),
    dueDate: a.dueDate,
    repaidFen: Number(a.repaidFen),
    penaltyFen: Number(a.penaltyFen),
    outstandingFen: a.status === 'disbursed' || a.status === 'overdue' ? Number(outstandingOf(a)) : 0,
    closedAt: iso(a.closedAt),
    repayments: repayments
      .filter((r) => r.applicationId === a.id)
      .map((r) => ({
        amountFen: Number(r.amountFen),
        source: r.source as 'release' | 'penalty',
        at: r.at.toISOString(),
      })),
    evidence: reader === 'lender' ? (a.evidence as View['evidence']) : null,
  };
}

export function presentPortfolio(
  p: Awaited<ReturnType<typeof portfolioOf>>,
  applicantNames: Map<string, string>,
): FinancePortfolioView {
  return {
    totals: {
      loans: p.totals.loans,
      disbursedFen: Number(p.totals.disbursedFen),
      usedFen: Number(p.totals.usedFen),
      repaidFen: Number(p.totals.repaidFen),
      outstandingFen: Number(p.totals.outstandingFen),
      overdueFen: Number(p.totals.overdueFen),
      closed: p.totals.closed,
    },
    cycle: p.cycle,
    loans: p.loans.map((l) => ({
      applicationId: l.app.id,
      applicantOrgName: applicantNames.get(l.app.applicantOrgId) ?? '',
      status: l.app.status as FinancePortfolioView['loans'][number]['status'],
      disbursedFen: Number(l.disbursedFen),
      usedFen: Number(l.usedFen),
      repaidFen: Number(l.repaidFen),
      overdueFen: Number(l.overdueFen),
      decisionWorkingDays: l.decisionWorkingDays,
      disbursementWorkingDays: l.disbursementWorkingDays,
      promisedWorkingDays: l.promisedWorkingDays,
      onTime: l.onTime,
    })),
  };
}
