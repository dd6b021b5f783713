import { describe, expect, it } from 'vitest';
import { assertInsuredAmount, assertProductTerms, ineligibility, maxInsuredOn, premiumFen } from './insurance.rules';

const terms = {
  name: '履约保证险',
  premiumBp: 200,
  coverageBp: 10_000,
  maxInsuredFen: 100_000_00,
  minGrade: 'A' as const,
  regions: [],
  termDays: 365,
};

describe('insurance rules', () => {
  it('keeps a product within 1–3% premium and 100–150% coverage', () => {
    expect(() => assertProductTerms(terms)).not.toThrow();
    expect(() => assertProductTerms({ ...terms, premiumBp: 99 })).toThrow(/INSURANCE_PRODUCT_PREMIUM|保费率/);
    expect(() => assertProductTerms({ ...terms, premiumBp: 301 })).toThrow();
    expect(() => assertProductTerms({ ...terms, coverageBp: 9_999 })).toThrow();
    expect(() => assertProductTerms({ ...terms, coverageBp: 15_001 })).toThrow();
  });

  it('charges the premium rounded up to the fen', () => {
    expect(premiumFen(50_000_00n, 150)).toBe(750_00n);
    expect(premiumFen(1n, 100)).toBe(1n);
  });

  it('insures at least the bond and at most its coverage share, capped by the per-policy limit', () => {
    const product = { coverageBp: 12_000, maxInsuredFen: 100_000_00n };
    expect(maxInsuredOn(product, 50_000_00n)).toBe(60_000_00n);
    expect(maxInsuredOn(product, 90_000_00n)).toBe(100_000_00n);
    expect(() => assertInsuredAmount(product, 50_000_00n, 49_999_99n)).toThrow();
    expect(() => assertInsuredAmount(product, 50_000_00n, 60_000_00n)).not.toThrow();
    expect(() => assertInsuredAmount(product, 50_000_00n, 60_000_01n)).toThrow();
  });

  it('explains an ineligible grade or region, and accepts a better grade', () => {
    expect(ineligibility({ minGrade: 'A', regions: [] }, { grade: 'AA', regionCode: '440300' })).toBeNull();
    expect(ineligibility({ minGrade: 'A', regions: [] }, { grade: 'B', regionCode: null })?.code).toBe(
      'INSURANCE_GRADE_TOO_LOW',
    );
    expect(ineligibility({ minGrade: 'A', regions: [] }, { grade: null, regionCode: null })?.code).toBe(
      'INSURANCE_GRADE_TOO_LOW',
    );
    expect(ineligibility({ minGrade: 'B', regions: ['33'] }, { grade: 'A', regionCode: '440300' })?.code).toBe(
      'INSURANCE_REGION_NOT_SERVED',
    );
  });
});
