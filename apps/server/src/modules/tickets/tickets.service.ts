import type {
  OpenTicketBody,
  RateTicketBody,
  StaffTicketReplyBody,
  TicketLine,
  TicketPriority,
} from '@zhuhe/contracts';
import { shanghaiDate } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import type { DbOrTx } from '../../infra/db/client';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { queueMail } from '../../infra/mail/outbox';
import { getFile, type StoredFileRow } from '../files';
import { getUsers } from '../identity';
import { notify } from '../notifications';
import { ticketErrors } from './tickets.errors';
import * as repo from './tickets.repository';
import {
  clocksFor,
  dueForAutoEscalation,
  isBreached,
  isOpen,
  LINE_ROLE,
  lineClockAfterEscalation,
  REOPEN_DAYS,
  TICKET_ATTACHMENT_MAX_BYTES,
  ticketNoIn,
} from './tickets.rules';

const DAY_MS = 86_400_000;

/** Who a ticket comes from: a member of an organisation, a known user without one, or a guest e-mail address. */
export interface Requester {
  orgId: string | null;
  userId: string | null;
  email: string | null;
  name: string;
}

/** The organisation's ticket, or a 404 when it is not the organisation's (it does not exist for them). */
export async function loadForOrg(ctx: Pick<AppContext, 'db'>, orgId: string, ticketId: string, db?: DbOrTx) {
  const row = await repo.findTicket(db ?? ctx.db, ticketId);
  if (!row || row.orgId !== orgId) throw ticketErrors.raise('TICKET_NOT_FOUND');
  return row;
}

export async function loadForStaff(ctx: Pick<AppContext, 'db'>, ticketId: string, db?: DbOrTx) {
  const row = await repo.findTicket(db ?? ctx.db, ticketId);
  if (!row) throw ticketErrors.raise('TICKET_NOT_FOUND');
  return row;
}

/** An agent works the lines their staff roles give them; platform admins work every line. */
export function worksLine(actor: Pick<Actor, 'staffRoles'>, line: number): boolean {
  return actor.staffRoles.includes('admin') || actor.staffRoles.includes(LINE_ROLE[line as TicketLine]);
}

function requireLine(actor: Actor, row: repo.TicketRow) {
  if (!worksLine(actor, row.line)) throw ticketErrors.raise('TICKET_NOT_YOUR_LINE', { line: row.line });
}

async function nextTicketNo(db: DbOrTx, at: Date): Promise<string> {
  const prefix = `TK${shanghaiDate(at).replaceAll('-', '')}`;
  return `${prefix}${String((await repo.countOfDay(db, prefix)) + 1).padStart(4, '0')}`;
}

/** Attachments must be the organisation's own files (uploaded through the files module) and within the limit. */
async function checkAttachments(ctx: AppContext, orgId: string | null, fileIds: readonly string[]) {
  const files: StoredFileRow[] = [];
  for (const id of new Set(fileIds)) {
    const file = orgId ? await getFile(ctx, orgId, id).catch(() => null) : null;
    if (!file) throw ticketErrors.raise('TICKET_ATTACHMENT_UNKNOWN');
    if (file.size > TICKET_ATTACHMENT_MAX_BYTES)
      throw ticketErrors.raise('TICKET_ATTACHMENT_TOO_LARGE', {
        name: file.name,
        sizeMb: (file.size / 1_048_576).toFixed(1),
        maxMb: TICKET_ATTACHMENT_MAX_BYTES / 1_048_576,
      });
    files.push(file);
  }
  return files;
}

/**
 * 受理工单 7×24 intake (web, API, e-mail): the ticket with its SLA clocks from the priority policy, the opening
 * message, the attachments, and `ticket.opened`, in one transaction.
 */
