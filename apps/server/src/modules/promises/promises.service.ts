import type { PromiseBreach, PromiseRow, PublicPromiseBoard, StaffPromiseBoard } from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import { measureClocks, measureValues, type PromiseClock, unmeasured, windowStart } from './promises.measure';
import type { PromiseSources } from './promises.sources';

/** The seed's figures: 3 s alert threshold, procurement saving from 5%, tickets 95% resolved in their month. */
export const SLOW_ALERT_SECONDS = 3;
export const SAVING_TARGET = 0.05;
export const TICKETS_MONTH_TARGET = 0.95;
export const AVAILABILITY_TARGET = 0.999;
export const MATCHING_ACCURACY_TARGET = 0.85;
/** every case within its deadline */
const EVERY_CASE = 1;

/**
 * Computing reads every module's last six months: the public board (open to anyone) is kept for a minute of the
 * business clock; staff, few and acting on the cases, always get a fresh one.
 */
const CACHE_MS = 60_000;
/** the board kept per composed module (its sources), so two apps in one process never share one */
const kept = new WeakMap<PromiseSources, { at: number; board: StaffPromiseBoard }>();

async function clockRow(
  key: PromiseRow['key'],
  read: (() => Promise<PromiseClock[]>) | null,
  options: { target: number; unit: NonNullable<PromiseRow['unit']>; now: Date },
): Promise<{ row: PromiseRow; breaches: PromiseBreach[] }> {
  if (!read)
    return { row: unmeasured(key, 'clock', options.target, 'not_live', 'module_not_live', options.now), breaches: [] };
  return measureClocks(key, await read(), options);
}

/**
 * 承诺看板: every promise of the seeds with its live figure from the cases' timestamps, the six-month trend and
 * the breaches. Working-day deadlines come from the owning modules, on the official calendar (调休 included).
 */
export async function computeBoard(sources: PromiseSources, now: Date): Promise<StaffPromiseBoard> {
  const since = windowStart(now);
  const [merchants, disputes] = await Promise.all([sources.merchants?.(since), sources.disputes?.(since)]);
  const wd = { unit: 'working_days' as const, now };
  const results = await Promise.all([
    clockRow(
      'demand_review',
      sources.demandReviews ? () => sources.demandReviews?.(since) ?? Promise.resolve([]) : null,
      { target: EVERY_CASE, ...wd },
    ),
    clockRow('merchant_feedback', merchants ? async () => merchants.feedback : null, { target: EVERY_CASE, ...wd }),
    clockRow('merchant_onboarding', merchants ? async () => merchants.cycle : null, { target: EVERY_CASE, ...wd }),
    clockRow('push', sources.pushes ? () => sources.pushes?.(since) ?? Promise.resolve([]) : null, {
      target: EVERY_CASE,
      unit: 'seconds',
      now,
    }),
    clockRow('signing', sources.signing ? () => sources.signing?.(since) ?? Promise.resolve([]) : null, {
      target: EVERY_CASE,
      ...wd,
    }),
    clockRow('dispute_team', disputes ? async () => disputes.team : null, { target: EVERY_CASE, unit: 'hours', now }),
    clockRow('dispute_mediation', disputes ? async () => disputes.mediation : null, { target: EVERY_CASE, ...wd }),
    clockRow('dispute_cycle', disputes ? async () => disputes.cycle : null, { target: EVERY_CASE, ...wd }),
    clockRow('tickets_month', sources.tickets ? () => sources.tickets?.(since) ?? Promise.resolve([]) : null, {
      target: TICKETS_MONTH_TARGET,
      unit: 'hours',
      now,
    }),
    clockRow('finance_decision', sources.finance ? () => sources.finance?.(since) ?? Promise.resolve([]) : null, {
      target: EVERY_CASE,
      ...wd,
    }),
  ]);
  const rows = results.map((r) => r.row);
  // 可用性: the minute check records slow responses and error spikes, not downtime — no figure to show.
  rows.push(unmeasured('availability', 'value', AVAILABILITY_TARGET, 'no_data', 'uptime_not_recorded', now));
  rows.push(await alertRow(sources, since, now));
  rows.push(
    sources.procurement
      ? measureValues('procurement_saving', await sources.procurement(since), { target: SAVING_TARGET, now })
      : unmeasured('procurement_saving', 'value', SAVING_TARGET, 'not_live', 'module_not_live', now),
  );
  rows.push(await matchingRow(sources, now));
  return {
    computedAt: now.toISOString(),
    since: since.toISOString(),
    rows,
    breaches: results.flatMap((r) => r.breaches).sort((a, b) => b.dueAt.localeCompare(a.dueAt)),
  };
}

/** 告警 the slow-response alert: the threshold in force against the promised 3 s; alerts opened per month. */
async function alertRow(sources: PromiseSources, since: Date, now: Date): Promise<PromiseRow> {
  if (!sources.alerts) return unmeasured('slow_alert', 'value', SLOW_ALERT_SECONDS, 'not_live', 'module_not_live', now);
  const { slowSeconds, openedAt } = await sources.alerts(since);
  const row = measureValues(
    'slow_alert',
    openedAt.map((at) => ({ at, value: 1 })),
    { target: 1, now },
  );
  return {
    ...row,
    status: slowSeconds <= SLOW_ALERT_SECONDS ? 'kept' : 'missed',
    target: SLOW_ALERT_SECONDS,
    figure: slowSeconds,
    months: row.months.map((m) => ({ ...m, figure: null })),
    reason: null,
  };
}

async function matchingRow(sources: PromiseSources, now: Date): Promise<PromiseRow> {
  if (!sources.matchingEvaluation)
    return unmeasured('matching_accuracy', 'value', MATCHING_ACCURACY_TARGET, 'not_live', 'module_not_live', now);
  const evaluation = await sources.matchingEvaluation();
  if (!evaluation)
    return unmeasured('matching_accuracy', 'value', MATCHING_ACCURACY_TARGET, 'no_data', 'evaluation_not_kept', now);
  return measureValues('matching_accuracy', [{ at: evaluation.at, value: evaluation.accuracy }], {
    target: MATCHING_ACCURACY_TARGET,
    now,
  });
}

async function cachedBoard(ctx: AppContext, sources: PromiseSources): Promise<StaffPromiseBoard> {
  const now = ctx.clock.now();
  const cached = kept.get(sources);
  if (cached && Math.abs(now.getTime() - cached.at) < CACHE_MS) return cached.board;
  const fresh = await computeBoard(sources, now);
  kept.set(sources, { at: now.getTime(), board: fresh });
  return fresh;
}

/** The public summary: the figures and trends, without cases or names. */
export async function publicBoard(ctx: AppContext, sources: PromiseSources): Promise<PublicPromiseBoard> {
  const { breaches: _cases, ...figures } = await cachedBoard(ctx, sources);
  return figures;
}

/** The staff board: the figures and every breach with its case, optionally of one promise. */
export async function staffBoard(
  ctx: AppContext,
  sources: PromiseSources,
  key?: PromiseRow['key'],
): Promise<StaffPromiseBoard> {
  const full = await computeBoard(sources, ctx.clock.now());
  return key ? { ...full, breaches: full.breaches.filter((b) => b.key === key) } : full;
}
