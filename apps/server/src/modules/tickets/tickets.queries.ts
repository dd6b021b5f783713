import {
  TICKET_CATEGORIES,
  type Ticket,
  type TicketBoard,
  type TicketCategory,
  type TicketLine,
  type TicketPriority,
  type TicketSummary,
} from '@zhuhe/contracts';
import { shanghaiDate } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import { getFile } from '../files';
import { getUsers } from '../identity';
import { getOrganisations } from '../organisation';
import { ticketErrors } from './tickets.errors';
import * as repo from './tickets.repository';
import {
  boardFigures,
  FIRST_MONTH_RESOLUTION_TARGET,
  isBreached,
  isOpen,
  REOPEN_DAYS,
  slaState,
} from './tickets.rules';
import { loadForOrg, loadForStaff } from './tickets.service';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

async function namesFor(ctx: AppContext, rows: repo.TicketRow[]) {
  const users = await getUsers(
    ctx,
    rows.flatMap((r) => (r.agentUserId ? [r.agentUserId] : [])),
  );
  const orgs = await getOrganisations(
    ctx,
    rows.flatMap((r) => (r.orgId ? [r.orgId] : [])),
  );
  return {
    users: new Map(users.map((u) => [u.id, u.displayName])),
    orgs: new Map(orgs.map((o) => [o.id, o.name])),
  };
}

function summary(row: repo.TicketRow, names: Awaited<ReturnType<typeof namesFor>>, now: Date): TicketSummary {
  const open = isOpen(row.status);
  return {
    id: row.id,
    ticketNo: row.ticketNo,
    channel: row.channel as TicketSummary['channel'],
    category: row.category as TicketCategory,
    priority: row.priority as TicketPriority,
    status: row.status as TicketSummary['status'],
    line: row.line as TicketLine,
    subject: row.subject,
    requester: {
      name: row.contactName,
      email: row.contactEmail,
      orgName: row.orgId ? (names.orgs.get(row.orgId) ?? null) : null,
      guest: row.orgId === null,
    },
    agentName: row.agentUserId ? (names.users.get(row.agentUserId) ?? null) : null,
    createdAt: row.createdAt.toISOString(),
    firstResponse: {
      dueAt: row.firstResponseDueAt.toISOString(),
      doneAt: iso(row.firstAnsweredAt),
      state: slaState(row.createdAt, row.firstResponseDueAt, row.firstAnsweredAt, now),
    },
    resolution: {
      dueAt: row.resolutionDueAt.toISOString(),
      doneAt: open ? null : iso(row.resolvedAt),
      state: slaState(row.createdAt, row.resolutionDueAt, open ? null : row.resolvedAt, now),
    },
    breached: row.breachedAt !== null || isBreached({ ...row, priority: row.priority as TicketPriority }, now),
    rating:
      row.ratedAt && row.ratingStars
        ? { stars: row.ratingStars, comment: row.ratingComment ?? '', at: row.ratedAt.toISOString() }
        : null,
  };
}

async function detail(ctx: AppContext, row: repo.TicketRow, staff: boolean, now = new Date()): Promise<Ticket> {
  const names = await namesFor(ctx, [row]);
  const messages = await repo.messagesOf(ctx.db, row.id);
  const attachments = await repo.attachmentsOf(ctx.db, row.id);
  const escalations = await repo.escalationsOf(ctx.db, row.id);
  return {
    ...summary(row, names, now),
    lineDueAt: iso(row.lineDueAt),
    reopenUntil:
      row.status === 'resolved' && row.resolvedAt
        ? new Date(row.resolvedAt.getTime() + REOPEN_DAYS * 86_400_000).toISOString()
        : null,
    resolutionNote: row.resolutionNote,
    messages: messages
      .filter((m) => staff || !m.internal)
      .map((m) => ({
        id: m.id,
        side: m.side as 'requester' | 'agent' | 'system',
        authorName: m.authorName,
        body: m.body,
        internal: m.internal,
        createdAt: m.createdAt.toISOString(),
      })),
    attachments: attachments.map((a) => ({
      id: a.id,
      name: a.name,
      mime: a.mime,
      size: a.size,
      url: staff
        ? `/api/staff/tickets/${row.id}/attachments/${a.id}`
        : `/api/orgs/${a.orgId}/files/${a.fileId}/content`,
    })),
    escalations: escalations.map((e) => ({
      fromLine: e.fromLine as TicketLine,
      toLine: e.toLine as TicketLine,
      reason: e.reason,
      automatic: e.automatic,
      at: e.createdAt.toISOString(),
    })),
  };
}

export async function listForOrg(ctx: AppContext, orgId: string) {
  const rows = await repo.ticketsOfOrg(ctx.db, orgId);
  const names = await namesFor(ctx, rows);
  const now = new Date();
  return { items: rows.map((r) => summary(r, names, now)) };
}

