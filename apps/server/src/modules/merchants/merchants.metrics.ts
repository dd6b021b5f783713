import type { MerchantStage } from '@zhuhe/contracts';
import { addWorkingDays, workingDaysBetween } from '../../infra/calendar/working-days';

/** MERCH-1: feedback (automatic check and the reviewer's conclusion) within 1 working day; whole cycle ≤ 3. */
export const FEEDBACK_WORKING_DAYS = 1;
export const CYCLE_WORKING_DAYS = 3;
/** MERCH-1: pass rate at most 60% (strict admission) */
export const PASS_RATE_TARGET_MAX_BP = 6000;
/** MERCH-2: brand merchants 30% */
export const BRAND_SHARE_TARGET_BP = 3000;

/** Stages where the platform, not the applicant, must act: only these can be overdue. */
const PLATFORM_STAGES: readonly MerchantStage[] = ['in_review', 'inspection'];

export interface SlaInput {
  stage: MerchantStage;
  firstSubmittedAt: Date;
  submittedAt: Date;
  activatedAt: Date | null;
}

/**
 * SLA timers on the official calendar (调休 included): the feedback deadline runs from the latest submission,
 * the cycle deadline from the first. Waiting for the applicant (corrections, the agreement) is shown but never
 * counted as the platform being overdue.
 */
export function slaOf(a: SlaInput, now: Date) {
  const feedbackDueAt = addWorkingDays(a.submittedAt, FEEDBACK_WORKING_DAYS);
  const cycleDueAt = addWorkingDays(a.firstSubmittedAt, CYCLE_WORKING_DAYS);
  const end = a.activatedAt ?? now;
  const platformMustAct = PLATFORM_STAGES.includes(a.stage);
  const overdue =
    platformMustAct && ((a.stage === 'in_review' && now > feedbackDueAt) || now.getTime() > cycleDueAt.getTime());
  return {
    feedbackDueAt,
    cycleDueAt,
    elapsedWorkingDays: round2(workingDaysBetween(a.firstSubmittedAt, end)),
    overdue,
  };
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export interface StageEvent {
  applicationId: string;
  stage: MerchantStage;
  enteredAt: Date;
}

/** Mean working days spent in each stage, over the stays that have ended (the next event closes a stay). */
export function stageDurations(events: readonly StageEvent[]): Map<MerchantStage, number> {
  const byApp = new Map<string, StageEvent[]>();
  for (const e of events) byApp.set(e.applicationId, [...(byApp.get(e.applicationId) ?? []), e]);
  const sums = new Map<MerchantStage, { total: number; n: number }>();
  for (const list of byApp.values()) {
    list.sort((a, b) => a.enteredAt.getTime() - b.enteredAt.getTime());
    for (let i = 0; i + 1 < list.length; i++) {
      const stay = list[i] as StageEvent;
      const next = list[i + 1] as StageEvent;
      const s = sums.get(stay.stage) ?? { total: 0, n: 0 };
      s.total += workingDaysBetween(stay.enteredAt, next.enteredAt);
      s.n += 1;
      sums.set(stay.stage, s);
    }
  }
  return new Map([...sums].map(([stage, s]) => [stage, round2(s.total / s.n)]));
}

/** Share (basis points) of reviews concluded within 1 working day of entering review; null when none yet. */
export function feedbackOnTimeBp(events: readonly StageEvent[]): number | null {
  const byApp = new Map<string, StageEvent[]>();
  for (const e of events) byApp.set(e.applicationId, [...(byApp.get(e.applicationId) ?? []), e]);
  let total = 0;
  let onTime = 0;
  for (const list of byApp.values()) {
    list.sort((a, b) => a.enteredAt.getTime() - b.enteredAt.getTime());
    for (let i = 0; i + 1 < list.length; i++) {
      const stay = list[i] as StageEvent;
      if (stay.stage !== 'in_review') continue;
      total += 1;
      if ((list[i + 1] as StageEvent).enteredAt <= addWorkingDays(stay.enteredAt, FEEDBACK_WORKING_DAYS)) onTime += 1;
    }
  }
  return total === 0 ? null : Math.round((onTime / total) * 10_000);
}

export function shareBp(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000);
}
