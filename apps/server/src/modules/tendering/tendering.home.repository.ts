import type { BusinessRole, WorkspacePart, WorkspaceTodo } from '@zhuhe/contracts';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../infra/context';
import { tenderBids, tenderInvitations, tenders } from './tendering.tables';

const BUYER_ROLES: readonly BusinessRole[] = ['GC'];

/**
 * 工作台 part of tendering: a buyer's open tenders (closing, or past the deadline with bids to open); a bidder's
 * open tenders it was invited to or bid on, by deadline.
 */
export async function tenderingHome(
  ctx: AppContext,
  input: { orgId: string; role: BusinessRole; now: Date },
): Promise<WorkspacePart> {
  const { orgId, now } = input;
  if (BUYER_ROLES.includes(input.role)) {
    const rows = await ctx.db
      .select({ id: tenders.id, title: tenders.title, deadline: tenders.deadline, budgetFen: tenders.budgetFen })
      .from(tenders)
      .where(and(eq(tenders.orgId, orgId), eq(tenders.status, 'open')))
      .orderBy(tenders.deadline)
      .limit(50);
    const todos: WorkspaceTodo[] = rows.map((t) => {
      const closed = t.deadline.getTime() <= now.getTime();
      return {
        kind: closed ? 'bids_to_open' : 'tender_closing',
        subject: t.title,
        dueAt: t.deadline.toISOString(),
        overdue: false,
        amountFen: t.budgetFen,
        severity: closed ? 'warning' : 'normal',
        href: `/workspace/tenders/${t.id}`,
      };
    });
    return {
      todos,
      figures: [
        {
          key: 'tenders_open',
          value: rows.filter((t) => t.deadline > now).length,
          unit: 'count',
          href: '/workspace/tenders',
        },
      ],
    };
  }
  const invited = ctx.db
    .select({ id: tenderInvitations.tenderId })
    .from(tenderInvitations)
    .where(eq(tenderInvitations.orgId, orgId));
  const bidOn = ctx.db
    .select({ id: tenderBids.tenderId })
    .from(tenderBids)
    .where(and(eq(tenderBids.orgId, orgId), sql`${tenderBids.status} <> 'withdrawn'`));
  const [rows, [bids]] = await Promise.all([
    ctx.db
      .select({ id: tenders.id, title: tenders.title, deadline: tenders.deadline })
      .from(tenders)
      .where(
        and(
          eq(tenders.status, 'open'),
          sql`${tenders.deadline} > ${now.toISOString()}`,
          or(inArray(tenders.id, invited), inArray(tenders.id, bidOn)),
        ),
      )
      .orderBy(tenders.deadline)
      .limit(50),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(tenderBids)
      .where(and(eq(tenderBids.orgId, orgId), sql`${tenderBids.status} <> 'withdrawn'`)),
  ]);
  const soon = now.getTime() + 3 * 86_400_000;
  return {
    todos: rows.map((t) => ({
      kind: 'bid_due',
      subject: t.title,
      dueAt: t.deadline.toISOString(),
      overdue: false,
      amountFen: null,
      severity: t.deadline.getTime() <= soon ? 'warning' : 'normal',
      href: `/workspace/tenders/${t.id}`,
    })),
    figures: [{ key: 'bids_submitted', value: bids?.n ?? 0, unit: 'count', href: '/workspace/tenders' }],
  };
}
