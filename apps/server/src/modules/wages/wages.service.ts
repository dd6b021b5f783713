import { isWorkingDay, shanghaiDate } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import { wagePayouts } from '../escrow';
import { workersOnSite } from '../execution';
import type { WageMonthRecorded } from './wages.events';
import * as repo from './wages.repository';

const OFFSET = '+08:00';

/** The Shanghai dates and instants a month (YYYY-MM) spans: [from, to). */
export function monthSpan(month: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return {
    fromDate: `${month}-01`,
    toDate: last,
    from: new Date(`${month}-01T00:00:00${OFFSET}`),
    to: new Date(`${next}-01T00:00:00${OFFSET}`),
  };
}

export function previousMonthOf(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
}

/** The first working day of the month of `date` on the official calendar (holidays off, 调休 weekends on). */
export function firstWorkingDayOfMonth(date: string): string {
  let d = `${date.slice(0, 7)}-01`;
  while (!isWorkingDay(d)) d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return d;
}

/**
 * 工资月结 closes a month for the wage rule (FUND-5): every contract whose current construction logs show workers
 * on site that month, and the payouts from its wage account instructed that month (Beijing time). In one
 * transaction, and only the first time (the month's closure row is the claim): one `wage_months` row per contract
 * and one `wages.month_recorded` per payee organisation — risk opens a warning for each month without a payout,
 * credit records the month for 农民工工资按月发放. A second run, in this process or another, changes nothing.
 */
export async function closeWageMonth(ctx: AppContext, month: string, now = ctx.clock.now()) {
  if (await repo.isClosed(ctx.db, month)) return { month, closed: false as const, contracts: 0, unpaid: 0 };
  const span = monthSpan(month);
  const onSite = await workersOnSite(ctx, span.fromDate, span.toDate);
  const payouts = await wagePayouts(
    ctx,
    onSite.map((c) => c.contractId),
    span.from,
    span.to,
  );
  const rows: repo.WageMonthRow[] = onSite.map((c) => {
    const p = payouts.get(c.contractId) ?? { payouts: 0, paidFen: 0 };
    return {
      contractId: c.contractId,
      month,
      payeeOrgId: c.payeeOrgId,
      gcOrgId: c.gcOrgId,
      contractTitle: c.contractTitle,
      logDays: c.logDays,
      peakWorkers: c.peakWorkers,
      workerDays: c.workerDays,
      payouts: p.payouts,
      paidFen: p.paidFen,
      paid: p.payouts > 0,
      closedAt: now,
    };
  });
  const unpaid = rows.filter((r) => !r.paid).length;
  const closed = await ctx.db.transaction(async (tx) => {
    if (!(await repo.claimMonth(tx, month, now))) return false;
    await repo.insertMonths(tx, rows);
    const byOrg = new Map<string, repo.WageMonthRow[]>();
    for (const r of rows) byOrg.set(r.payeeOrgId, [...(byOrg.get(r.payeeOrgId) ?? []), r]);
    for (const [orgId, list] of byOrg) {
      const payload: WageMonthRecorded = {
        orgId,
        month,
        contracts: list.map((r) => ({
          contractId: r.contractId,
          gcOrgId: r.gcOrgId,
          contractTitle: r.contractTitle,
          logDays: r.logDays,
          peakWorkers: r.peakWorkers,
          workerDays: r.workerDays,
          payouts: r.payouts,
          paidFen: r.paidFen,
          paid: r.paid,
        })),
        closedAt: now.toISOString(),
      };
      await ctx.events.publish(tx, 'wages.month_recorded', payload, now);
    }
    await repo.finishMonth(tx, month, rows.length, unpaid);
    return true;
  });
  return closed
    ? { month, closed: true as const, contracts: rows.length, unpaid }
    : { month, closed: false as const, contracts: 0, unpaid: 0 };
}

/**
 * Job `wages.month-close`: from the first working day of a month (official calendar), the month before is closed —
 * so the alert reaches the GC on a working day, not on 1 October — and days after it catch up a missed run.
 */
export async function runWageRule(ctx: AppContext, now = ctx.clock.now()) {
  const today = shanghaiDate(now);
  const month = previousMonthOf(today);
  if (today < firstWorkingDayOfMonth(today)) return { month, closed: false as const, contracts: 0, unpaid: 0 };
  return closeWageMonth(ctx, month, now);
}

/** 工资月报 the organisation's records, as payee or as GC, newest month first. */
export async function wageMonthsOf(ctx: AppContext, orgId: string) {
  return repo.monthsOfOrg(ctx.db, orgId);
}