export async function openTicket(
  ctx: AppContext,
  requester: Requester,
  body: OpenTicketBody,
  channel: 'web' | 'api' | 'email',
  now = new Date(),
  preparedFiles?: StoredFileRow[],
): Promise<string> {
  const files = preparedFiles ?? (await checkAttachments(ctx, requester.orgId, body.attachmentFileIds));
  const id = newId();
  const clocks = clocksFor(body.priority, now);
  await ctx.db.transaction(async (tx) => {
    await repo.insertTicket(tx, {
      id,
      ticketNo: await nextTicketNo(tx, now),
      channel,
      orgId: requester.orgId,
      requesterUserId: requester.userId,
      contactEmail: requester.email,
      contactName: requester.name,
      category: body.category,
      priority: body.priority,
      status: 'new',
      line: 1,
      subject: body.subject,
      createdAt: now,
      ...clocks,
    });
    await repo.insertMessage(tx, {
      id: newId(),
      ticketId: id,
      side: 'requester',
      authorUserId: requester.userId,
      authorName: requester.name,
      body: body.text,
      createdAt: now,
    });
    for (const file of files)
      await repo.insertAttachment(tx, {
        id: newId(),
        ticketId: id,
        orgId: file.orgId,
        fileId: file.id,
        name: file.name,
        mime: file.mime,
        size: file.size,
        createdAt: now,
      });
    await ctx.events.publish(
      tx,
      'ticket.opened',
      {
        ticketId: id,
        orgId: requester.orgId,
        channel,
        category: body.category,
        priority: body.priority,
        openedAt: now.toISOString(),
      },
      now,
    );
  });
  return id;
}

/** A member of an organisation opens a ticket on the web page or through the API. */
export async function openForMember(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  body: OpenTicketBody,
  channel: 'web' | 'api',
  now = new Date(),
) {
  const [user] = await getUsers(ctx, [actor.userId]);
  return openTicket(
    ctx,
    { orgId, userId: actor.userId, email: user?.email ?? null, name: user?.displayName ?? '—' },
    body,
    channel,
    now,
  );
}

/** The name a message is signed with: the user's display name, or a dash for an account without one. */
async function displayNameOf(ctx: AppContext, userId: string): Promise<string> {
  const [user] = await getUsers(ctx, [userId]);
  return user?.displayName ?? '—';
}

/** Tells the requester about an answer: in-app and by mail for users, by mail alone for guest contacts. */
async function tellRequester(ctx: AppContext, tx: DbOrTx, row: repo.TicketRow, title: string, text: string) {
  const subject = `[${row.ticketNo}] ${title}`;
  if (row.requesterUserId) {
    await notify(
      ctx,
      {
        userId: row.requesterUserId,
        kind: 'tickets.answered',
        title: subject,
        body: text,
        link: `/workspace/tickets/${row.id}`,
        email: true,
      },
      tx,
    );
  } else if (row.contactEmail) {
    await queueMail(
      ctx.jobs,
      {
        to: row.contactEmail,
        subject,
        text: `${text}\n\n— 筑合客服 ZhuHe support（直接回复此邮件即可补充说明 / reply to this e-mail to add to the ticket）`,
      },
      { tx, dedupeKey: `ticket-mail-${row.id}-${newId()}` },
    );
  }
}

/** 回复 / 内部备注 an agent answers the requester, or leaves a note only staff see. */
export async function agentReply(
  ctx: AppContext,
  actor: Actor,
  ticketId: string,
  body: StaffTicketReplyBody,
  now = new Date(),
) {
  const name = await displayNameOf(ctx, actor.userId);
  await ctx.db.transaction(async (tx) => {
    const row = await loadForStaff(ctx, ticketId, tx);
    if (row.status === 'closed') throw ticketErrors.raise('TICKET_CLOSED');
    requireLine(actor, row);
    await repo.insertMessage(tx, {
      id: newId(),
      ticketId,
      side: 'agent',
      authorUserId: actor.userId,
      authorName: name,
      body: body.body,
      internal: body.internal,
      cannedAnswerId: body.cannedAnswerId,
      createdAt: now,
    });
    if (body.internal) return;
    await repo.updateTicket(tx, ticketId, {
      agentUserId: actor.userId,
      firstAnsweredAt: row.firstAnsweredAt ?? now,
      // waiting on the requester stops the line clock
      ...(row.status === 'resolved' ? {} : { status: 'answered', lineDueAt: null }),
    });
    await tellRequester(ctx, tx, row, `工单已回复：${row.subject}`, body.body);
  });
}

