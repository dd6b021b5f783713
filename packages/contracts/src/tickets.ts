import { z } from 'zod';

/** 工单 ticket desk schemas (SERV-2). */

export const TICKET_CATEGORIES = [
  'account',
  'verification',
  'tendering',
  'contract',
  'payment',
  'technical',
  'other',
] as const;
/** 工单类别: 账号 account, 认证 verification, 招投标 tendering, 合同 contract, 支付 payment, 技术 technical, 其他 other */
export const TicketCategory = z.enum(TICKET_CATEGORIES);
export type TicketCategory = z.infer<typeof TicketCategory>;

export const TICKET_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export const TicketPriority = z.enum(TICKET_PRIORITIES);
export type TicketPriority = z.infer<typeof TicketPriority>;

/**
 * new (no answer yet) → answered (waiting for the requester) ⇄ open (the requester wrote again) → resolved
 * → reopened (within 7 days) … resolved; closed when rated or 7 days after resolution.
 */
export const TICKET_STATUSES = ['new', 'open', 'answered', 'resolved', 'reopened', 'closed'] as const;
export const TicketStatus = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof TicketStatus>;

/** 支持线 1 一线 基础 basic, 2 二线 技术 technical, 3 三线 专家 expert */
export const TicketLine = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type TicketLine = z.infer<typeof TicketLine>;

export const TicketChannel = z.enum(['web', 'api', 'email']);
/** SLA state: within target, due within the next quarter of its window, breached */
export const TicketSlaState = z.enum(['ok', 'due_soon', 'breached', 'met']);

export const TicketParams = z.object({ orgId: z.uuid(), ticketId: z.uuid() });
export const StaffTicketParams = z.object({ ticketId: z.uuid() });

export const OpenTicketBody = z.object({
  category: TicketCategory,
  priority: TicketPriority.default('normal'),
  subject: z
    .string()
    .trim()
    .min(1, { message: 'TICKET_SUBJECT_REQUIRED' })
    .max(200, { message: 'TICKET_SUBJECT_REQUIRED' }),
  text: z.string().trim().min(1, { message: 'TICKET_TEXT_REQUIRED' }).max(8000),
  /** files already uploaded by the organisation (/api/orgs/:orgId/files) */
  attachmentFileIds: z.array(z.uuid()).max(10).default([]),
});
export type OpenTicketBody = z.infer<typeof OpenTicketBody>;

export const TicketReplyBody = z.object({ body: z.string().trim().min(1).max(8000) });

export const StaffTicketReplyBody = z.object({
  body: z.string().trim().min(1).max(8000),
  /** 内部备注: seen by staff only */
  internal: z.boolean().default(false),
  /** the canned answer the text started from, for the record */
  cannedAnswerId: z.uuid().nullable().default(null),
});
export type StaffTicketReplyBody = z.infer<typeof StaffTicketReplyBody>;

export const EscalateTicketBody = z.object({ reason: z.string().trim().min(2).max(1000) });
export const ResolveTicketBody = z.object({ resolution: z.string().trim().min(2).max(4000) });

export const RateTicketBody = z.object({
  stars: z
    .number()
    .int({ message: 'TICKET_RATING_RANGE' })
    .min(1, { message: 'TICKET_RATING_RANGE' })
    .max(5, { message: 'TICKET_RATING_RANGE' }),
  comment: z.string().trim().max(1000).default(''),
});
export type RateTicketBody = z.infer<typeof RateTicketBody>;

export const CannedAnswer = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  category: TicketCategory.nullable(),
});
export const CannedAnswerList = z.object({ items: z.array(CannedAnswer) });
export const CreateCannedAnswerBody = z.object({
  title: z.string().trim().min(1).max(100),
  body: z.string().trim().min(1).max(4000),
  category: TicketCategory.nullable().default(null),
});

export const TicketClock = z.object({
  dueAt: z.iso.datetime(),
  doneAt: z.iso.datetime().nullable(),
  state: TicketSlaState,
});

export const TicketMessage = z.object({
  id: z.string(),
  side: z.enum(['requester', 'agent', 'system']),
  authorName: z.string(),
  body: z.string(),
  internal: z.boolean(),
  createdAt: z.iso.datetime(),
});

export const TicketAttachment = z.object({
  id: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  /** for the requester: the organisation's file; for staff: the staff download route */
  url: z.string(),
});

export const TicketEscalation = z.object({
  fromLine: TicketLine,
  toLine: TicketLine,
  reason: z.string(),
  automatic: z.boolean(),
  at: z.iso.datetime(),
});

export const Ticket = z.object({
  id: z.string(),
  ticketNo: z.string(),
  channel: TicketChannel,
  category: TicketCategory,
  priority: TicketPriority,
  status: TicketStatus,
  line: TicketLine,
  subject: z.string(),
  requester: z.object({
    name: z.string(),
    email: z.string().nullable(),
    orgName: z.string().nullable(),
    guest: z.boolean(),
  }),
  agentName: z.string().nullable(),
  createdAt: z.iso.datetime(),
  firstResponse: TicketClock,
  resolution: TicketClock,
  /** the clock of the line that holds the ticket; its breach escalates to the next line */
  lineDueAt: z.iso.datetime().nullable(),
  breached: z.boolean(),
  rating: z.object({ stars: z.number().int(), comment: z.string(), at: z.iso.datetime() }).nullable(),
  /** until when the requester may reopen a resolved ticket */
  reopenUntil: z.iso.datetime().nullable(),
  resolutionNote: z.string().nullable(),
  messages: z.array(TicketMessage),
  attachments: z.array(TicketAttachment),
  escalations: z.array(TicketEscalation),
});
export type Ticket = z.infer<typeof Ticket>;

export const TicketSummary = Ticket.pick({
  id: true,
  ticketNo: true,
  channel: true,
  category: true,
  priority: true,
  status: true,
  line: true,
  subject: true,
  requester: true,
  agentName: true,
  createdAt: true,
  firstResponse: true,
  resolution: true,
  breached: true,
  rating: true,
});
export type TicketSummary = z.infer<typeof TicketSummary>;
export const TicketList = z.object({ items: z.array(TicketSummary) });

export const TicketQueueQuery = z.object({
  line: z.coerce.number().int().min(1).max(3).optional(),
  /** open: everything not resolved or closed */
  state: z.enum(['open', 'breached', 'resolved', 'all']).default('open'),
});

export const TicketBoardQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'MONTH_INVALID' })
    .optional(),
});

export const TicketFigures = z.object({
  opened: z.number().int(),
  resolvedInMonth: z.number().int(),
  /** 当月解决率 resolved within the calendar month they were opened in, 0–1; null with nothing opened */
  firstMonthResolutionRate: z.number().nullable(),
  /** minutes */
  medianFirstAnswerMinutes: z.number().nullable(),
  medianResolutionMinutes: z.number().nullable(),
});

export const TicketBoard = z.object({
  month: z.string(),
  /** 目标 ≥ 95% */
  target: z.number(),
  overall: TicketFigures,
  byLine: z.array(TicketFigures.extend({ line: TicketLine })),
  byCategory: z.array(TicketFigures.extend({ category: TicketCategory })),
  queue: z.object({
    open: z.number().int(),
    breached: z.number().int(),
    byLine: z.array(z.object({ line: TicketLine, open: z.number().int(), breached: z.number().int() })),
  }),
});
export type TicketBoard = z.infer<typeof TicketBoard>;
