/**
 * Procurement optimiser benchmark (DATA-4).
 *
 *   npm run bench:optimiser
 *   BENCH_RUNS=20 BENCH_BASKETS=100 BENCH_BASKET_LINES=200 npm run bench:optimiser
 *
 * 1. Time: BENCH_RUNS (20) generated baskets of 200 lines over 2,000 offers (10 per line, 150 suppliers), each
 *    solved to proven optimality by HiGHS (MIP relative gap 1e-6); the wall time of `optimisePlan` (model
 *    building, solve, reading the plan) is measured after one warm-up that loads the WebAssembly module.
 *    Printed: p50, p95, max, and the load average before and after.
 * 2. Saving: BENCH_BASKETS (100) generated baskets of BENCH_BASKET_LINES (200) lines; the median, p10 and p90 of the
 *    saving against the naive choice (per line, the cheapest single offer that can deliver the whole quantity in
 *    time from a supplier with enough credit), on the lines the naive choice covers.
 * The generator is `generateBasket` in apps/server/src/modules/procurement/procurement.generator.ts (seeded; its
 * header says what a realistic basket is there).
 */
import { loadavg } from 'node:os';
import { generateBasket, optimisePlan } from '../../apps/server/src/modules/procurement';

const runs = Number(process.env.BENCH_RUNS ?? 20);
const baskets = Number(process.env.BENCH_BASKETS ?? 100);
const basketLines = Number(process.env.BENCH_BASKET_LINES ?? 200);
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] as number;
};
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

const warm = generateBasket(999, 5, 3);
await optimisePlan(warm.lines, warm.offers, warm.suppliers, warm.rules);

console.log(`load average before: ${load()}`);
const times: number[] = [];
const statuses = new Map<string, number>();
let variables = 0;
for (let i = 0; i < runs; i++) {
  const b = generateBasket(1000 + i, 200, 10);
  const started = performance.now();
  const result = await optimisePlan(b.lines, b.offers, b.suppliers, b.rules);
  times.push(performance.now() - started);
  statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
  if (result.status === 'optimal') variables = result.variables;
}
console.log(
  `200 lines × 2,000 offers, ${runs} baskets: ${[...statuses].map(([s, n]) => `${s} ${n}`).join(', ')}; ` +
    `${variables} variables; time p50 ${quantile(times, 0.5).toFixed(0)} ms, p95 ${quantile(times, 0.95).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`,
);
console.log(`load average after timing: ${load()}`);

const savings: number[] = [];
let infeasible = 0;
for (let i = 0; i < baskets; i++) {
  const b = generateBasket(5000 + i, basketLines, 10);
  const result = await optimisePlan(b.lines, b.offers, b.suppliers, b.rules);
  if (result.status === 'optimal') savings.push(result.savingRate);
  else infeasible++;
}
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
console.log(
  `saving vs naive over ${savings.length} baskets of ${basketLines} lines (${infeasible} infeasible): ` +
    `median ${pct(quantile(savings, 0.5))}, p10 ${pct(quantile(savings, 0.1))}, p90 ${pct(quantile(savings, 0.9))}, min ${pct(Math.min(...savings))}`,
);
console.log(`load average after: ${load()}`);