/** The requester writes again: the ticket needs an agent, and the line's clock runs again. */
async function requesterMessage(
  tx: DbOrTx,
  row: repo.TicketRow,
  name: string,
  userId: string | null,
  text: string,
  now: Date,
) {
  if (row.status === 'closed') throw ticketErrors.raise('TICKET_CLOSED');
  await repo.insertMessage(tx, {
    id: newId(),
    ticketId: row.id,
    side: 'requester',
    authorUserId: userId,
    authorName: name,
    body: text,
    createdAt: now,
  });
  if (row.status === 'answered')
    await repo.updateTicket(tx, row.id, {
      status: 'open',
      lineDueAt: lineClockAfterEscalation(row.priority as TicketPriority, now, row.resolutionDueAt),
    });
}

export async function requesterReply(ctx: AppContext, actor: Actor, orgId: string, ticketId: string, text: string) {
  const name = await displayNameOf(ctx, actor.userId);
  await ctx.db.transaction(async (tx) => {
    const row = await loadForOrg(ctx, orgId, ticketId, tx);
    if (row.status === 'resolved') throw ticketErrors.raise('TICKET_ALREADY_RESOLVED');
    await requesterMessage(tx, row, name, actor.userId, text, new Date());
  });
}

async function moveUp(ctx: AppContext, tx: DbOrTx, row: repo.TicketRow, reason: string, by: string | null, now: Date) {
  if (row.line >= 3) throw ticketErrors.raise('TICKET_TOP_LINE');
  const toLine = row.line + 1;
  await repo.insertEscalation(tx, {
    id: newId(),
    ticketId: row.id,
    fromLine: row.line,
    toLine,
    reason,
    automatic: by === null,
    byUserId: by,
    createdAt: now,
  });
  await repo.updateTicket(tx, row.id, {
    line: toLine,
    agentUserId: null,
    status: row.status === 'answered' || row.status === 'new' ? (row.firstAnsweredAt ? 'open' : 'new') : row.status,
    lineDueAt: lineClockAfterEscalation(row.priority as TicketPriority, now, row.resolutionDueAt),
  });
  await repo.insertMessage(tx, {
    id: newId(),
    ticketId: row.id,
    side: 'system',
    authorUserId: by,
    authorName: '系统 System',
    body:
      by === null
        ? `超出第 ${row.line} 线时限，已自动升级至第 ${toLine} 线 / Line ${row.line} clock ran out, moved to line ${toLine}：${reason}`
        : `已升级至第 ${toLine} 线 / Escalated to line ${toLine}：${reason}`,
    internal: true,
    createdAt: now,
  });
  await ctx.events.publish(
    tx,
    'ticket.escalated',
    { ticketId: row.id, fromLine: row.line, toLine, automatic: by === null, escalatedAt: now.toISOString() },
    now,
  );
}

/** 升级 an agent of the ticket's line hands it to the next line (technical, then expert). */
export async function escalate(ctx: AppContext, actor: Actor, ticketId: string, reason: string, now = new Date()) {
  await ctx.db.transaction(async (tx) => {
    const row = await loadForStaff(ctx, ticketId, tx);
    if (!isOpen(row.status)) throw ticketErrors.raise('TICKET_ALREADY_RESOLVED');
    requireLine(actor, row);
    await moveUp(ctx, tx, row, reason, actor.userId, now);
  });
}

