import type { WorkspacePart, WorkspaceTodo } from '@zhuhe/contracts';
import { and, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import { shanghaiDate } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import { findDemandRow } from '../demands';
import { matchingPushes } from './matching.tables';

/**
 * 工作台 part of matching for a supplier: demands pushed to it and not answered while still open, by the
 * demand's deadline (报名截止), and how many pushes it had in 30 days.
 */
export async function matchingHome(ctx: AppContext, input: { orgId: string; now: Date }): Promise<WorkspacePart> {
  const today = shanghaiDate(input.now);
  const [open, [count]] = await Promise.all([
    ctx.db
      .select({ demandId: matchingPushes.demandId, budgetFen: matchingPushes.budgetFen })
      .from(matchingPushes)
      .where(and(eq(matchingPushes.orgId, input.orgId), isNull(matchingPushes.answer)))
      .orderBy(desc(matchingPushes.createdAt))
      .limit(20),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(matchingPushes)
      .where(
        and(
          eq(matchingPushes.orgId, input.orgId),
          gte(matchingPushes.createdAt, new Date(input.now.getTime() - 30 * 86_400_000)),
        ),
      ),
  ]);
  const todos: WorkspaceTodo[] = [];
  for (const push of open) {
    const demand = await findDemandRow(ctx, push.demandId);
    if (demand?.status !== 'published' || demand.deadline < today) continue;
    todos.push({
      kind: 'push_to_answer',
      subject: demand.title,
      dueAt: demand.deadline,
      overdue: false,
      amountFen: push.budgetFen,
      severity: 'normal',
      href: '/workspace/pushes',
    });
  }
  return {
    todos,
    figures: [{ key: 'pushes_30d', value: count?.n ?? 0, unit: 'count', href: '/workspace/pushes' }],
  };
}
