import type { BusinessRole, WorkspacePart, WorkspaceTodo } from '@zhuhe/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { shanghaiDate } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import { actualCurve } from './execution.progress';
import * as repo from './execution.repository';
import { LOG_REMINDER_DAYS } from './execution.service';
import { executionLogs } from './execution.tables';

const DAY = 86_400_000;
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The contracts an organisation takes part in, with its side: 甲方 payer, 乙方 payee or 监理 supervisor. */
export async function contractSidesOf(ctx: AppContext, orgId: string) {
  return (await repo.plansForOrg(ctx.db, orgId)).map((p) => ({
    contractId: p.contractId,
    contractTitle: p.contractTitle,
    side:
      p.orgId === orgId ? ('payer' as const) : p.payeeOrgId === orgId ? ('payee' as const) : ('supervisor' as const),
  }));
}

/**
 * 工作台 part of execution: logs waiting for the payer's review; for the payee, logs sent back and the weekly
 * log of every unfinished contract (due {@link LOG_REMINDER_DAYS} days after the last one, as the reminder says).
 */
export async function executionHome(
  ctx: AppContext,
  input: { orgId: string; role: BusinessRole; now: Date },
): Promise<WorkspacePart> {
  const { orgId, now } = input;
  const today = shanghaiDate(now);
  const plans = await repo.plansForOrg(ctx.db, orgId);
  const todos: WorkspaceTodo[] = [];
  const asPayer = plans.filter((p) => p.orgId === orgId);
  const asPayee = plans.filter((p) => p.payeeOrgId === orgId);
  const titles = new Map(plans.map((p) => [p.contractId, p.contractTitle]));
  if (asPayer.length > 0) {
    const waiting = await ctx.db
      .select({ contractId: executionLogs.contractId, logDate: executionLogs.logDate })
      .from(executionLogs)
      .where(
        and(
          inArray(
            executionLogs.contractId,
            asPayer.map((p) => p.contractId),
          ),
          eq(executionLogs.status, 'submitted'),
        ),
      )
      .orderBy(executionLogs.logDate)
      .limit(100);
    for (const log of waiting) {
      // the payer reviews within the week the payee files in
      const due = plusDays(log.logDate, LOG_REMINDER_DAYS);
      todos.push({
        kind: 'log_review',
        subject: `${titles.get(log.contractId) ?? '—'} · ${log.logDate}`,
        dueAt: due,
        overdue: due < today,
        amountFen: null,
        severity: due < today ? 'danger' : 'normal',
        href: `/workspace/progress/${log.contractId}`,
      });
    }
  }
  for (const plan of asPayee) {
    if (plan.startDate > today) continue;
    const [lines, logs] = await Promise.all([
      repo.boqLinesOf(ctx.db, plan.contractId),
      repo.logsOf(ctx.db, plan.contractId),
    ]);
    const current = logs.filter((l) => l.status !== 'revised');
    for (const log of current.filter((l) => l.status === 'changes_requested')) {
      todos.push({
        kind: 'log_changes',
        subject: `${plan.contractTitle} · ${log.logDate}`,
        dueAt: null,
        overdue: false,
        amountFen: null,
        severity: 'warning',
        href: `/workspace/progress/${plan.contractId}`,
      });
    }
    const progress = actualCurve(lines, current).at(-1)?.percentBp ?? 0;
    if (progress >= 10_000) continue;
    const last =
      current
        .map((l) => l.logDate)
        .sort()
        .at(-1) ?? plan.startDate;
    const due = plusDays(last, LOG_REMINDER_DAYS);
    todos.push({
      kind: 'log_due',
      subject: plan.contractTitle,
      dueAt: due,
      overdue: due < today,
      amountFen: null,
      severity: due < today ? 'danger' : due === today ? 'warning' : 'normal',
      href: `/workspace/progress/${plan.contractId}`,
    });
  }
  const running = plans.filter((p) => p.orgId === orgId || p.payeeOrgId === orgId);
  return {
    todos,
    figures: [
      { key: 'contracts_running', value: running.length, unit: 'count', href: '/workspace/progress' },
      {
        key: 'contract_amount_fen',
        value: running.reduce((sum, p) => sum + p.contractAmountFen, 0),
        unit: 'fen',
        href: '/workspace/contracts',
      },
    ],
  };
}