/** 解决 an agent of the ticket's line resolves it; the requester may rate it, or reopen it for 7 days. */
export async function resolve(ctx: AppContext, actor: Actor, ticketId: string, resolution: string, now = new Date()) {
  const name = await displayNameOf(ctx, actor.userId);
  await ctx.db.transaction(async (tx) => {
    const row = await loadForStaff(ctx, ticketId, tx);
    if (!isOpen(row.status)) throw ticketErrors.raise('TICKET_ALREADY_RESOLVED');
    requireLine(actor, row);
    await repo.insertMessage(tx, {
      id: newId(),
      ticketId,
      side: 'agent',
      authorUserId: actor.userId,
      authorName: name,
      body: resolution,
      createdAt: now,
    });
    await repo.updateTicket(tx, ticketId, {
      status: 'resolved',
      resolvedAt: now,
      resolutionNote: resolution,
      agentUserId: actor.userId,
      firstAnsweredAt: row.firstAnsweredAt ?? now,
      lineDueAt: null,
    });
    await tellRequester(
      ctx,
      tx,
      row,
      `工单已解决：${row.subject}`,
      `${resolution}\n\n请在「我的工单」中评价本次服务；如问题仍在，${REOPEN_DAYS} 天内可重新打开。`,
    );
    await ctx.events.publish(
      tx,
      'ticket.resolved',
      { ticketId, orgId: row.orgId, line: row.line, resolvedAt: now.toISOString() },
      now,
    );
  });
}

/** 评价 the requester rates the resolution 1–5 with a comment; a rated ticket is closed. */
export async function rate(ctx: AppContext, orgId: string, ticketId: string, body: RateTicketBody, now = new Date()) {
  await ctx.db.transaction(async (tx) => {
    const row = await loadForOrg(ctx, orgId, ticketId, tx);
    if (row.ratedAt) throw ticketErrors.raise('TICKET_ALREADY_RATED');
    if (row.status !== 'resolved') throw ticketErrors.raise('TICKET_NOT_RESOLVED');
    await repo.updateTicket(tx, ticketId, {
      ratingStars: body.stars,
      ratingComment: body.comment,
      ratedAt: now,
      status: 'closed',
      closedAt: now,
    });
    await ctx.events.publish(tx, 'ticket.rated', { ticketId, orgId, stars: body.stars }, now);
  });
}

/** 重新打开 within 7 days of the resolution, the requester reopens the ticket at the line that resolved it. */
export async function reopen(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  ticketId: string,
  text: string,
  now = new Date(),
) {
  const name = await displayNameOf(ctx, actor.userId);
  await ctx.db.transaction(async (tx) => {
    const row = await loadForOrg(ctx, orgId, ticketId, tx);
    if (row.status !== 'resolved' || !row.resolvedAt)
      throw ticketErrors.raise(row.status === 'closed' ? 'TICKET_CLOSED' : 'TICKET_NOT_RESOLVED');
    if (now.getTime() - row.resolvedAt.getTime() > REOPEN_DAYS * DAY_MS)
      throw ticketErrors.raise('TICKET_REOPEN_EXPIRED', { days: REOPEN_DAYS });
    await repo.insertMessage(tx, {
      id: newId(),
      ticketId,
      side: 'requester',
      authorUserId: actor.userId,
      authorName: name,
      body: text,
      createdAt: now,
    });
    await repo.updateTicket(tx, ticketId, {
      status: 'reopened',
      resolvedAt: null,
      resolutionNote: null,
      reopenCount: row.reopenCount + 1,
      lineDueAt: lineClockAfterEscalation(row.priority as TicketPriority, now, row.resolutionDueAt),
    });
  });
}

/**
 * 时限检查 (job): records the first breach of an open ticket, moves tickets whose line clock ran out to the next
 * line, and closes resolved tickets once the reopening window has passed.
 */
