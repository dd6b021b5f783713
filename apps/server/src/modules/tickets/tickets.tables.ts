import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 工单 a support request from the web, the API or e-mail, and where it stands against its SLA. */
export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey(),
    ticketNo: text('ticket_no').notNull().unique(),
    /** web | api | email */
    channel: text('channel').notNull(),
    /** null for a guest contact (an e-mail from an unknown sender, or a user without an organisation) */
    orgId: uuid('org_id'),
    requesterUserId: uuid('requester_user_id'),
    contactEmail: text('contact_email'),
    contactName: text('contact_name').notNull(),
    category: text('category').notNull(),
    priority: text('priority').notNull(),
    /** new → answered ⇄ open → resolved → reopened … → closed */
    status: text('status').notNull(),
    /** 支持线 1 basic, 2 technical, 3 expert */
    line: integer('line').notNull(),
    agentUserId: uuid('agent_user_id'),
    subject: text('subject').notNull(),
    createdAt: ts('created_at').notNull(),
    firstResponseDueAt: ts('first_response_due_at').notNull(),
    firstAnsweredAt: ts('first_answered_at'),
    resolutionDueAt: ts('resolution_due_at').notNull(),
    /** the current line's clock: when it runs out unresolved, the ticket moves to the next line */
    lineDueAt: ts('line_due_at'),
    /** set by the clock job the first time a target is missed */
    breachedAt: ts('breached_at'),
    resolvedAt: ts('resolved_at'),
    resolutionNote: text('resolution_note'),
    closedAt: ts('closed_at'),
    ratingStars: integer('rating_stars'),
    ratingComment: text('rating_comment'),
    ratedAt: ts('rated_at'),
    reopenCount: integer('reopen_count').notNull().default(0),
  },
  (t) => [
    index('tickets_org_idx').on(t.orgId, t.createdAt),
    index('tickets_status_idx').on(t.status, t.line),
    index('tickets_created_idx').on(t.createdAt),
  ],
);

/** 工单对话 the thread: requester ↔ agent, plus internal notes staff alone see. */
export const ticketMessages = pgTable(
  'ticket_messages',
  {
    id: uuid('id').primaryKey(),
    ticketId: uuid('ticket_id').notNull(),
    /** requester | agent | system */
    side: text('side').notNull(),
    authorUserId: uuid('author_user_id'),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    /** 内部备注 */
    internal: boolean('internal').notNull().default(false),
    cannedAnswerId: uuid('canned_answer_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('ticket_messages_ticket_idx').on(t.ticketId, t.createdAt)],
);

/** A file attached to a ticket (stored by the files module under the requester's organisation). */
export const ticketAttachments = pgTable(
  'ticket_attachments',
  {
    id: uuid('id').primaryKey(),
    ticketId: uuid('ticket_id').notNull(),
    orgId: uuid('org_id').notNull(),
    fileId: uuid('file_id').notNull(),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('ticket_attachments_ticket_idx').on(t.ticketId)],
);

/** 升级记录 a move to the next support line, by an agent or by the SLA clock. */
export const ticketEscalations = pgTable(
  'ticket_escalations',
  {
    id: uuid('id').primaryKey(),
    ticketId: uuid('ticket_id').notNull(),
    fromLine: integer('from_line').notNull(),
    toLine: integer('to_line').notNull(),
    reason: text('reason').notNull(),
    automatic: boolean('automatic').notNull(),
    byUserId: uuid('by_user_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('ticket_escalations_ticket_idx').on(t.ticketId, t.createdAt)],
);

/** 快捷回复 a canned answer agents insert into a reply. */
export const cannedAnswers = pgTable('ticket_canned_answers', {
  id: uuid('id').primaryKey(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  category: text('category'),
  createdByUserId: uuid('created_by_user_id'),
  createdAt: ts('created_at').notNull(),
});
