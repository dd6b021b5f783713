/**
 * `npm run eval:forecast -- --history FILE --test FILE` — rolling-origin evaluation of the price forecasts (DATA-3).
 * --history: `series_id,[title,]date,index_value` (the shared PPI file's format, title optional);
 * --test: `series_id,date,index_value`, later months of the same series. For every origin in the test period with
 * six test months after it, the forecaster is fitted on everything before the origin (method chosen by its own
 * backtest) and forecasts six months. Prints MAE per series and overall, MAE relative to naive last-value, the
 * seasonal-naive and drift baselines computed in the same run, and the coverage of the 80 % intervals.
 */
import { readFileSync } from 'node:fs';
import { evaluate, readIndexCsv } from '../modules/prices';

function option(name: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  if (!value) {
    console.error('usage: npm run eval:forecast -- --history FILE.csv --test FILE.csv');
    process.exit(2);
  }
  return value;
}

const history = readIndexCsv(readFileSync(option('history'), 'utf8'));
const test = readIndexCsv(readFileSync(option('test'), 'utf8'));
for (const [name, file] of [
  ['history', history],
  ['test', test],
] as const) {
  if (file.rejected.length)
    console.log(`${name}: ${file.rejected.length} unreadable lines skipped (first at line ${file.rejected[0]?.line})`);
}
const started = Date.now();
const result = evaluate(history.rows, test.rows);
const f = (x: number, d = 3) => x.toFixed(d);
console.log(
  `${'series'.padEnd(13)} ${'origins'.padStart(7)} ${'MAE'.padStart(8)} ${'relMAE'.padStart(7)} ${'naiveMAE'.padStart(9)} ${'snaive'.padStart(7)} ${'drift'.padStart(7)} ${'cov80'.padStart(6)}  methods chosen`,
);
for (const s of result.series) {
  const methods = Object.entries(s.chosen)
    .sort(([, a], [, b]) => b - a)
    .map(([m, n]) => `${m}×${n}`)
    .join(' ');
  const flag = s.model.relMae > 1 ? '  (loses to naive)' : '';
  console.log(
    `${s.seriesId.padEnd(13)} ${String(s.origins).padStart(7)} ${f(s.model.mae).padStart(8)} ${f(s.model.relMae).padStart(7)} ${f(s.baselines.naive.mae).padStart(9)} ${f(s.baselines.snaive.relMae).padStart(7)} ${f(s.baselines.drift.relMae).padStart(7)} ${f(s.coverage80, 2).padStart(6)}  ${methods}${flag}`,
  );
}
console.log(
  `series ${result.series.length}, forecasts ${result.forecasts} (×6 months), ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
console.log(
  `relative to naive (geometric mean over series): model ${f(result.relMae)}, seasonal naive ${f(result.baselineRelMae.snaive)}, drift ${f(result.baselineRelMae.drift)}; pooled Σ|error| ratio ${f(result.pooledRelMae)}`,
);
console.log(`overall: relMAE ${f(result.relMae)} coverage80 ${f(result.coverage80)}`);
