/**
 * 提前预警模型 RISK-2: will a milestone end more than 7 days late? A logistic regression on five features of the
 * progress trend, computed the same way in the evaluation replay and in the daily scan. Every prediction carries
 * each feature's value and its contribution to the log-odds, so a warning says why it fired.
 */
import { addDays, daysBetween } from './risk.rules';

export interface CurvePoint {
  date: string;
  percentBp: number;
}

/** What the model sees of a contract on a given day: plan, logs (with progress after each) and payments. */
export interface ContractHistory {
  plannedCurve: CurvePoint[];
  milestones: { id: string; seq: number; dueDate: string; cumulativeBp: number }[];
  /** sorted by date; `progressBp` is the actual cumulative progress after that log */
  logs: { logDate: string; status: string; progressBp: number }[];
  /** escrow releases per milestone */
  payments: { milestoneId: string; releasedOn: string }[];
}

export const FEATURES = ['behindPlan', 'paceRatio', 'logGap', 'disagreements', 'paymentLate'] as const;
export type Feature = (typeof FEATURES)[number];
export const FEATURE_LABELS: Record<Feature, { 'zh-CN': string; en: string }> = {
  behindPlan: { 'zh-CN': '实际落后计划（占本节点目标）', en: 'Actual behind plan (share of the milestone target)' },
  paceRatio: { 'zh-CN': '所需进度 / 近 14 天实际进度', en: 'Required pace / pace of the last 14 days' },
  logGap: { 'zh-CN': '距上次日志（周）', en: 'Since the last log (weeks)' },
  disagreements: { 'zh-CN': '近 30 天退回的日志', en: 'Logs sent back in the last 30 days' },
  paymentLate: { 'zh-CN': '付款延迟（周）', en: 'Payment lateness (weeks)' },
};

/** The model warns from this many days before the due date (and until the due date). */
export const WARNING_HORIZON_DAYS = 5;
export const LATE_DAYS = 7;

/** Actual progress on `date`: the last log on or before it (0 before the first log). */
function progressOn(logs: ContractHistory['logs'], date: string): number {
  let p = 0;
  for (const l of logs) {
    if (l.logDate > date) break;
    p = l.progressBp;
  }
  return p;
}

/** Planned progress on `date`, linear between the planned curve's points. */
export function plannedOn(curve: CurvePoint[], date: string): number {
  if (curve.length === 0) return 0;
  const first = curve[0] as CurvePoint;
  if (date <= first.date) return first.percentBp;
  for (let i = 1; i < curve.length; i++) {
    const a = curve[i - 1] as CurvePoint;
    const b = curve[i] as CurvePoint;
    if (date <= b.date) {
      const span = daysBetween(a.date, b.date);
      return a.percentBp + ((b.percentBp - a.percentBp) * daysBetween(a.date, date)) / Math.max(span, 1);
    }
  }
  return (curve[curve.length - 1] as CurvePoint).percentBp;
}

/** The first log date on which progress reached `targetBp`, considering logs up to `until`. */
export function reachedOn(logs: ContractHistory['logs'], targetBp: number, until = '9999-12-31'): string | null {
  for (const l of logs) {
    if (l.logDate > until) break;
    if (l.progressBp >= targetBp) return l.logDate;
  }
  return null;
}

/** The five features of milestone `index` on `today`, from what was known that day only. */
export function featuresAt(h: ContractHistory, index: number, today: string): Record<Feature, number> {
  const m = h.milestones[index] as ContractHistory['milestones'][number];
  const known = h.logs.filter((l) => l.logDate <= today);
  const actual = progressOn(known, today);
  const target = Math.max(m.cumulativeBp, 1);
  const behindPlan = Math.max(-1, Math.min(1, (plannedOn(h.plannedCurve, today) - actual) / target));
  const daysLeft = Math.max(daysBetween(today, m.dueDate), 1);
  const required = Math.max(0, target - actual) / daysLeft;
  const recent = (actual - progressOn(known, addDays(today, -14))) / 14;
  const paceRatio = required <= 0 ? 0 : recent <= 0 ? 5 : Math.min(5, required / recent);
  const last = known[known.length - 1]?.logDate;
  const logGap = Math.min(4, (last ? daysBetween(last, today) : 14) / 7);
  const since = addDays(today, -30);
  const disagreements = Math.min(5, known.filter((l) => l.status === 'changes_requested' && l.logDate > since).length);
  let late = 0;
  for (const earlier of h.milestones.slice(0, index)) {
    const done = reachedOn(known, earlier.cumulativeBp, today);
    if (!done) continue;
    const payable = done > earlier.dueDate ? done : earlier.dueDate;
    const paid = h.payments.find((p) => p.milestoneId === earlier.id && p.releasedOn <= today)?.releasedOn ?? today;
    late = Math.max(late, daysBetween(payable, paid));
  }
  return { behindPlan, paceRatio, logGap, disagreements, paymentLate: Math.min(4, late / 7) };
}

