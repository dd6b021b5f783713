import jstat from 'jstat';

const { jStat } = jstat;

/**
 * The statistics of 实验 experiments (GROW-4), pure and without I/O: sample-ratio-mismatch check, CUPED variance
 * reduction with a pre-period covariate, a sequential test that stays valid when people look at the results every
 * day (a normal-mixture mSPRT, read as an always-valid confidence sequence), a frequentist lift with its interval,
 * and the written decision rule that turns them into a rollout recommendation. Formulas follow GrowthBook's gbstats;
 * the choices are in ADR 0116.
 */

/** Sufficient statistics of one variant: `y` the metric in the experiment, `x` the same metric in the pre-period. */
export interface VariantSample {
  n: number;
  sumY: number;
  sumY2: number;
  sumX: number;
  sumX2: number;
  sumXY: number;
}

export function emptySample(): VariantSample {
  return { n: 0, sumY: 0, sumY2: 0, sumX: 0, sumX2: 0, sumXY: 0 };
}

/** Adds one unit's values to a sample (in place, for simulations and for building a sample from rows). */
export function addUnit(sample: VariantSample, y: number, x = 0): VariantSample {
  sample.n += 1;
  sample.sumY += y;
  sample.sumY2 += y * y;
  sample.sumX += x;
  sample.sumX2 += x * x;
  sample.sumXY += x * y;
  return sample;
}

export function sampleOf(units: ReadonlyArray<{ y: number; x?: number }>): VariantSample {
  const s = emptySample();
  for (const u of units) addUnit(s, u.y, u.x ?? 0);
  return s;
}

const mean = (sum: number, n: number) => (n > 0 ? sum / n : 0);
/** sample (n − 1) variance and covariance from sums */
const coVariance = (sumAB: number, sumA: number, sumB: number, n: number) =>
  n > 1 ? (sumAB - (sumA * sumB) / n) / (n - 1) : 0;

// ---------------------------------------------------------------------------------------------------------------
// Sample ratio mismatch 样本比例失衡

export interface SrmResult {
  chiSquare: number;
  degreesOfFreedom: number;
  pValue: number;
  /** true when p < threshold: the assignment or the exposure logging is broken and no result can be trusted */
  mismatch: boolean;
}

/**
 * Pearson's chi-square goodness-of-fit test of the units seen per variant against the configured weights. The
 * threshold is strict (0.001, GrowthBook's default) because the check runs on every look at the results.
 */
export function sampleRatioMismatch(
  observed: readonly number[],
  weights: readonly number[],
  threshold = 0.001,
): SrmResult {
  const total = observed.reduce((a, b) => a + b, 0);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  let chiSquare = 0;
  let cells = 0;
  observed.forEach((o, i) => {
    const expected = (total * (weights[i] ?? 0)) / weightSum;
    if (expected <= 0) return;
    chiSquare += (o - expected) ** 2 / expected;
    cells += 1;
  });
  const degreesOfFreedom = Math.max(cells - 1, 1);
  const pValue = total === 0 ? 1 : 1 - jStat.chisquare.cdf(chiSquare, degreesOfFreedom);
  return { chiSquare, degreesOfFreedom, pValue, mismatch: pValue < threshold };
}

// ---------------------------------------------------------------------------------------------------------------
// CUPED 方差缩减

/**
 * θ = cov(x, y) / var(x) over all units of all variants (pooled, so it does not depend on the treatment and the
 * adjusted estimate stays unbiased). 0 when the pre-period has no variation (nothing to learn from).
 */
export function cupedTheta(samples: readonly VariantSample[]): number {
  const all = samples.reduce(
    (acc, s) => ({
      n: acc.n + s.n,
      sumY: acc.sumY + s.sumY,
      sumY2: acc.sumY2 + s.sumY2,
      sumX: acc.sumX + s.sumX,
      sumX2: acc.sumX2 + s.sumX2,
      sumXY: acc.sumXY + s.sumXY,
    }),
    emptySample(),
  );
  const varX = coVariance(all.sumX2, all.sumX, all.sumX, all.n);
  if (varX <= 0) return 0;
  return coVariance(all.sumXY, all.sumX, all.sumY, all.n) / varX;
}

export interface Moments {
  n: number;
  /** mean of the metric per unit (CUPED-adjusted when θ ≠ 0) */
  mean: number;
  /** per-unit variance of the (adjusted) metric */
  variance: number;
}

/**
 * The variant's mean and variance of y − θ(x − x̄), where x̄ is the pre-period mean over all units: the mean
 * keeps its scale and its expectation, the variance shrinks by (1 − ρ²) where ρ = corr(x, y).
 */
