import { describe, expect, it } from 'vitest';
import { clocksFor, hasConflict, majority } from './disputes.rules';

describe('dispute clocks on the official calendar (SERV-1, SERV-3)', () => {
  it('a case filed on the Friday before 国庆 2025 has its mediation deadline on the 5th working day, counting the 调休 Sunday', () => {
    // Fri 26 Sep 2025 10:00; Sun 28 Sep is an adjusted working day; 1–8 Oct are the National Day + Mid-Autumn holiday
    const filed = new Date('2025-09-26T10:00:00+08:00');
    const { teamDueAt, mediationDueAt } = clocksFor(filed);
    // working days after filing: 28 Sep (调休), 29 Sep, 30 Sep, 9 Oct, 10 Oct → Friday 10 Oct 10:00
    expect(mediationDueAt.toISOString()).toBe(new Date('2025-10-10T10:00:00+08:00').toISOString());
    // the 2-hour team clock runs in wall time, holiday or not
    expect(teamDueAt.toISOString()).toBe(new Date('2025-09-26T12:00:00+08:00').toISOString());
  });

  it('a case filed on a holiday starts counting on the next working day (中秋 2026 falls on the Friday before 国庆)', () => {
    const filed = new Date('2026-09-25T15:30:00+08:00');
    // 28, 29, 30 Sep, 8, 9 Oct are the five working days: due at the end of Friday 9 Oct
    expect(clocksFor(filed).mediationDueAt.toISOString()).toBe(new Date('2026-10-10T00:00:00+08:00').toISOString());
  });
});

describe('conflict of interest (利益冲突回避)', () => {
  const parties = ['claimant-org', 'respondent-org'];
  it('excludes a member of either party and a member of an organisation that contracted with either party', () => {
    expect(hasConflict({ orgIds: ['respondent-org'], counterpartyOrgIds: [] }, parties)).toBe(true);
    expect(hasConflict({ orgIds: ['other-org'], counterpartyOrgIds: ['claimant-org'] }, parties)).toBe(true);
    expect(hasConflict({ orgIds: ['other-org'], counterpartyOrgIds: ['third-org'] }, parties)).toBe(false);
    expect(hasConflict({ orgIds: [], counterpartyOrgIds: [] }, parties)).toBe(false);
  });
});

describe('majority of the committee (少数服从多数)', () => {
  const v = (outcome: 'claimant' | 'respondent' | 'split', fen: number | null) => ({
    outcome,
    awardedFen: fen === null ? null : BigInt(fen),
    reasons: `${outcome} ${fen}`,
  });
  it('two identical votes decide; one vote or two different votes do not', () => {
    expect(majority([v('split', 100)], 300n)).toBeNull();
    expect(majority([v('split', 100), v('claimant', 300)], 300n)).toBeNull();
    expect(majority([v('split', 100), v('claimant', 300), v('split', 100)], 300n)).toMatchObject({
      outcome: 'split',
      awardedFen: 100n,
    });
  });
  it('three different awards: the middle one decides', () => {
    expect(majority([v('claimant', 300), v('respondent', 0), v('split', 120)], 300n)).toMatchObject({
      outcome: 'split',
      awardedFen: 120n,
    });
  });
});
