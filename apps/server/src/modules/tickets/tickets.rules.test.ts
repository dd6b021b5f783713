import { describe, expect, it } from 'vitest';
import {
  boardFigures,
  clocksFor,
  dueForAutoEscalation,
  figures,
  lineClockAfterEscalation,
  median,
  slaState,
  ticketNoIn,
} from './tickets.rules';

const bj = (local: string) => new Date(`${local}+08:00`);

describe('SLA clocks per priority', () => {
  it('gives an urgent ticket 1 hour to the first answer and 4 hours to resolution, night or holiday', () => {
    const at = bj('2026-10-03T23:30:00'); // 国庆 holiday, at night: the desk runs 7×24
    const c = clocksFor('urgent', at);
    expect(c.firstResponseDueAt).toEqual(bj('2026-10-04T00:30:00'));
    expect(c.resolutionDueAt).toEqual(bj('2026-10-04T03:30:00'));
    expect(c.lineDueAt).toEqual(c.firstResponseDueAt);
  });

  it('counts a high ticket’s resolution in working days across 国庆 and its 调休', () => {
    // Wednesday 30 September, the last working day before the holiday: one working day later is 8 October
    const c = clocksFor('high', bj('2026-09-30T16:00:00'));
    expect(c.firstResponseDueAt).toEqual(bj('2026-09-30T20:00:00'));
    expect(c.resolutionDueAt).toEqual(bj('2026-10-08T16:00:00'));
  });

  it('starts a normal ticket sent on a holiday at the next working day', () => {
    const c = clocksFor('normal', bj('2026-10-03T11:00:00'));
    expect(c.firstResponseDueAt).toEqual(bj('2026-10-09T00:00:00'));
    // three working days counted from 00:00 of Thursday 8 October: 8, 9 and Saturday 10 (worked in lieu); the
    // deadline is the start of the next working day, Monday 12 October
    expect(c.resolutionDueAt).toEqual(bj('2026-10-12T00:00:00'));
  });

  it('gives an escalated ticket a fresh first-answer window, capped by the resolution target', () => {
    const at = bj('2026-12-01T10:00:00');
    expect(lineClockAfterEscalation('urgent', at, bj('2026-12-01T10:30:00'))).toEqual(bj('2026-12-01T10:30:00'));
    expect(lineClockAfterEscalation('urgent', at, bj('2026-12-01T14:00:00'))).toEqual(bj('2026-12-01T11:00:00'));
    // the resolution target has passed already: the line still gets its window
    expect(lineClockAfterEscalation('urgent', at, bj('2026-12-01T09:00:00'))).toEqual(bj('2026-12-01T11:00:00'));
  });

  it('reads a clock as ok, due soon, breached or met', () => {
    const start = bj('2026-12-01T10:00:00');
    const due = bj('2026-12-01T14:00:00');
    expect(slaState(start, due, null, bj('2026-12-01T11:00:00'))).toBe('ok');
    expect(slaState(start, due, null, bj('2026-12-01T13:30:00'))).toBe('due_soon');
    expect(slaState(start, due, null, bj('2026-12-01T14:01:00'))).toBe('breached');
    expect(slaState(start, due, bj('2026-12-01T13:00:00'), bj('2026-12-02T00:00:00'))).toBe('met');
    expect(slaState(start, due, bj('2026-12-01T15:00:00'), bj('2026-12-02T00:00:00'))).toBe('breached');
  });
});

describe('automatic escalation', () => {
  const base = {
    priority: 'urgent' as const,
    createdAt: bj('2026-12-01T10:00:00'),
    firstResponseDueAt: bj('2026-12-01T11:00:00'),
    firstAnsweredAt: null,
    resolutionDueAt: bj('2026-12-01T14:00:00'),
    resolvedAt: null,
    lineDueAt: bj('2026-12-01T11:00:00'),
  };
  it('moves an unanswered ticket up once its line clock has run out, and never past line 3', () => {
    expect(dueForAutoEscalation({ ...base, status: 'new', line: 1 }, bj('2026-12-01T10:59:00'))).toBe(false);
    expect(dueForAutoEscalation({ ...base, status: 'new', line: 1 }, bj('2026-12-01T11:01:00'))).toBe(true);
    expect(dueForAutoEscalation({ ...base, status: 'open', line: 2 }, bj('2026-12-01T11:01:00'))).toBe(true);
    expect(dueForAutoEscalation({ ...base, status: 'open', line: 3 }, bj('2026-12-01T11:01:00'))).toBe(false);
  });
  it('does not escalate while waiting on the requester', () => {
    expect(
      dueForAutoEscalation({ ...base, status: 'answered', line: 1, lineDueAt: null }, bj('2026-12-02T00:00:00')),
    ).toBe(false);
  });
});

describe('board figures from timestamps', () => {
  const row = (created: string, answered: string | null, resolved: string | null, extra = {}) => ({
    createdAt: bj(created),
    firstAnsweredAt: answered ? bj(answered) : null,
    resolvedAt: resolved ? bj(resolved) : null,
    status: resolved ? 'resolved' : 'answered',
    line: 1,
    category: 'account',
    ...extra,
  });

  it('counts tickets opened in the month and resolved within it, with medians in minutes', () => {
    const rows = [
      row('2026-11-02T09:00:00', '2026-11-02T09:30:00', '2026-11-02T11:00:00'),
      row('2026-11-10T09:00:00', '2026-11-10T10:00:00', '2026-11-11T09:00:00', { line: 2, category: 'payment' }),
      // resolved, but only in December: not a first-month resolution
      row('2026-11-30T22:00:00', '2026-11-30T22:20:00', '2026-12-01T08:00:00', { line: 2, category: 'payment' }),
      // still open
      row('2026-11-20T09:00:00', '2026-11-20T11:00:00', null, { line: 3 }),
      // opened in October: not in November's figures
      row('2026-10-31T23:00:00', '2026-10-31T23:10:00', '2026-11-01T01:00:00'),
    ];
    const f = figures(rows, '2026-11');
    expect(f.opened).toBe(4);
    expect(f.resolvedInMonth).toBe(2);
    expect(f.firstMonthResolutionRate).toBe(0.5);
    expect(f.medianFirstAnswerMinutes).toBe(45); // 30, 60, 20, 120 → (30 + 60) / 2
    expect(f.medianResolutionMinutes).toBe(600); // 120, 1440, 600
    const board = boardFigures(rows, '2026-11', ['account', 'payment', 'technical']);
    expect(board.byLine.map((l) => [l.line, l.opened, l.resolvedInMonth])).toEqual([
      [1, 1, 1],
      [2, 2, 1],
      [3, 1, 0],
    ]);
    expect(board.byCategory.map((c) => [c.category, c.opened, c.firstMonthResolutionRate])).toEqual([
      ['account', 2, 0.5],
      ['payment', 2, 0.5],
    ]);
  });

  it('does not count a reopened ticket as resolved', () => {
    const rows = [{ ...row('2026-11-02T09:00:00', '2026-11-02T09:30:00', '2026-11-02T11:00:00'), status: 'reopened' }];
    expect(figures(rows, '2026-11').resolvedInMonth).toBe(0);
    expect(figures([], '2026-11').firstMonthResolutionRate).toBeNull();
  });

  it('takes the median of an odd and an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

it('finds the ticket number in a reply subject', () => {
  expect(ticketNoIn('Re: [TK202612050001] 工单已回复：无法登录')).toBe('TK202612050001');
  expect(ticketNoIn('无法登录')).toBeNull();
});
