import { describe, expect, it } from 'vitest';
import { computeStatement, quantity, yuan } from './settlement.statement';

const line = (lineId: string, quantityMilli: number, unitPriceFen: number) => ({
  lineId,
  code: lineId,
  name: lineId,
  unit: 'm³',
  quantityMilli,
  unitPriceFen,
});

describe('settlement statement arithmetic', () => {
  it('subtracts earlier payments so that payable now equals the period gross less its retention', () => {
    const first = computeStatement({
      lines: [line('a', 333_333, 100_001)],
      variationsFen: 0,
      deductionsFen: 0,
      retentionBp: 500,
      labourShareBp: 2500,
      previous: [],
      note: '',
    });
    // 333.333 × ¥1,000.01 = ¥333,336.33333 → 33,333,633 fen; 5% = 1,666,681.65 → 1,666,682
    expect(first).toMatchObject({
      quantitiesFen: 33_333_633,
      retentionToDateFen: 1_666_682,
      payableNowFen: 31_666_951,
      labourFen: 8_333_408, // 25% of 33,333,633 = 8,333,408.25
    });
    const second = computeStatement({
      lines: [line('a', 1_000_000, 100_001)],
      variationsFen: 12_345,
      deductionsFen: 100,
      retentionBp: 500,
      labourShareBp: 2500,
      previous: [first],
      note: '',
    });
    expect(second).toMatchObject({
      quantitiesFen: 100_001_000,
      valueToDateFen: 100_013_245,
      retentionToDateFen: 5_000_662, // 5,000,662.25
      paidBeforeFen: 31_666_951,
      payableNowFen: 63_345_632,
      grossFen: 66_679_612,
      retentionFen: 3_333_980,
    });
    expect(second.payableNowFen).toBe(second.grossFen - second.retentionFen);
    expect(first.payableNowFen + second.payableNowFen).toBe(second.valueToDateFen - second.retentionToDateFen);
  });

  it('formats fen and thousandths for the PDF without floating point', () => {
    expect(yuan(123_456_789_012)).toBe('¥1,234,567,890.12');
    expect(yuan(-5)).toBe('-¥0.05');
    expect(quantity(1_236_500)).toBe('1236.5');
    expect(quantity(160_000)).toBe('160');
  });
});
