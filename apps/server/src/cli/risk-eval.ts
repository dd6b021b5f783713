/**
 * `npm run eval:risk` — evaluates the early-warning model (RISK-2) on a replay of generated contract histories
 * (apps/server/src/modules/risk/risk.generator.ts, seeded) against the naive baseline "warn when already one day
 * late". The model is fitted and its threshold chosen on 70% of the contracts; the figures are on the other 30%.
 * Options: --contracts N (default 2000), --seed S (default 13).
 */

import {
  EARLY_WARNING_MODEL,
  FEATURES,
  generateHistories,
  type LogisticModel,
  metrics,
  mulberry32,
  replay,
  splitByContract,
  train,
} from '../modules/risk';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const count = option('contracts', 2000);
const seed = option('seed', 13);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
type Metrics = ReturnType<typeof metrics>;
const row = (name: string, m: Metrics) =>
  `${name.padEnd(34)} ${String(m.warned).padStart(7)} ${String(m.truePositives).padStart(6)} ${pct(m.precision).padStart(10)} ${pct(m.recall).padStart(8)} ${(m.medianLeadDays === null ? '—' : `${m.medianLeadDays} d`).padStart(12)}`;

const started = Date.now();
const contracts = generateHistories(count, seed);
const { train: trainSet, test } = splitByContract(contracts, 0.3, mulberry32(seed + 1));
const fitted = train(trainSet);
const outcomes = replay(test, fitted);
const shipped = replay(test, EARLY_WARNING_MODEL);
const model = metrics(outcomes, 'modelLead');
const baseline = metrics(outcomes, 'baselineLead');

console.log(`early-warning evaluation — ${count} generated contracts, seed ${seed}`);
console.log(
  `split by contract: ${trainSet.length} train / ${test.length} test; test milestones ${model.milestones}, of which > 7 days late ${model.late} (${pct(model.late / Math.max(model.milestones, 1))})`,
);
console.log('lead time = days before the due date of the first warning (the delay becomes fact on the day after)');
console.log('');
console.log(
  `${'rule (test split)'.padEnd(34)} ${'warned'.padStart(7)} ${'TP'.padStart(6)} ${'precision'.padStart(10)} ${'recall'.padStart(8)} ${'median lead'.padStart(12)}`,
);
console.log(row('model (fitted on train split)', model));
console.log(row('model as shipped (risk.model.ts)', metrics(shipped, 'modelLead')));
console.log(row('baseline: already 1 day late', baseline));
const leads = outcomes.filter((o) => o.late && o.modelLead !== null).map((o) => o.modelLead as number);
const inWindow = leads.filter((d) => d >= 3 && d <= 5).length;
console.log('');
console.log(
  `model warnings on late milestones 3–5 days ahead: ${inWindow} of ${leads.length} (${pct(inWindow / Math.max(leads.length, 1))})`,
);
console.log('');
console.log('fitted model (standardised features; copy into EARLY_WARNING_MODEL when it changes):');
const print = (m: LogisticModel) => {
  const r = (x: number) => Number(x.toFixed(4));
  const obj = (f: (k: (typeof FEATURES)[number]) => number) => Object.fromEntries(FEATURES.map((k) => [k, r(f(k))]));
  return JSON.stringify(
    {
      mean: obj((k) => m.mean[k]),
      sd: obj((k) => m.sd[k]),
      weights: obj((k) => m.weights[k]),
      intercept: r(m.intercept),
      threshold: m.threshold,
    },
    null,
    2,
  );
};
console.log(print(fitted));
console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
