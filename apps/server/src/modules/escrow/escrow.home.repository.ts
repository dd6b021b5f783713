import type { WorkspacePart } from '@zhuhe/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { shanghaiDate } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import { escrowContracts, escrowRiskCases, escrowScheduleItems } from './escrow.tables';

const WARN_DAYS = 7;

/** 工作台 part of escrow for the payer: what must be paid into escrow by when (付款计划), overdue first. */
export async function escrowHome(ctx: AppContext, input: { orgId: string; now: Date }): Promise<WorkspacePart> {
  const today = shanghaiDate(input.now);
  const soon = shanghaiDate(new Date(input.now.getTime() + WARN_DAYS * 86_400_000));
  const rows = await ctx.db
    .select({
      contractId: escrowScheduleItems.contractId,
      title: escrowScheduleItems.title,
      dueDate: escrowScheduleItems.dueDate,
      amountFen: escrowScheduleItems.amountFen,
    })
    .from(escrowScheduleItems)
    .innerJoin(escrowContracts, eq(escrowContracts.contractId, escrowScheduleItems.contractId))
    .where(and(eq(escrowContracts.payerOrgId, input.orgId), eq(escrowScheduleItems.status, 'scheduled')))
    .orderBy(escrowScheduleItems.dueDate)
    .limit(50);
  return {
    todos: rows.map((r) => ({
      kind: 'payment_due' as const,
      subject: r.title,
      dueAt: r.dueDate,
      overdue: r.dueDate < today,
      amountFen: Number(r.amountFen),
      severity:
        r.dueDate < today ? ('danger' as const) : r.dueDate <= soon ? ('warning' as const) : ('normal' as const),
      href: `/workspace/contracts/${r.contractId}/money`,
    })),
    figures:
      rows.length === 0
        ? []
        : [
            {
              key: 'escrow_due_fen',
              value: rows.reduce((sum, r) => sum + Number(r.amountFen), 0),
              unit: 'fen',
              href: '/workspace/wallet',
            },
          ],
  };
}

/** 工作台 part of escrow for finance and risk staff: escrows frozen or payouts held, waiting for a decision. */
export async function escrowStaffHome(ctx: AppContext): Promise<WorkspacePart> {
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${escrowRiskCases.openedAt})` })
    .from(escrowRiskCases)
    .where(eq(escrowRiskCases.status, 'open'));
  const n = row?.n ?? 0;
  return {
    todos:
      n === 0
        ? []
        : [
            {
              kind: 'payout_review',
              subject: String(n),
              dueAt: row?.oldest ? new Date(row.oldest).toISOString() : null,
              overdue: false,
              amountFen: null,
              severity: 'warning',
              href: '/staff/finance',
            },
          ],
    figures: [{ key: 'payouts_held', value: n, unit: 'count', href: '/staff/finance' }],
  };
}
