import { describe, expect, it } from 'vitest';
import { envelopeHash, generateTenderKeys, openBid, sealBid } from './tendering.crypto';
import {
  bidTotalFen,
  demandGradeToQualificationGrade,
  gradeMeets,
  qualificationMatches,
  scoreBids,
} from './tendering.rules';

const q = (kind: string, category: string, grade = 'second') => ({
  kind,
  category,
  grade,
  number: 'D1',
  validUntil: '2099-01-01',
});

describe('grade mapping between demands and certificates', () => {
  it('maps every demand grade and ranks within one ladder only', () => {
    expect(demandGradeToQualificationGrade('特级')).toBe('special');
    expect(demandGradeToQualificationGrade('二级')).toBe('second');
    expect(demandGradeToQualificationGrade('甲级')).toBe('grade_a');
    expect(demandGradeToQualificationGrade('不限')).toBeNull();
    expect(gradeMeets('first', 'second')).toBe(true);
    expect(gradeMeets('third', 'second')).toBe(false);
    expect(gradeMeets('grade_a', 'second')).toBe(false);
    expect(gradeMeets('ungraded', null)).toBe(true);
    expect(gradeMeets('ungraded', 'third')).toBe(false);
  });

  it('matches the requirement text by kind and field', () => {
    expect(qualificationMatches('钢结构工程专业承包', q('specialty_contracting', '钢结构工程'))).toBe(true);
    expect(qualificationMatches('钢结构工程专业承包', q('specialty_contracting', '地基基础工程'))).toBe(false);
    expect(qualificationMatches('钢结构工程专业承包', q('general_contracting', '钢结构工程'))).toBe(false);
    expect(qualificationMatches('建筑工程施工总承包', q('general_contracting', '建筑工程'))).toBe(true);
    expect(qualificationMatches('', q('labour', '劳务'))).toBe(true);
  });
});

describe('scoring table', () => {
  it('gives the lowest price full marks and others lowest/price × weight; ties go to the lower price', () => {
    const weights = { price: 50, technical: 30, credit: 10, performance: 10 };
    const at = new Date('2026-11-01T00:00:00Z');
    const rows = scoreBids(weights, [
      { bidId: 'a', totalFen: 1_000_000, technical: [80, 90], creditGrade: 'AAA', signedContracts: 4, submittedAt: at },
      { bidId: 'b', totalFen: 800_000, technical: [60, null], creditGrade: null, signedContracts: 0, submittedAt: at },
    ]);
    const a = rows.find((r) => r.bidId === 'a');
    const b = rows.find((r) => r.bidId === 'b');
    expect(b?.price).toBe(5000);
    expect(a?.price).toBe(4000);
    expect(a?.technical).toBe(2550);
    expect(a?.credit).toBe(1000);
    expect(a?.performance).toBe(1000);
    expect(a?.total).toBe(8550);
    expect(b?.total).toBe(5000 + 1800 + 700 + 600);
    expect(rows.map((r) => r.bidId)).toEqual(['a', 'b']);
    expect(rows.map((r) => r.rank)).toEqual([1, 2]);
  });

  it('totals a bill of quantities per line, rounded to the fen', () => {
    expect(bidTotalFen([{ quantity: 2500.5 }, { quantity: 3 }], [8_001, 100])).toBe(Math.round(2500.5 * 8_001) + 300);
  });
});

describe('sealed envelopes', () => {
  const master = Buffer.alloc(32, 9);
  it('open with the tender key only, and only for the tender and bidder they were sealed for', () => {
    const keys = generateTenderKeys(master);
    const envelope = sealBid(keys.publicKey, 't1', 'org1', '{"plan":"秘密"}');
    expect(envelope).not.toContain('秘密');
    expect(envelopeHash(envelope)).toHaveLength(64);
    expect(openBid(master, keys.privateKeyEnc, keys.publicKey, 't1', 'org1', envelope)).toBe('{"plan":"秘密"}');
    expect(() => openBid(master, keys.privateKeyEnc, keys.publicKey, 't1', 'org2', envelope)).toThrow();
    const other = generateTenderKeys(master);
    expect(() => openBid(master, other.privateKeyEnc, other.publicKey, 't1', 'org1', envelope)).toThrow();
    // one character of the ciphertext changed (the second-to-last: all six of its bits are data, unlike the last)
    const replaced = envelope.at(-2) === 'A' ? 'B' : 'A';
    const tampered = `${envelope.slice(0, -2)}${replaced}${envelope.slice(-1)}`;
    expect(tampered).not.toBe(envelope);
    expect(() => openBid(master, keys.privateKeyEnc, keys.publicKey, 't1', 'org1', tampered)).toThrow();
  });
});
