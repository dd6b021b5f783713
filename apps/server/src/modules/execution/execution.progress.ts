/**
 * Pure progress arithmetic: planned and actual curves (basis points of the contract's BoQ value) and the delay of
 * each milestone. No database, so the rules are tested on their own.
 */

export interface CurvePoint {
  date: string;
  percentBp: number;
}

const DAY_MS = 86_400_000;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** 付款比例之和 the shares must add up to exactly 100%. */
export function sharesSum(shares: readonly number[]): number {
  return shares.reduce((a, b) => a + b, 0);
}

/** The default planned curve: 0 at the start, then the cumulative milestone shares at their due dates. */
export function curveFromMilestones(
  startDate: string,
  milestones: { dueDate: string; shareBp: number }[],
): CurvePoint[] {
  const points: CurvePoint[] = [{ date: startDate, percentBp: 0 }];
  let cumulative = 0;
  for (const m of milestones) {
    cumulative += m.shareBp;
    const last = points[points.length - 1];
    if (last && last.date === m.dueDate) last.percentBp = cumulative;
    else points.push({ date: m.dueDate, percentBp: cumulative });
  }
  return points;
}

export function curveIsValid(curve: CurvePoint[]): boolean {
  if (curve.length < 2) return false;
  for (let i = 1; i < curve.length; i++) {
    const a = curve[i - 1] as CurvePoint;
    const b = curve[i] as CurvePoint;
    if (b.date <= a.date || b.percentBp < a.percentBp) return false;
  }
  return (curve[curve.length - 1] as CurvePoint).percentBp === 10_000;
}

/** Line value in fen: quantity (thousandths) × unit price, rounded half up, exact in bigint. */
export function lineValueFen(quantityMilli: number, unitPriceFen: number): bigint {
  return (BigInt(quantityMilli) * BigInt(unitPriceFen) + 500n) / 1000n;
}

export interface LineInfo {
  id: string;
  quantityMilli: number;
  unitPriceFen: number;
}
export interface LogInfo {
  logDate: string;
  work: { lineId: string; quantityMilli: number }[];
}

/**
 * 实际进度: after each log date, the value of the work logged so far (each line capped at its planned quantity)
 * as a share of the BoQ's planned value, in basis points.
 */
export function actualCurve(lines: LineInfo[], logs: LogInfo[]): CurvePoint[] {
  const total = lines.reduce((sum, l) => sum + lineValueFen(l.quantityMilli, l.unitPriceFen), 0n);
  if (total === 0n) return [];
  const byLine = new Map(lines.map((l) => [l.id, l]));
  const done = new Map<string, number>();
  const points: CurvePoint[] = [];
  const sorted = [...logs].sort((a, b) => a.logDate.localeCompare(b.logDate));
  for (const log of sorted) {
    for (const w of log.work) {
      if (!byLine.has(w.lineId)) continue;
      done.set(w.lineId, (done.get(w.lineId) ?? 0) + w.quantityMilli);
    }
    let value = 0n;
    for (const [lineId, qty] of done) {
      const line = byLine.get(lineId) as LineInfo;
      value += lineValueFen(Math.min(qty, line.quantityMilli), line.unitPriceFen);
    }
    const percentBp = Number((value * 10_000n) / total);
    const last = points[points.length - 1];
    if (last && last.date === log.logDate) last.percentBp = percentBp;
    else points.push({ date: log.logDate, percentBp });
  }
  return points;
}

/**
 * 延误天数: a milestone is reached on the first log date at which actual progress reaches its cumulative share;
 * its delay is the days from the due date to that date, or to today while it is not reached (never negative).
 */
export function milestoneDelays(
  milestones: { id: string; dueDate: string; shareBp: number }[],
  actual: CurvePoint[],
  today: string,
): Map<string, { completedOn: string | null; delayDays: number }> {
  const result = new Map<string, { completedOn: string | null; delayDays: number }>();
  let cumulative = 0;
  for (const m of milestones) {
    cumulative += m.shareBp;
    const reached = actual.find((p) => p.percentBp >= cumulative);
    const completedOn = reached?.date ?? null;
    const delayDays = Math.max(0, daysBetween(m.dueDate, completedOn ?? today));
    result.set(m.id, { completedOn, delayDays });
  }
  return result;
}