export interface LogisticModel {
  /** feature means and standard deviations the weights were fitted on */
  mean: Record<Feature, number>;
  sd: Record<Feature, number>;
  weights: Record<Feature, number>;
  intercept: number;
  /** warn at or above this probability */
  threshold: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Probability and each feature's contribution to the log-odds (standardised value × weight). */
export function predict(model: LogisticModel, x: Record<Feature, number>) {
  const contributions = {} as Record<Feature, number>;
  let z = model.intercept;
  for (const f of FEATURES) {
    const c = ((x[f] - model.mean[f]) / (model.sd[f] || 1)) * model.weights[f];
    contributions[f] = c;
    z += c;
  }
  return { probability: sigmoid(z), contributions };
}

/**
 * Fits the weights by batch gradient descent on the log-loss with a small L2 penalty, on standardised features
 * (so the weights compare). Deterministic: same samples, same model.
 */
export function fitLogistic(
  samples: { x: Record<Feature, number>; y: 0 | 1 }[],
  options: { iterations?: number; learningRate?: number; l2?: number } = {},
): Omit<LogisticModel, 'threshold'> {
  const { iterations = 1500, learningRate = 0.5, l2 = 0.001 } = options;
  const n = Math.max(samples.length, 1);
  const mean = {} as Record<Feature, number>;
  const sd = {} as Record<Feature, number>;
  for (const f of FEATURES) {
    mean[f] = samples.reduce((s, r) => s + r.x[f], 0) / n;
    sd[f] = Math.sqrt(samples.reduce((s, r) => s + (r.x[f] - mean[f]) ** 2, 0) / n) || 1;
  }
  const rows = samples.map((r) => ({ z: FEATURES.map((f) => (r.x[f] - mean[f]) / sd[f]), y: r.y }));
  const w = FEATURES.map(() => 0);
  let b = 0;
  for (let it = 0; it < iterations; it++) {
    const gw = w.map(() => 0);
    let gb = 0;
    for (const r of rows) {
      const p = sigmoid(b + r.z.reduce((s, v, i) => s + v * (w[i] as number), 0));
      const e = p - r.y;
      for (let i = 0; i < w.length; i++) gw[i] = (gw[i] as number) + e * (r.z[i] as number);
      gb += e;
    }
    for (let i = 0; i < w.length; i++)
      w[i] = (w[i] as number) - learningRate * ((gw[i] as number) / n + l2 * (w[i] as number));
    b -= learningRate * (gb / n);
  }
  const weights = {} as Record<Feature, number>;
  FEATURES.forEach((f, i) => {
    weights[f] = w[i] as number;
  });
  return { mean, sd, weights, intercept: b };
}

/**
 * The model in production: fitted by `npm run eval:risk` on the training split of the generated histories
 * (seed 13, see risk.generator.ts) and copied here; the evaluation prints the same numbers.
 */
export const EARLY_WARNING_MODEL: LogisticModel = {
  mean: { behindPlan: 0.0867, paceRatio: 2.9849, logGap: 0.0633, disagreements: 0.8121, paymentLate: 0.7616 },
  sd: { behindPlan: 0.1151, paceRatio: 1.7896, logGap: 0.1362, disagreements: 0.9892, paymentLate: 1.0586 },
  weights: { behindPlan: 1.4237, paceRatio: 1.2803, logGap: -0.169, disagreements: 0.0013, paymentLate: 0.3583 },
  intercept: -0.9391,
  threshold: 0.6,
};

/**
 * The early warning for one milestone on `today`: only while it is not reached and its due date is 0–5 days
 * away. Null when out of scope; otherwise the probability, whether it warns, and the explanation.
 */
export function earlyWarning(model: LogisticModel, h: ContractHistory, index: number, today: string) {
  const m = h.milestones[index];
  if (!m) return null;
  const daysLeft = daysBetween(today, m.dueDate);
  if (daysLeft < 0 || daysLeft > WARNING_HORIZON_DAYS) return null;
  if (reachedOn(h.logs, m.cumulativeBp, today)) return null;
  const x = featuresAt(h, index, today);
  const { probability, contributions } = predict(model, x);
  return { daysLeft, probability, warn: probability >= model.threshold, features: x, contributions };
}
