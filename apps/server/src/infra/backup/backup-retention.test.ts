import { describe, expect, it } from 'vitest';
import { BackupError } from './backup-errors';
import { type BackupFileEntry, cstDay, isoWeek, planRetention } from './backup-retention';

/** One backup a day at 02:00 China time (18:00 UTC the day before), for `days` days ending on 2026-12-06. */
function nightly(days: number): BackupFileEntry[] {
  const last = Date.UTC(2026, 11, 5, 18, 0, 0);
  return Array.from({ length: days }, (_, i) => {
    const takenAt = new Date(last - i * 86_400_000);
    return { name: cstDay(takenAt), takenAt };
  });
}

const names = (entries: BackupFileEntry[]) => entries.map((e) => e.name);

describe('planRetention (每日/每周保留)', () => {
  it('keeps the last 7 days and the newest of each of the last 4 ISO weeks', () => {
    const { keep, prune } = planRetention(nightly(40), { daily: 7, weekly: 4 });
    // 2026-12-06 is a Sunday: the 7 days are that week's Monday to Sunday (W49); the weeks W49, W48, W47, W46
    // keep their newest backup, their Sunday.
    expect(names(keep)).toEqual([
      '2026-12-06',
      '2026-12-05',
      '2026-12-04',
      '2026-12-03',
      '2026-12-02',
      '2026-12-01',
      '2026-11-30',
      '2026-11-29',
      '2026-11-22',
      '2026-11-15',
    ]);
    expect(prune).toHaveLength(40 - 10);
    expect(names(prune)).toContain('2026-11-28');
    expect(names(prune)).toContain('2026-10-28');
  });

  it('keeps only the newest backup of a day', () => {
    const morning = { name: 'morning', takenAt: new Date('2026-12-06T01:00:00Z') };
    const evening = { name: 'evening', takenAt: new Date('2026-12-06T11:00:00Z') };
    const yesterday = { name: 'yesterday', takenAt: new Date('2026-12-05T01:00:00Z') };
    const { keep, prune } = planRetention([morning, yesterday, evening], { daily: 2, weekly: 0 });
    expect(names(keep)).toEqual(['evening', 'yesterday']);
    expect(names(prune)).toEqual(['morning']);
  });

  it('counts days in China Standard Time, not UTC', () => {
    const lateUtc = new Date('2026-12-06T15:30:00Z'); // 23:30 on the 6th in Beijing
    const laterUtc = new Date('2026-12-06T16:30:00Z'); // 00:30 on the 7th in Beijing
    expect(cstDay(lateUtc)).toBe('2026-12-06');
    expect(cstDay(laterUtc)).toBe('2026-12-07');
    const { keep } = planRetention(
      [
        { name: 'a', takenAt: lateUtc },
        { name: 'b', takenAt: laterUtc },
      ],
      { daily: 2, weekly: 0 },
    );
    expect(names(keep)).toEqual(['b', 'a']);
  });

  it('numbers ISO weeks across the turn of the year', () => {
    expect(isoWeek(new Date('2026-12-31T04:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2027-01-03T04:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2027-01-04T04:00:00Z'))).toBe('2027-W01');
    expect(isoWeek(new Date('2025-12-29T04:00:00Z'))).toBe('2026-W01');
  });

  it('does not spend a slot on a week without backups', () => {
    const entries = [
      { name: 'now', takenAt: new Date('2026-12-06T04:00:00Z') },
      { name: 'a month ago', takenAt: new Date('2026-11-06T04:00:00Z') },
    ];
    expect(names(planRetention(entries, { daily: 1, weekly: 2 }).keep)).toEqual(['now', 'a month ago']);
  });

  it('keeps everything when there are fewer backups than slots, and prunes nothing from an empty list', () => {
    expect(planRetention(nightly(3), { daily: 7, weekly: 4 }).prune).toEqual([]);
    expect(planRetention([], { daily: 7, weekly: 4 })).toEqual({ keep: [], prune: [] });
  });

  it('refuses a policy that would keep no daily backup, or is not a whole number', () => {
    expect(() => planRetention(nightly(3), { daily: 0, weekly: 4 })).toThrow(BackupError);
    expect(() => planRetention(nightly(3), { daily: 7, weekly: 1.5 })).toThrow(/weekly=1.5/);
    expect(() => planRetention(nightly(3), { daily: Number.NaN, weekly: 1 })).toThrow(/daily=NaN/);
  });
});