export async function ticketForOrg(ctx: AppContext, orgId: string, ticketId: string) {
  return detail(ctx, await loadForOrg(ctx, orgId, ticketId), false);
}

export async function ticketForStaff(ctx: AppContext, ticketId: string) {
  return detail(ctx, await loadForStaff(ctx, ticketId), true);
}

const PRIORITY_ORDER = { urgent: 0, high: 1, normal: 2, low: 3 } as Record<string, number>;

/** 工单队列 by line; breached first, then priority, then the line clock. */
export async function queueForStaff(
  ctx: AppContext,
  query: { line?: number; state: 'open' | 'breached' | 'resolved' | 'all' },
) {
  const statuses =
    query.state === 'resolved'
      ? ['resolved', 'closed']
      : query.state === 'all'
        ? null
        : ['new', 'open', 'answered', 'reopened'];
  const rows = await repo.queue(ctx.db, statuses, query.line);
  const names = await namesFor(ctx, rows);
  const now = new Date();
  let items = rows.map((r) => ({ row: r, s: summary(r, names, now) }));
  if (query.state === 'breached') items = items.filter((i) => i.s.breached);
  items.sort(
    (a, b) =>
      Number(b.s.breached) - Number(a.s.breached) ||
      (PRIORITY_ORDER[a.row.priority] ?? 9) - (PRIORITY_ORDER[b.row.priority] ?? 9) ||
      (a.row.lineDueAt?.getTime() ?? Number.MAX_SAFE_INTEGER) - (b.row.lineDueAt?.getTime() ?? Number.MAX_SAFE_INTEGER),
  );
  return { items: items.map((i) => i.s) };
}

/** 工单看板 the month's figures from the tickets' timestamps, by line and by category, and the open queue. */
export async function board(ctx: AppContext, month?: string, now = new Date()): Promise<TicketBoard> {
  const m = month ?? shanghaiDate(now).slice(0, 7);
  const since = new Date(Date.parse(`${m}-01T00:00:00+08:00`));
  const rows = await repo.openedSince(ctx.db, since);
  const open = await repo.queue(ctx.db, ['new', 'open', 'answered', 'reopened']);
  const breachedOf = (r: repo.TicketRow) =>
    r.breachedAt !== null || isBreached({ ...r, priority: r.priority as TicketPriority }, now);
  return {
    month: m,
    target: FIRST_MONTH_RESOLUTION_TARGET,
    ...boardFigures(rows, m, TICKET_CATEGORIES),
    queue: {
      open: open.length,
      breached: open.filter(breachedOf).length,
      byLine: ([1, 2, 3] as const).map((line) => {
        const ofLine = open.filter((r) => r.line === line);
        return { line, open: ofLine.length, breached: ofLine.filter(breachedOf).length };
      }),
    },
  };
}

export async function staffAttachment(ctx: AppContext, ticketId: string, attachmentId: string) {
  await loadForStaff(ctx, ticketId);
  const found = (await repo.attachmentsOf(ctx.db, ticketId)).find((a) => a.id === attachmentId);
  if (!found) throw ticketErrors.raise('TICKET_NOT_FOUND');
  return getFile(ctx, found.orgId, found.fileId);
}

export async function cannedAnswers(ctx: AppContext) {
  const rows = await repo.listCanned(ctx.db);
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      body: r.body,
      category: (r.category as TicketCategory) ?? null,
    })),
  };
}

/** 评价 the requesters' ratings (1–5 stars, optional comment) given in [from, to): the feedback side of reports. */
export async function ratingsBetween(ctx: Pick<AppContext, 'db'>, from: Date, to: Date) {
  const rows = await repo.ratedBetween(ctx.db, from, to);
  return rows.flatMap((r) =>
    r.stars !== null && r.ratedAt
      ? [{ category: r.category as TicketCategory, stars: r.stars, comment: r.comment ?? '', ratedAt: r.ratedAt }]
      : [],
  );
}

/** The first instant of the Shanghai calendar month after the one `instant` falls in. */
function nextShanghaiMonth(instant: Date): Date {
  const [y, m] = shanghaiDate(instant).slice(0, 7).split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return new Date(`${next}-01T00:00:00+08:00`);
}

/**
 * 当月解决 clocks for the promises board (SERV-2): each ticket opened since `since` is due by the end of the month
 * it was opened in, and counts as resolved only if it is not open again.
 */
export async function monthResolutionClocks(ctx: AppContext, since: Date) {
  return (await repo.openedSince(ctx.db, since)).map((t) => ({
    id: t.id,
    ticketNo: t.ticketNo,
    subject: t.subject,
    startedAt: t.createdAt,
    dueAt: nextShanghaiMonth(t.createdAt),
    endedAt: isOpen(t.status) ? null : t.resolvedAt,
  }));
}