export function cupedMoments(sample: VariantSample, theta: number, pooledMeanX: number): Moments {
  const { n } = sample;
  const varY = coVariance(sample.sumY2, sample.sumY, sample.sumY, n);
  const varX = coVariance(sample.sumX2, sample.sumX, sample.sumX, n);
  const covXY = coVariance(sample.sumXY, sample.sumX, sample.sumY, n);
  return {
    n,
    mean: mean(sample.sumY, n) - theta * (mean(sample.sumX, n) - pooledMeanX),
    variance: Math.max(varY + theta * theta * varX - 2 * theta * covXY, 0),
  };
}

export function pooledMeanX(samples: readonly VariantSample[]): number {
  const n = samples.reduce((a, s) => a + s.n, 0);
  return mean(
    samples.reduce((a, s) => a + s.sumX, 0),
    n,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Lift, fixed-horizon interval and the sequential test

export interface LiftEstimate {
  /** relative lift (treatment mean / control mean − 1); null when the control mean is 0 */
  lift: number | null;
  /** variance of the lift by the delta method */
  variance: number;
}

/** Relative lift and its delta-method variance from two variants' moments. */
export function relativeLift(control: Moments, treatment: Moments): LiftEstimate {
  if (control.n < 2 || treatment.n < 2 || control.mean <= 0) return { lift: null, variance: 0 };
  const vc = control.variance / control.n;
  const vt = treatment.variance / treatment.n;
  const mc = control.mean;
  const mt = treatment.mean;
  return { lift: mt / mc - 1, variance: vt / mc ** 2 + (mt ** 2 * vc) / mc ** 4 };
}

/** Two-sided fixed-horizon interval and p-value (valid only when looked at once, at the planned sample size). */
export function fixedHorizon(estimate: number, variance: number, alpha: number) {
  const se = Math.sqrt(variance);
  const z = jStat.normal.inv(1 - alpha / 2, 0, 1);
  const pValue = se > 0 ? 2 * (1 - jStat.normal.cdf(Math.abs(estimate) / se, 0, 1)) : 1;
  return { interval: [estimate - z * se, estimate + z * se] as [number, number], pValue };
}

/**
 * ρ² of the normal mixture, tuned so the boundary is tightest at `tuningUnits` units in total (GrowthBook's
 * `sequentialTuningParameter`, default 5000): ρ² = (−2 ln α + ln(1 − 2 ln α)) / N*.
 */
export function mixtureRho2(alpha: number, tuningUnits: number): number {
  return (-2 * Math.log(alpha) + Math.log(1 - 2 * Math.log(alpha))) / tuningUnits;
}

export interface SequentialResult {
  /** always-valid confidence interval: covers the true lift at every look, simultaneously, with 1 − α */
  interval: [number, number];
  /** always-valid p-value: 1 / Λ, the reciprocal of the mixture likelihood ratio (capped at 1) */
  pValue: number;
}

/**
 * mSPRT with a normal mixture N(0, τ²) over the effect (Johari et al. 2017), τ² = ρ²·N·V so the mixture scales
 * with the estimate's variance V at N units. Its likelihood ratio is
 *   Λ = √(V / (V + τ²)) · exp(τ² θ̂² / (2V(V + τ²)))
 * and rejecting when Λ ≥ 1/α keeps the chance of ever rejecting a true null ≤ α however often one looks. Inverted,
 * it is the always-valid interval θ̂ ± √(V(V + τ²)/τ² · (2 ln(1/α) + ln((V + τ²)/V))).
 */
export function sequentialTest(
  estimate: number,
  variance: number,
  totalUnits: number,
  alpha: number,
  tuningUnits = 5000,
): SequentialResult {
  if (!(variance > 0) || totalUnits <= 0) return { interval: [estimate, estimate], pValue: 1 };
  const tau2 = mixtureRho2(alpha, tuningUnits) * totalUnits * variance;
  const sum = variance + tau2;
  const logLambda = 0.5 * Math.log(variance / sum) + (tau2 * estimate ** 2) / (2 * variance * sum);
  const half = Math.sqrt(((variance * sum) / tau2) * (2 * Math.log(1 / alpha) + Math.log(sum / variance)));
  return { interval: [estimate - half, estimate + half], pValue: Math.min(1, Math.exp(-logLambda)) };
}

export interface Comparison {
  controlMean: number;
  treatmentMean: number;
  lift: number | null;
  /** fixed-horizon interval of the lift (what a single planned look would report) */
  interval: [number, number] | null;
  pValue: number | null;
  sequential: SequentialResult | null;
  /** share of the metric's variance removed by CUPED (0 when the pre-period did not help) */
  varianceReduction: number;
}

/**
 * Compares a treatment with the control on one metric: CUPED-adjusted moments (θ pooled over both), the relative
 * lift with its fixed-horizon and always-valid intervals.
 */
export function compareVariants(
  control: VariantSample,
  treatment: VariantSample,
  options: { alpha: number; cuped: boolean; tuningUnits?: number },
): Comparison {
  const theta = options.cuped ? cupedTheta([control, treatment]) : 0;
  const xBar = pooledMeanX([control, treatment]);
  const c = cupedMoments(control, theta, xBar);
  const t = cupedMoments(treatment, theta, xBar);
  const rawC = cupedMoments(control, 0, xBar);
  const rawT = cupedMoments(treatment, 0, xBar);
  const rawVariance = rawC.variance / Math.max(rawC.n, 1) + rawT.variance / Math.max(rawT.n, 1);
  const adjustedVariance = c.variance / Math.max(c.n, 1) + t.variance / Math.max(t.n, 1);
  const varianceReduction = rawVariance > 0 ? Math.max(0, 1 - adjustedVariance / rawVariance) : 0;
  const { lift, variance } = relativeLift(c, t);
  if (lift === null) {
    return {
      controlMean: c.mean,
      treatmentMean: t.mean,
      lift: null,
      interval: null,
      pValue: null,
      sequential: null,
      varianceReduction,
    };
  }
  const fixed = fixedHorizon(lift, variance, options.alpha);
  return {
    controlMean: c.mean,
    treatmentMean: t.mean,
    lift,
    interval: fixed.interval,
    pValue: fixed.pValue,
    sequential: sequentialTest(lift, variance, c.n + t.n, options.alpha, options.tuningUnits),
    varianceReduction,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The decision rule 决策规则

export type Decision = 'ship' | 'keep_running' | 'stop';
export type DecisionReason =
  | 'sample_ratio_mismatch'
  | 'too_few_units'
  | 'guardrail_harmed'
  | 'goal_improved'
  | 'goal_harmed'
  | 'below_threshold'
  | 'inconclusive';

export interface Recommendation {
  decision: Decision;
  reason: DecisionReason;
  /** the variant to ship, or the one that harmed */
  variant: string | null;
  /** the guardrail metric that was harmed */
  metric: string | null;
}

export interface DecisionInput {
  srm: SrmResult;
  unitsPerVariant: ReadonlyArray<{ variant: string; units: number }>;
  /** one comparison per treatment (every variant but the control) on the goal metric */
  goal: ReadonlyArray<{ variant: string; comparison: Comparison }>;
  guardrails: ReadonlyArray<{ metric: string; variant: string; comparison: Comparison }>;
  /** the smallest lift worth shipping (0.12 for "ship when click-through rises 12%"); 0 ships any sure gain */
  shipThreshold: number;
  minUnitsPerVariant: number;
}

/**
 * The written decision rule, applied in this order, always on the always-valid (sequential) intervals so it may
 * be applied at every look:
 * 1. SRM (p < 0.001) → stop: the split is broken, so no comparison can be trusted.
 * 2. A variant with fewer than `minUnitsPerVariant` units → keep running.
 * 3. The best treatment whose goal interval lies above 0 and whose lift reaches the ship threshold → ship it,
 *    unless one of its guardrails' intervals lies below 0 (a sure drop) → stop.
 * 4. Every treatment's goal interval lies below 0 → stop: the change hurts.
 * 5. Every treatment's goal interval ends below the ship threshold → stop: the target cannot be reached.
 * 6. Otherwise → keep running.
 */
export function recommend(input: DecisionInput): Recommendation {
  const none = { variant: null, metric: null };
  if (input.srm.mismatch) return { decision: 'stop', reason: 'sample_ratio_mismatch', ...none };
  const thin = input.unitsPerVariant.find((v) => v.units < input.minUnitsPerVariant);
  if (thin) return { decision: 'keep_running', reason: 'too_few_units', variant: thin.variant, metric: null };
  const rated = input.goal.filter((g) => g.comparison.sequential && g.comparison.lift !== null);
  const winners = rated
    .filter((g) => (g.comparison.sequential?.interval[0] ?? 0) > 0)
    .filter((g) => (g.comparison.lift ?? 0) >= input.shipThreshold)
    .sort((a, b) => (b.comparison.lift ?? 0) - (a.comparison.lift ?? 0));
  const best = winners[0];
  if (best) {
    const harmed = input.guardrails.find(
      (g) => g.variant === best.variant && (g.comparison.sequential?.interval[1] ?? 0) < 0,
    );
    if (harmed) return { decision: 'stop', reason: 'guardrail_harmed', variant: best.variant, metric: harmed.metric };
    return { decision: 'ship', reason: 'goal_improved', variant: best.variant, metric: null };
  }
  if (rated.length > 0 && rated.length === input.goal.length) {
    if (rated.every((g) => (g.comparison.sequential?.interval[1] ?? 0) < 0)) {
      return { decision: 'stop', reason: 'goal_harmed', variant: rated[0]?.variant ?? null, metric: null };
    }
    const cannotReach = rated.every((g) => (g.comparison.sequential?.interval[1] ?? 0) < input.shipThreshold);
    if (cannotReach) return { decision: 'stop', reason: 'below_threshold', ...none };
  }
  return { decision: 'keep_running', reason: 'inconclusive', ...none };
}
