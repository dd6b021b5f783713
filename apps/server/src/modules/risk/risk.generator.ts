/**
 * 合同履约历史生成器: seeded, documented synthetic execution histories for evaluating the early-warning model
 * (docs/RISK.md). One history is one contract with 2–5 milestones and a daily simulation of the site:
 *
 * - plan: milestones of 15–45 days each, payment shares summing to 100%, the planned curve linear between them;
 * - productivity: a contractor factor (log-normal, σ 0.15) × daily noise (log-normal, σ 0.25) × the planned daily
 *   rate of the milestone in progress;
 * - disruption (35% of contracts): once, for 5–30 days, productivity drops to 0–50% (material shortage, labour
 *   leaving, a stop order); during it logs are filed half as often and 25% of them are sent back (disagreement);
 * - payer behaviour: each contract's payer is late with a probability of 0–50% per milestone, by 5–25 days; while
 *   a payment is overdue, productivity is 80%;
 * - catch-up: half the contractors add crews when more than 5 points behind plan (productivity × 1.2), so being
 *   behind does not always end late;
 * - logs: filed on 60–95% of working days (one contract's habit), 3% sent back normally; progress is known only
 *   through logs, as on the platform. Releases follow completion (or the due date, whichever is later) by 0–3 days,
 *   or by the payer's lateness.
 *
 * The random source is mulberry32, so a seed gives the same histories on every machine.
 */

import { mulberry32 } from '../../infra/random';
import type { ContractHistory, CurvePoint } from './risk.model';
import { addDays } from './risk.rules';

export { mulberry32 };

export interface GeneratedContract {
  id: string;
  history: ContractHistory;
  /** the last simulated day */
  endDate: string;
}

export function generateHistories(count: number, seed: number): GeneratedContract[] {
  const rnd = mulberry32(seed);
  const uniform = (a: number, b: number) => a + (b - a) * rnd();
  const int = (a: number, b: number) => Math.floor(uniform(a, b + 1));
  const normal = () => Math.sqrt(-2 * Math.log(rnd() || 1e-12)) * Math.cos(2 * Math.PI * rnd());
  const out: GeneratedContract[] = [];
  for (let c = 0; c < count; c++) {
    const start = addDays('2024-01-01', int(0, 700));
    const n = int(2, 5);
    const durations = Array.from({ length: n }, () => int(15, 45));
    const raw = Array.from({ length: n }, () => uniform(1, 3));
    const total = raw.reduce((a, b) => a + b, 0);
    const shares = raw.map((r) => Math.floor((r / total) * 10_000));
    shares[n - 1] = 10_000 - shares.slice(0, -1).reduce((a, b) => a + b, 0);
    let dayCursor = 0;
    let cumulative = 0;
    const milestones = durations.map((d, i) => {
      dayCursor += d;
      cumulative += shares[i] as number;
      return {
        id: `c${c}-m${i + 1}`,
        seq: i + 1,
        dueDay: dayCursor,
        dueDate: addDays(start, dayCursor),
        cumulativeBp: cumulative,
      };
    });
    const plannedCurve: CurvePoint[] = [
      { date: start, percentBp: 0 },
      ...milestones.map((m) => ({ date: m.dueDate, percentBp: m.cumulativeBp })),
    ];
    const skill = Math.exp(0.15 * normal());
    const logRate = uniform(0.6, 0.95);
    const disruption = rnd() < 0.35 ? { from: int(0, dayCursor), length: int(5, 30), factor: uniform(0, 0.5) } : null;
    const payerLateness = uniform(0, 0.5);
    const catchUp = rnd() < 0.5;
    const logs: ContractHistory['logs'] = [];
    const payments: ContractHistory['payments'] = [];
    const paidOnDay = new Map<number, number>();
    let progress = 0;
    let completedIndex = 0;
    const horizon = dayCursor + 120;
    let day = 0;
    for (; day <= horizon; day++) {
      const inDisruption = disruption && day >= disruption.from && day < disruption.from + disruption.length;
      const current = milestones.findIndex((m) => m.dueDay >= day);
      const k = current === -1 ? n - 1 : current;
      const rate = (shares[k] as number) / (durations[k] as number);
      let factor = skill * Math.exp(0.25 * normal());
      if (inDisruption) factor *= disruption.factor;
      const overdue = milestones.some(
        (m, i) => i < completedIndex && (paidOnDay.get(i) ?? Infinity) > day && day > m.dueDay,
      );
      if (overdue) factor *= 0.8;
      const planned = plannedAtDay(milestones, day);
      if (catchUp && planned - progress > 500) factor *= 1.2;
      progress = Math.min(10_000, progress + rate * factor);
      const date = addDays(start, day);
      const logs_today = rnd() < (inDisruption ? logRate / 2 : logRate) || progress >= 10_000;
      if (logs_today) {
        const sentBack = rnd() < (inDisruption ? 0.25 : 0.03);
        logs.push({
          logDate: date,
          status: sentBack ? 'changes_requested' : 'accepted',
          progressBp: Math.round(progress),
        });
        while (completedIndex < n && Math.round(progress) >= (milestones[completedIndex]?.cumulativeBp ?? Infinity)) {
          const m = milestones[completedIndex] as (typeof milestones)[number];
          const payable = Math.max(day, m.dueDay);
          const lag = rnd() < payerLateness ? int(5, 25) : int(0, 3);
          paidOnDay.set(completedIndex, payable + lag);
          payments.push({ milestoneId: m.id, releasedOn: addDays(start, payable + lag) });
          completedIndex++;
        }
      }
      if (completedIndex >= n) break;
    }
    out.push({
      id: `contract-${c}`,
      history: {
        plannedCurve,
        milestones: milestones.map(({ id, seq, dueDate, cumulativeBp }) => ({ id, seq, dueDate, cumulativeBp })),
        logs,
        payments,
      },
      endDate: addDays(start, day),
    });
  }
  return out;
}

function plannedAtDay(milestones: { dueDay: number; cumulativeBp: number }[], day: number): number {
  let prevDay = 0;
  let prevBp = 0;
  for (const m of milestones) {
    if (day <= m.dueDay)
      return prevBp + ((m.cumulativeBp - prevBp) * (day - prevDay)) / Math.max(m.dueDay - prevDay, 1);
    prevDay = m.dueDay;
    prevBp = m.cumulativeBp;
  }
  return 10_000;
}
