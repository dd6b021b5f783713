import { readFileSync } from 'node:fs';
import { mulberry32 } from '../../infra/random';
import { FEATURES } from './matching.features';

/** A trained weight vector with what it was trained on. */
export interface MatchingModel {
  features: string[];
  weights: number[];
  bias: number;
  training: {
    source: string;
    sha256: string;
    records: number;
    examples: number;
    rows: number;
    positives: number;
    seed: number;
    l2: number;
    iterations: number;
    trainedOn: string;
    logLoss: number;
  };
}

export const WEIGHTS_FILE = new URL('./matching.weights.json', import.meta.url).pathname;

let cached: MatchingModel | null = null;

/** The committed model (`npm run train:matching` writes it). */
export function defaultModel(): MatchingModel {
  if (!cached) cached = JSON.parse(readFileSync(WEIGHTS_FILE, 'utf8')) as MatchingModel;
  if (cached.features.join() !== FEATURES.join()) throw new Error('matching.weights.json does not fit FEATURES');
  return cached;
}

/**
 * JSON as the repository's formatter (Biome) prints it: arrays of numbers filled onto lines of at most 120
 * characters, everything else as JSON.stringify with 2 spaces.
 */
export function formatModel(value: MatchingModel): string {
  const pretty = JSON.stringify(value, null, 2).replace(
    /^( *)("[^"]+": )\[\n((?: *-?[\d.e+-]+,?\n)+) *\]/gm,
    (_whole, indent: string, key: string, body: string) => {
      const items = body
        .split('\n')
        .map((item) => item.trim())
        .filter(Boolean);
      const lines: string[] = [];
      let line = '';
      for (const item of items) {
        const next = line ? `${line} ${item}` : item;
        if (`${indent}  ${next}`.length > 120 && line) {
          lines.push(line);
          line = item;
        } else line = next;
      }
      if (line) lines.push(line);
      return `${indent}${key}[\n${lines.map((l) => `${indent}  ${l}`).join('\n')}\n${indent}]`;
    },
  );
  return `${pretty}\n`;
}

export function linearScore(model: MatchingModel, x: readonly number[]): number {
  let s = model.bias;
  for (let i = 0; i < x.length; i += 1) s += (model.weights[i] ?? 0) * (x[i] as number);
  return s;
}

/**
 * Logistic regression with L2, fitted by full-batch gradient descent with Adam steps from zero: deterministic
 * for the same rows in the same order. Positives are up-weighted to balance the classes.
 */
export function fitLogistic(
  rows: readonly number[][],
  labels: readonly number[],
  options: { l2: number; iterations: number; learningRate?: number },
): { weights: number[]; bias: number; logLoss: number } {
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  const positives = labels.filter((y) => y === 1).length;
  const posWeight = positives > 0 ? (n - positives) / positives : 1;
  const w = new Array<number>(d + 1).fill(0);
  const m = new Array<number>(d + 1).fill(0);
  const v = new Array<number>(d + 1).fill(0);
  const lr = options.learningRate ?? 0.05;
  let loss = 0;
  for (let it = 1; it <= options.iterations; it += 1) {
    const g = new Array<number>(d + 1).fill(0);
    loss = 0;
    let total = 0;
    for (let r = 0; r < n; r += 1) {
      const x = rows[r] as number[];
      const y = labels[r] as number;
      let z = w[d] as number;
      for (let j = 0; j < d; j += 1) z += (w[j] as number) * (x[j] as number);
      const p = 1 / (1 + Math.exp(-z));
      const weight = y === 1 ? posWeight : 1;
      total += weight;
      loss -= weight * (y === 1 ? Math.log(p + 1e-12) : Math.log(1 - p + 1e-12));
      const e = weight * (p - y);
      for (let j = 0; j < d; j += 1) g[j] = (g[j] as number) + e * (x[j] as number);
      g[d] = (g[d] as number) + e;
    }
    for (let j = 0; j <= d; j += 1) {
      const grad = (g[j] as number) / total + (j < d ? options.l2 * (w[j] as number) : 0);
      m[j] = 0.9 * (m[j] as number) + 0.1 * grad;
      v[j] = 0.999 * (v[j] as number) + 0.001 * grad * grad;
      const mh = (m[j] as number) / (1 - 0.9 ** it);
      const vh = (v[j] as number) / (1 - 0.999 ** it);
      w[j] = (w[j] as number) - (lr * mh) / (Math.sqrt(vh) + 1e-8);
    }
    loss /= total;
  }
  return {
    weights: w.slice(0, d).map((x) => Math.round(x * 1e6) / 1e6),
    bias: Math.round((w[d] as number) * 1e6) / 1e6,
    logLoss: loss,
  };
}

/** A small seeded generator, so sampling and the random baseline repeat exactly. */
export const seededRandom = mulberry32;
