import { shanghaiDate } from '../../infra/calendar/working-days';
import type * as repo from './escrow.repository';

// Output shapes returned both by a use case and by a read view (money view, wallet, finance console).

export function presentScheduleItem(item: repo.ScheduleRow, today = shanghaiDate(new Date())) {
  const overdueDays =
    item.status === 'scheduled'
      ? Math.max(0, Math.round((Date.parse(today) - Date.parse(item.dueDate)) / 86_400_000))
      : 0;
  return {
    milestoneId: item.milestoneId,
    title: item.title,
    dueDate: item.dueDate,
    amountFen: Number(item.amountFen),
    status: item.status as 'scheduled' | 'paid',
    settlementId: item.settlementId,
    paidAt: item.paidAt?.toISOString() ?? null,
    overdueDays,
  };
}

export function presentRelease(r: repo.ReleaseRow) {
  return {
    releaseId: r.id,
    contractId: r.contractId,
    milestoneId: r.milestoneId,
    settlementId: r.settlementId,
    grossFen: Number(r.grossFen),
    retentionFen: Number(r.retentionFen),
    labourFen: Number(r.labourFen),
    feeFen: Number(r.feeFen),
    reserveFen: Number(r.reserveFen),
    netFen: Number(r.netFen),
  };
}

export function presentImport(row: repo.ImportRow) {
  return {
    id: row.id,
    filename: row.filename,
    createdAt: row.createdAt.toISOString(),
    lineCount: row.lineCount,
    matched: row.matched,
    unmatched: row.unmatched,
    duplicate: row.duplicate,
    invalid: row.invalid,
    lines: row.report,
  };
}

export function presentPayout(p: repo.PayoutRow) {
  return {
    id: p.id,
    amountFen: Number(p.amountFen),
    beneficiaryName: p.beneficiaryName,
    beneficiaryAccount: p.beneficiaryAccountMasked,
    status: p.status as 'pending' | 'paid' | 'failed',
    bankReference: p.bankReference,
    createdAt: p.createdAt.toISOString(),
  };
}
