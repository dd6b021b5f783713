/**
 * The replay behind `npm run eval:risk`: walks each generated history day by day, asks the model (and the naive
 * baseline) what it would have said with what was known that day, and compares with how late each milestone
 * really ended. Split by contract, so the model is fitted and its threshold chosen on histories it is not tested on.
 */
import type { GeneratedContract } from './risk.generator';
import {
  type ContractHistory,
  earlyWarning,
  type Feature,
  featuresAt,
  fitLogistic,
  LATE_DAYS,
  type LogisticModel,
  reachedOn,
  WARNING_HORIZON_DAYS,
} from './risk.model';
import { addDays, daysBetween } from './risk.rules';

export interface MilestoneOutcome {
  contractId: string;
  milestoneId: string;
  /** days late in the end (until the end of the history if never reached) */
  finalDelay: number;
  late: boolean;
  /** days before the due date of the first warning (negative: after it), null: no warning */
  modelLead: number | null;
  baselineLead: number | null;
}

function finalDelay(g: GeneratedContract, m: ContractHistory['milestones'][number]): number {
  const done = reachedOn(g.history.logs, m.cumulativeBp);
  return Math.max(0, daysBetween(m.dueDate, done ?? g.endDate));
}

/** Training samples: every day of the warning window on which the milestone was not yet reached. */
export function trainingSamples(contracts: GeneratedContract[]) {
  const samples: { x: Record<Feature, number>; y: 0 | 1 }[] = [];
  for (const g of contracts)
    g.history.milestones.forEach((m, i) => {
      const y = finalDelay(g, m) > LATE_DAYS ? 1 : 0;
      for (let d = WARNING_HORIZON_DAYS; d >= 0; d--) {
        const today = addDays(m.dueDate, -d);
        if (reachedOn(g.history.logs, m.cumulativeBp, today)) break;
        samples.push({ x: featuresAt(g.history, i, today), y });
      }
    });
  return samples;
}

/** What the model and the baseline would have said, milestone by milestone. */
export function replay(contracts: GeneratedContract[], model: LogisticModel): MilestoneOutcome[] {
  const out: MilestoneOutcome[] = [];
  for (const g of contracts)
    g.history.milestones.forEach((m, i) => {
      const delay = finalDelay(g, m);
      let modelLead: number | null = null;
      for (let d = WARNING_HORIZON_DAYS; d >= 0; d--) {
        const w = earlyWarning(model, g.history, i, addDays(m.dueDate, -d));
        if (w?.warn) {
          modelLead = d;
          break;
        }
      }
      // 基线: warn when the milestone is already one day late (not reached by the day after its due date).
      const baselineLead = reachedOn(g.history.logs, m.cumulativeBp, addDays(m.dueDate, 1)) ? null : -1;
      out.push({
        contractId: g.id,
        milestoneId: m.id,
        finalDelay: delay,
        late: delay > LATE_DAYS,
        modelLead,
        baselineLead,
      });
    });
  return out;
}

export interface Metrics {
  milestones: number;
  late: number;
  warned: number;
  truePositives: number;
  precision: number;
  recall: number;
  /** median days before the due date of the first warning, over correctly warned milestones */
  medianLeadDays: number | null;
}

export function metrics(outcomes: MilestoneOutcome[], which: 'modelLead' | 'baselineLead'): Metrics {
  const warned = outcomes.filter((o) => o[which] !== null);
  const tp = warned.filter((o) => o.late);
  const late = outcomes.filter((o) => o.late).length;
  const leads = tp.map((o) => o[which] as number).sort((a, b) => a - b);
  const mid = Math.floor(leads.length / 2);
  const median =
    leads.length === 0
      ? null
      : leads.length % 2
        ? (leads[mid] as number)
        : ((leads[mid - 1] as number) + (leads[mid] as number)) / 2;
  return {
    milestones: outcomes.length,
    late,
    warned: warned.length,
    truePositives: tp.length,
    precision: warned.length ? tp.length / warned.length : 0,
    recall: late ? tp.length / late : 0,
    medianLeadDays: median,
  };
}

/** Splits by contract with a seeded shuffle: `testShare` of the contracts are held out. */
export function splitByContract(contracts: GeneratedContract[], testShare: number, rnd: () => number) {
  const shuffled = [...contracts];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as GeneratedContract, shuffled[i] as GeneratedContract];
  }
  const cut = Math.round(shuffled.length * (1 - testShare));
  return { train: shuffled.slice(0, cut), test: shuffled.slice(cut) };
}

/** Fits on the training contracts and picks the threshold with the best F1 on them (milestone level). */
export function train(contracts: GeneratedContract[]): LogisticModel {
  const fitted = fitLogistic(trainingSamples(contracts));
  let best = { threshold: 0.5, f1: -1 };
  for (let t = 0.1; t <= 0.9001; t += 0.025) {
    const m = metrics(replay(contracts, { ...fitted, threshold: t }), 'modelLead');
    const f1 = m.precision + m.recall > 0 ? (2 * m.precision * m.recall) / (m.precision + m.recall) : 0;
    if (f1 > best.f1) best = { threshold: Number(t.toFixed(3)), f1 };
  }
  return { ...fitted, threshold: best.threshold };
}
