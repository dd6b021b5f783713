import { createHash } from 'node:crypto';
import type { AppContext } from '../../infra/context';
import { findFirmByName, frequentWinners, type ParsedRow, supplierHistory } from '../cooperation';
import { FEATURES, type FeatureQuery, featureRows } from './matching.features';
import { fitLogistic, type MatchingModel, seededRandom } from './matching.model';
import { rank } from './matching.ranking';

/**
 * Training and evaluation on award history (ADR 0050). Both ask the same read model the live matcher asks
 * (`supplierHistory`), so what is learned is what runs.
 */
export const CANDIDATE_LIMIT = 200;
const FAR_FUTURE = '9999-12-31';

export interface TrainOptions {
  /** how many awards become training examples (the latest ones, whose history is longest) */
  examples: number;
  seed: number;
  l2: number;
  iterations: number;
}

export const DEFAULT_TRAIN: TrainOptions = { examples: 1500, seed: 20180101, l2: 0.001, iterations: 400 };

function queryOf(row: ParsedRow): FeatureQuery {
  return { title: row.title, amountMinor: row.amountMinor, on: row.occurredOn, buyerTown: row.buyer.town };
}

/**
 * Learns the weights from the history already imported into `ctx`: each example is one award, its candidates
 * are the suppliers the history offered before the award's date, labelled 1 for the real awardee.
 */
export async function trainModel(
  ctx: AppContext,
  rows: readonly ParsedRow[],
  source: { name: string; text: string },
  options: TrainOptions = DEFAULT_TRAIN,
): Promise<MatchingModel> {
  const sorted = [...rows].sort(
    (a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.sourceRef.localeCompare(b.sourceRef),
  );
  // the later half has history behind it; sample from it deterministically
  const later = sorted.slice(Math.floor(sorted.length / 2));
  const random = seededRandom(options.seed);
  const pool = [...later];
  for (let i = pool.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j] as ParsedRow, pool[i] as ParsedRow];
  }
  const X: number[][] = [];
  const y: number[] = [];
  let examples = 0;
  for (const row of pool) {
    if (examples >= options.examples) break;
    const buyer = await findFirmByName(ctx, row.buyer.name);
    const awardee = await findFirmByName(ctx, row.supplier.name);
    if (!awardee) continue;
    const candidates = await supplierHistory(ctx, {
      buyerFirmId: buyer?.id ?? null,
      category: row.levels,
      regionCode: row.regionCode,
      before: row.occurredOn,
      limit: CANDIDATE_LIMIT,
    });
    if (!candidates.some((c) => c.firmId === awardee.id)) continue;
    examples += 1;
    const features = featureRows(queryOf(row), candidates);
    candidates.forEach((c, i) => {
      X.push(features[i] as number[]);
      y.push(c.firmId === awardee.id ? 1 : 0);
    });
  }
  const fit = fitLogistic(X, y, { l2: options.l2, iterations: options.iterations });
  return {
    features: [...FEATURES],
    weights: fit.weights,
    bias: fit.bias,
    training: {
      source: source.name,
      sha256: createHash('sha256').update(source.text).digest('hex'),
      records: rows.length,
      examples,
      rows: X.length,
      positives: y.filter((v) => v === 1).length,
      seed: options.seed,
      l2: options.l2,
      iterations: options.iterations,
      trainedOn: sorted.at(-1)?.occurredOn ?? '',
      logLoss: Math.round(fit.logLoss * 1e6) / 1e6,
    },
  };
}

interface Tally {
  n: number;
  hits: number;
  ndcg: number;
  answered: number;
  recommended: Set<string>;
}

const tally = (): Tally => ({ n: 0, hits: 0, ndcg: 0, answered: 0, recommended: new Set() });

function count(t: Tally, top: readonly string[], awardee: string | null) {
  t.n += 1;
  if (top.length > 0) t.answered += 1;
  for (const id of top) t.recommended.add(id);
  const at = awardee ? top.indexOf(awardee) : -1;
  if (at >= 0) {
    t.hits += 1;
    t.ndcg += 1 / Math.log2(at + 2);
  }
}

export const METHODS = ['matcher', 'frequency', 'random'] as const;
type Method = (typeof METHODS)[number];

export interface EvalReport {
  test: number;
  suppliersInTraining: number;
  /** by method, then all / seen / unseen */
  figures: Record<Method, Record<'all' | 'seen' | 'unseen', Tally>>;
}

/**
 * For each test award: a demand from its buyer, category, region, amount and title; the top 5 of the matcher
 * and of the two baselines, against the real awardee. The database holds only the training records.
 */
export async function evaluate(
  ctx: AppContext,
  model: MatchingModel,
  train: readonly ParsedRow[],
  test: readonly ParsedRow[],
  seed = 7,
): Promise<EvalReport> {
  const suppliers = new Set(train.map((r) => r.supplier.key));
  const figures = Object.fromEntries(
    METHODS.map((m) => [m, { all: tally(), seen: tally(), unseen: tally() }]),
  ) as EvalReport['figures'];
  const random = seededRandom(seed);
  for (const row of test) {
    const buyer = await findFirmByName(ctx, row.buyer.name);
    const awardee = suppliers.has(row.supplier.key) ? await findFirmByName(ctx, row.supplier.name) : null;
    const seen = awardee ? 'seen' : 'unseen';
    const candidates = await supplierHistory(ctx, {
      buyerFirmId: buyer?.id ?? null,
      category: row.levels,
      regionCode: row.regionCode,
      before: FAR_FUTURE,
      limit: CANDIDATE_LIMIT,
    });
    const matcher = rank(model, queryOf(row), candidates)
      .slice(0, 5)
      .map((r) => r.candidate.firmId);
    const frequency = await frequentWinners(ctx, {
      group: row.levels.group,
      regionCode: row.regionCode,
      before: FAR_FUTURE,
      limit: 5,
    });
    const eligible = candidates.map((c) => c.firmId);
    for (let i = eligible.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [eligible[i], eligible[j]] = [eligible[j] as string, eligible[i] as string];
    }
    const tops: Record<Method, string[]> = { matcher, frequency, random: eligible.slice(0, 5) };
    for (const m of METHODS) {
      count(figures[m].all, tops[m], awardee?.id ?? null);
      count(figures[m][seen], tops[m], awardee?.id ?? null);
    }
  }
  return { test: test.length, suppliersInTraining: suppliers.size, figures };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatReport(report: EvalReport): string {
  const lines: string[] = [];
  lines.push(
    `test awards: ${report.test}   suppliers in training: ${report.suppliersInTraining}`,
    '',
    'subset   method     n      recall@5  NDCG@5   answered  catalogue coverage',
  );
  for (const subset of ['all', 'seen', 'unseen'] as const)
    for (const m of METHODS) {
      const t = report.figures[m][subset];
      const n = Math.max(1, t.n);
      lines.push(
        `${subset.padEnd(8)} ${m.padEnd(10)} ${String(t.n).padEnd(6)} ${pct(t.hits / n).padEnd(9)} ${(t.ndcg / n).toFixed(3).padEnd(8)} ${pct(t.answered / n).padEnd(9)} ${pct(t.recommended.size / Math.max(1, report.suppliersInTraining))}`,
      );
    }
  lines.push(
    '',
    'recall@5: share of test awards whose real awardee is among the 5 proposed; NDCG@5 with the awardee as the one',
    'relevant supplier; answered: share of awards with at least one proposal; catalogue coverage: distinct proposed',
    'suppliers / suppliers in training. seen/unseen: whether the awardee won anything in the training file.',
  );
  return lines.join('\n');
}
