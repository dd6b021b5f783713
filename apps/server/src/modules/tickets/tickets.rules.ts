import type { StaffRole, TicketCategory, TicketLine, TicketPriority } from '@zhuhe/contracts';
import { addWorkingDays, shanghaiDate } from '../../infra/calendar/working-days';

/** A target in wall hours (the desk runs 7×24) or in working days on the official calendar (with 调休). */
export type Target = { hours: number } | { workingDays: number };

/**
 * SERV-2 SLA per priority, in one place: the first answer and the resolution, each from the moment the ticket
 * arrived. Urgent and high first answers run in wall time, longer targets on the working-day calendar.
 */
export const SLA_POLICY: Record<TicketPriority, { firstResponse: Target; resolution: Target }> = {
  urgent: { firstResponse: { hours: 1 }, resolution: { hours: 4 } },
  high: { firstResponse: { hours: 4 }, resolution: { workingDays: 1 } },
  normal: { firstResponse: { workingDays: 1 }, resolution: { workingDays: 3 } },
  low: { firstResponse: { workingDays: 2 }, resolution: { workingDays: 5 } },
};

/** SERV-2: tickets opened in a calendar month and resolved within it. */
export const FIRST_MONTH_RESOLUTION_TARGET = 0.95;
/** The requester may reopen a resolved ticket for 7 days; after that it closes. */
export const REOPEN_DAYS = 7;
/** Largest file a ticket accepts (the files module has its own, larger, limit). */
export const TICKET_ATTACHMENT_MAX_BYTES = 10 * 1_048_576;

/** 一线 基础 / 二线 技术 / 三线 专家: the staff role that works each line (line 1 is customer service). */
export const LINE_ROLE: Record<TicketLine, StaffRole> = {
  1: 'service',
  2: 'support_technical',
  3: 'support_expert',
};

export function addTarget(from: Date, target: Target): Date {
  return 'hours' in target
    ? new Date(from.getTime() + target.hours * 3_600_000)
    : addWorkingDays(from, target.workingDays);
}

export function clocksFor(priority: TicketPriority, createdAt: Date) {
  const policy = SLA_POLICY[priority];
  const firstResponseDueAt = addTarget(createdAt, policy.firstResponse);
  return {
    firstResponseDueAt,
    resolutionDueAt: addTarget(createdAt, policy.resolution),
    lineDueAt: firstResponseDueAt,
  };
}

/**
 * The clock a line gets when a ticket arrives at it by escalation: the priority's first-answer window from the
 * hand-over, but never past the resolution target unless that has already gone.
 */
export function lineClockAfterEscalation(priority: TicketPriority, at: Date, resolutionDueAt: Date): Date {
  const window = addTarget(at, SLA_POLICY[priority].firstResponse);
  return resolutionDueAt.getTime() > at.getTime() && resolutionDueAt < window ? resolutionDueAt : window;
}

export type SlaState = 'ok' | 'due_soon' | 'breached' | 'met';

/** A clock's state: met when done in time, breached when done late or still open after its due time. */
export function slaState(startedAt: Date, dueAt: Date, doneAt: Date | null, now: Date): SlaState {
  if (doneAt) return doneAt.getTime() <= dueAt.getTime() ? 'met' : 'breached';
  if (now.getTime() > dueAt.getTime()) return 'breached';
  const window = dueAt.getTime() - startedAt.getTime();
  return dueAt.getTime() - now.getTime() <= window / 4 ? 'due_soon' : 'ok';
}

export interface ClockView {
  status: string;
  line: number;
  priority: TicketPriority;
  createdAt: Date;
  firstResponseDueAt: Date;
  firstAnsweredAt: Date | null;
  resolutionDueAt: Date;
  resolvedAt: Date | null;
  lineDueAt: Date | null;
}

export const OPEN_STATUSES = ['new', 'open', 'answered', 'reopened'] as const;
export const isOpen = (status: string) => (OPEN_STATUSES as readonly string[]).includes(status);

export function isBreached(t: ClockView, now: Date): boolean {
  return (
    slaState(t.createdAt, t.firstResponseDueAt, t.firstAnsweredAt, now) === 'breached' ||
    slaState(t.createdAt, t.resolutionDueAt, isOpen(t.status) ? null : t.resolvedAt, now) === 'breached'
  );
}

/**
 * 自动升级: an open ticket whose line clock ran out moves up one line (line 3 is the last). Waiting on the
 * requester (answered) stops the line clock.
 */
export function dueForAutoEscalation(t: ClockView, now: Date): boolean {
  return (
    (t.status === 'new' || t.status === 'open' || t.status === 'reopened') &&
    t.line < 3 &&
    t.lineDueAt !== null &&
    now.getTime() > t.lineDueAt.getTime()
  );
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface FigureInput {
  createdAt: Date;
  firstAnsweredAt: Date | null;
  resolvedAt: Date | null;
  status: string;
  line: number;
  category: string;
}

const minutes = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / 60_000);

/**
 * The board's figures for tickets opened in `month` (YYYY-MM, Shanghai calendar), from their timestamps:
 * 当月解决率 the share resolved (and not reopened since) before the month ended; median minutes to the first
 * answer and to resolution over the tickets that have them.
 */
export function figures(rows: readonly FigureInput[], month: string) {
  const opened = rows.filter((r) => shanghaiDate(r.createdAt).slice(0, 7) === month);
  const resolvedInMonth = opened.filter(
    (r) => r.resolvedAt && !isOpen(r.status) && shanghaiDate(r.resolvedAt).slice(0, 7) === month,
  ).length;
  return {
    opened: opened.length,
    resolvedInMonth,
    firstMonthResolutionRate: opened.length ? resolvedInMonth / opened.length : null,
    medianFirstAnswerMinutes: median(
      opened.filter((r) => r.firstAnsweredAt).map((r) => minutes(r.createdAt, r.firstAnsweredAt as Date)),
    ),
    medianResolutionMinutes: median(
      opened.filter((r) => r.resolvedAt && !isOpen(r.status)).map((r) => minutes(r.createdAt, r.resolvedAt as Date)),
    ),
  };
}

export function boardFigures(rows: readonly FigureInput[], month: string, categories: readonly TicketCategory[]) {
  return {
    overall: figures(rows, month),
    byLine: ([1, 2, 3] as const).map((line) => ({
      line,
      ...figures(
        rows.filter((r) => r.line === line),
        month,
      ),
    })),
    byCategory: categories
      .map((category) => ({
        category,
        ...figures(
          rows.filter((r) => r.category === category),
          month,
        ),
      }))
      .filter((c) => c.opened > 0),
  };
}

/** The ticket number a reply's subject carries, e.g. 「[TK202612050001] 回复」. */
export function ticketNoIn(subject: string): string | null {
  return /\[(TK\d{12})\]/.exec(subject)?.[1] ?? null;
}
