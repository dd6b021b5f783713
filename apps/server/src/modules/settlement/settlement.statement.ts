import type { StatementData } from './settlement.tables';

/**
 * 结算单 arithmetic, exact in fen (bigint inside). The statement is cumulative (开累): measured quantities and the
 * variations and deductions are totals to date; what was settled before is subtracted, so a correction in a later
 * statement is paid (or held back) in that statement.
 *
 *   quantities      = Σ round(quantity × unit price)          (quantities in thousandths, half up per line)
 *   value to date   = quantities + variations − deductions
 *   retention to date = round(value to date × retention %)
 *   payable now     = value to date − retention to date − paid before
 *   gross (period)  = value to date − previous value to date;  retention (period) likewise
 *   labour          = round(gross × labour share)              (routed to the wage account, part of payable now)
 */
export function computeStatement(input: {
  lines: { lineId: string; code: string; name: string; unit: string; quantityMilli: number; unitPriceFen: number }[];
  variationsFen: number;
  deductionsFen: number;
  retentionBp: number;
  labourShareBp: number;
  previous: { valueToDateFen: number; retentionToDateFen: number; payableNowFen: number }[];
  note: string;
}): StatementData {
  const half = (n: bigint, d: bigint) => (n >= 0n ? (n + d / 2n) / d : -((-n + d / 2n) / d));
  const lines = input.lines.map((l) => ({
    ...l,
    amountFen: Number(half(BigInt(l.quantityMilli) * BigInt(l.unitPriceFen), 1000n)),
  }));
  const quantities = lines.reduce((sum, l) => sum + BigInt(l.amountFen), 0n);
  const valueToDate = quantities + BigInt(input.variationsFen) - BigInt(input.deductionsFen);
  const retentionToDate = half(valueToDate * BigInt(input.retentionBp), 10_000n);
  const paidBefore = input.previous.reduce((sum, p) => sum + BigInt(p.payableNowFen), 0n);
  const last = input.previous.at(-1);
  const gross = valueToDate - BigInt(last?.valueToDateFen ?? 0);
  const retention = retentionToDate - BigInt(last?.retentionToDateFen ?? 0);
  const payableNow = valueToDate - retentionToDate - paidBefore;
  return {
    lines,
    quantitiesFen: Number(quantities),
    variationsFen: input.variationsFen,
    deductionsFen: input.deductionsFen,
    valueToDateFen: Number(valueToDate),
    retentionToDateFen: Number(retentionToDate),
    paidBeforeFen: Number(paidBefore),
    payableNowFen: Number(payableNow),
    grossFen: Number(gross),
    retentionFen: Number(retention),
    labourFen: Number(half(gross * BigInt(input.labourShareBp), 10_000n)),
    note: input.note,
  };
}

/** ¥1,234.56 — fen as yuan with separators, for the PDF. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = BigInt(Math.abs(fen));
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${whole}.${(abs % 100n).toString().padStart(2, '0')}`;
}

export function quantity(milli: number): string {
  const whole = Math.trunc(milli / 1000);
  const frac = Math.abs(milli % 1000);
  return frac === 0 ? String(whole) : `${whole}.${String(frac).padStart(3, '0').replace(/0+$/, '')}`;
}
