import { addWorkingDays, workingDaysBetween } from '../../infra/calendar/working-days';

/** SERV-1: the case team forms within 2 hours of filing, in wall time (the desk runs 7×24). */
export const TEAM_CLOCK_MS = 2 * 3_600_000;
/** SERV-1: online mediation is organised within 5 working days of filing (official calendar with 调休). */
export const MEDIATION_WORKING_DAYS = 5;
/** SERV-1: target average cycle from filing to decision. */
export const TARGET_CYCLE_WORKING_DAYS = 7;

export function clocksFor(filedAt: Date): { teamDueAt: Date; mediationDueAt: Date } {
  return {
    teamDueAt: new Date(filedAt.getTime() + TEAM_CLOCK_MS),
    mediationDueAt: addWorkingDays(filedAt, MEDIATION_WORKING_DAYS),
  };
}

/** A clock is breached when it was done late, or is still open after its due time. */
export function breached(dueAt: Date, doneAt: Date | null, now: Date): boolean {
  return (doneAt ?? now).getTime() > dueAt.getTime();
}

export function cycleWorkingDays(filedAt: Date, decidedAt: Date | null, now: Date): number {
  return Math.round(workingDaysBetween(filedAt, decidedAt ?? now) * 10) / 10;
}

/** 专员 the specialist's staff role by dispute type: money → finance, quality and schedule → reviewer, else risk. */
export const SPECIALIST_ROLE = {
  payment: 'finance',
  quality: 'reviewer',
  schedule: 'reviewer',
  other: 'risk',
} as const;

/**
 * 利益冲突回避 an arbitrator is excluded when they are a member of either party's organisation, or when one of their
 * organisations has a contract with either party.
 */
export function hasConflict(
  arbitrator: { orgIds: readonly string[]; counterpartyOrgIds: readonly string[] },
  parties: readonly string[],
): boolean {
  return (
    arbitrator.orgIds.some((o) => parties.includes(o)) || arbitrator.counterpartyOrgIds.some((o) => parties.includes(o))
  );
}

export type Outcome = 'claimant' | 'respondent' | 'split';

/** The outcome an award means: all of the amount → claimant, nothing → respondent, anything between → split. */
export function outcomeOfAward(amountInDispute: bigint | null, awarded: bigint | null, stated: Outcome): Outcome {
  if (amountInDispute === null || awarded === null) return stated;
  if (awarded === 0n) return 'respondent';
  if (awarded >= amountInDispute) return 'claimant';
  return 'split';
}

export interface Ballot {
  outcome: Outcome;
  awardedFen: bigint | null;
  reasons: string;
}

/**
 * 少数服从多数 the committee's decision from the votes cast so far: two identical votes (outcome and amount) decide;
 * with all three cast and no two alike, the middle award decides (the median of three is the amount a majority
 * finds at least enough and a majority finds at most enough; split for a case without an amount). Null while
 * undecided.
 */
export function majority(votes: readonly Ballot[], amountInDispute: bigint | null): Ballot | null {
  const key = (b: Ballot) => `${b.outcome}:${b.awardedFen ?? ''}`;
  for (const v of votes) {
    const same = votes.filter((o) => key(o) === key(v));
    if (same.length >= 2) return { ...v, reasons: same.map((s) => s.reasons).join('\n') };
  }
  if (votes.length < 3) return null;
  const reasons = votes.map((s) => s.reasons).join('\n');
  // without an amount the three outcomes are claimant, split, respondent: the middle one is split
  if (amountInDispute === null) return { outcome: 'split', awardedFen: null, reasons };
  const sorted = [...votes].sort((a, b) => Number((a.awardedFen ?? 0n) - (b.awardedFen ?? 0n)));
  const middle = sorted[1] as Ballot;
  const awarded = middle.awardedFen ?? 0n;
  return { outcome: outcomeOfAward(amountInDispute, awarded, middle.outcome), awardedFen: awarded, reasons };
}