export async function checkClocks(ctx: AppContext, now = new Date()) {
  let escalated = 0;
  let breached = 0;
  let closed = 0;
  for (const row of await repo.queue(ctx.db, ['new', 'open', 'answered', 'reopened', 'resolved'])) {
    await ctx.db.transaction(async (tx) => {
      const fresh = await repo.findTicket(tx, row.id, true);
      if (!fresh) return;
      if (fresh.status === 'resolved') {
        if (fresh.resolvedAt && now.getTime() - fresh.resolvedAt.getTime() > REOPEN_DAYS * DAY_MS) {
          await repo.updateTicket(tx, fresh.id, { status: 'closed', closedAt: now });
          closed += 1;
        }
        return;
      }
      const view = { ...fresh, priority: fresh.priority as TicketPriority };
      if (!fresh.breachedAt && isBreached(view, now)) {
        await repo.updateTicket(tx, fresh.id, { breachedAt: now });
        breached += 1;
      }
      if (dueForAutoEscalation(view, now)) {
        await moveUp(ctx, tx, fresh, 'SLA 超时 SLA breached', null, now);
        escalated += 1;
      }
    });
  }
  return { escalated, breached, closed };
}

export interface InboundMail {
  from: string;
  fromName: string;
  subject: string;
  text: string;
}

/**
 * 邮件受理 a message to support@: a reply carrying a ticket number from that ticket's requester joins the
 * thread; anything else opens a ticket. The sender is matched to a user by e-mail (their first organisation);
 * an unknown sender becomes a guest contact.
 */
export async function intakeEmail(
  ctx: AppContext,
  mail: InboundMail,
  who: { userId: string; name: string; orgId: string | null } | null,
  now = new Date(),
): Promise<{ ticketId: string; created: boolean }> {
  const email = mail.from.trim().toLowerCase();
  const ticketNo = ticketNoIn(mail.subject);
  const existing = ticketNo ? await repo.findByNo(ctx.db, ticketNo) : undefined;
  const text = mail.text.trim() || '（空邮件 empty message）';
  if (
    existing &&
    existing.status !== 'closed' &&
    (existing.contactEmail?.toLowerCase() === email || (who && existing.requesterUserId === who.userId))
  ) {
    await ctx.db.transaction(async (tx) => {
      const row = (await repo.findTicket(tx, existing.id, true)) as repo.TicketRow;
      if (row.status === 'resolved') {
        await repo.insertMessage(tx, {
          id: newId(),
          ticketId: row.id,
          side: 'requester',
          authorUserId: who?.userId ?? null,
          authorName: who?.name ?? mail.fromName,
          body: text,
          createdAt: now,
        });
        await repo.updateTicket(tx, row.id, {
          status: 'reopened',
          resolvedAt: null,
          reopenCount: row.reopenCount + 1,
          lineDueAt: lineClockAfterEscalation(row.priority as TicketPriority, now, row.resolutionDueAt),
        });
      } else await requesterMessage(tx, row, who?.name ?? mail.fromName, who?.userId ?? null, text, now);
    });
    return { ticketId: existing.id, created: false };
  }
  const subject =
    mail.subject
      .replace(/\[TK\d{12}\]/, '')
      .trim()
      .slice(0, 200) || '（无主题 no subject）';
  const ticketId = await openTicket(
    ctx,
    { orgId: who?.orgId ?? null, userId: who?.userId ?? null, email, name: who?.name ?? (mail.fromName || email) },
    { category: 'other', priority: 'normal', subject, text: text.slice(0, 8000), attachmentFileIds: [] },
    'email',
    now,
    [],
  );
  return { ticketId, created: true };
}

/** 快捷回复 */
export async function createCannedAnswer(
  ctx: AppContext,
  actor: Actor,
  body: { title: string; body: string; category: string | null },
) {
  const id = newId();
  await repo.insertCanned(ctx.db, { id, ...body, createdByUserId: actor.userId, createdAt: new Date() });
  return id;
}
