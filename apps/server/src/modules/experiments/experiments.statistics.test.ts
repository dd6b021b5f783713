import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../infra/random';
import {
  addUnit,
  type Comparison,
  compareVariants,
  cupedMoments,
  cupedTheta,
  emptySample,
  fixedHorizon,
  pooledMeanX,
  recommend,
  relativeLift,
  type SrmResult,
  sampleOf,
  sampleRatioMismatch,
  sequentialTest,
} from './experiments.statistics';

/** standard normal draws from a seeded generator (Box–Muller) */
function normals(seed: number) {
  const u = mulberry32(seed);
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

describe('sample ratio mismatch', () => {
  it('flags a 52/48 split at n = 10,000 against 50/50 (χ² = 16, p ≈ 6.3e-5)', () => {
    const srm = sampleRatioMismatch([5200, 4800], [50, 50]);
    expect(srm.chiSquare).toBeCloseTo(16, 10);
    expect(srm.degreesOfFreedom).toBe(1);
    expect(srm.pValue).toBeCloseTo(6.334e-5, 7);
    expect(srm.mismatch).toBe(true);
  });

  it('accepts a 50.5/49.5 split at n = 10,000 and honours unequal weights', () => {
    expect(sampleRatioMismatch([5050, 4950], [50, 50]).mismatch).toBe(false);
    // 20/30/50 exactly as configured
    const three = sampleRatioMismatch([2000, 3000, 5000], [20, 30, 50]);
    expect(three).toMatchObject({ chiSquare: 0, degreesOfFreedom: 2, pValue: 1, mismatch: false });
    // the same counts against 50/50 weights are a mismatch
    expect(sampleRatioMismatch([3000, 7000], [50, 50]).mismatch).toBe(true);
  });

  it('says nothing before any unit is seen', () => {
    expect(sampleRatioMismatch([0, 0], [50, 50])).toMatchObject({ pValue: 1, mismatch: false });
  });
});

describe('CUPED', () => {
  it('reduces the variance of a pre-period-correlated metric by the factor 1 − ρ²', () => {
    const draw = normals(2026);
    for (const rho of [0.5, 0.8]) {
      const units: { x: number; y: number }[] = [];
      for (let i = 0; i < 20_000; i += 1) {
        const x = 10 + 2 * draw();
        const e = draw();
        // corr(x, y) = ρ by construction: y = 5 + 3(ρ·z_x + √(1 − ρ²)·e)
        units.push({ x, y: 5 + 3 * (rho * ((x - 10) / 2) + Math.sqrt(1 - rho * rho) * e) });
      }
      const sample = sampleOf(units);
      const theta = cupedTheta([sample]);
      const xBar = pooledMeanX([sample]);
      const raw = cupedMoments(sample, 0, xBar);
      const adjusted = cupedMoments(sample, theta, xBar);
      const ratio = adjusted.variance / raw.variance;
      expect(theta).toBeCloseTo((rho * 3) / 2, 1);
      expect(ratio).toBeGreaterThan(1 - rho * rho - 0.02);
      expect(ratio).toBeLessThan(1 - rho * rho + 0.02);
      // the mean keeps its expectation
      expect(adjusted.mean).toBeCloseTo(raw.mean, 10);
    }
  });

  it('leaves an uncorrelated metric alone and reports the reduction per comparison', () => {
    const draw = normals(7);
    const control = emptySample();
    const treatment = emptySample();
    for (let i = 0; i < 5000; i += 1) {
      const xc = draw();
      addUnit(control, 10 + 0.9 * xc + 0.436 * draw(), xc);
      const xt = draw();
      addUnit(treatment, 10.5 + 0.9 * xt + 0.436 * draw(), xt);
    }
    const withCuped = compareVariants(control, treatment, { alpha: 0.05, cuped: true });
    const without = compareVariants(control, treatment, { alpha: 0.05, cuped: false });
    expect(withCuped.varianceReduction).toBeGreaterThan(0.75);
    expect(without.varianceReduction).toBe(0);
    const width = (c: Comparison) => (c.interval ? c.interval[1] - c.interval[0] : Number.NaN);
    expect(width(withCuped)).toBeLessThan(width(without) * 0.5);
    expect(withCuped.lift).toBeCloseTo(0.05, 2);
  });
});

describe('lift and intervals', () => {
  it('gives the delta-method interval of a relative lift (known answer)', () => {
    // control: mean 10, variance 4, n 400 → var(mean) 0.01; treatment: mean 11, variance 4, n 400
    const lift = relativeLift({ n: 400, mean: 10, variance: 4 }, { n: 400, mean: 11, variance: 4 });
    expect(lift.lift).toBeCloseTo(0.1, 12);
    // 0.01/100 + 121·0.01/10⁴ = 0.000221
    expect(lift.variance).toBeCloseTo(0.000221, 12);
    const fixed = fixedHorizon(0.1, 0.000221, 0.05);
    expect(fixed.interval[0]).toBeCloseTo(0.1 - 1.959964 * Math.sqrt(0.000221), 6);
    expect(fixed.pValue).toBeLessThan(1e-10);
  });

  it('makes the always-valid interval wider than the fixed-horizon one and its p-value larger', () => {
    const fixed = fixedHorizon(0.05, 0.0004, 0.05);
    const seq = sequentialTest(0.05, 0.0004, 4000, 0.05);
    expect(seq.interval[0]).toBeLessThan(fixed.interval[0]);
    expect(seq.interval[1]).toBeGreaterThan(fixed.interval[1]);
    expect(seq.pValue).toBeGreaterThan(fixed.pValue);
    // the p-value and the interval agree: 0 is outside exactly when p < α
    const edge = sequentialTest(seq.interval[1] - 0.05, 0.0004, 4000, 0.05);
    expect(edge.pValue).toBeCloseTo(0.05, 6);
  });
});

describe('sequential test under peeking', () => {
  it('keeps the false-positive rate ≤ 5% over 1,000 A/A experiments looked at every 100 users', () => {
    const random = mulberry32(20261207);
    const experiments = 1000;
    const looks = 30;
    const conversion = 0.2;
    let sequentialFalse = 0;
    let naiveFalse = 0;
    for (let e = 0; e < experiments; e += 1) {
      const a = emptySample();
      const b = emptySample();
      let sequentialRejected = false;
      let naiveRejected = false;
      for (let look = 1; look <= looks; look += 1) {
        for (let u = 0; u < 100; u += 1) {
          const converted = random() < conversion ? 1 : 0;
          addUnit(random() < 0.5 ? a : b, converted);
        }
        const c = compareVariants(a, b, { alpha: 0.05, cuped: false });
        if (c.sequential && c.sequential.pValue < 0.05) sequentialRejected = true;
        if (c.pValue !== null && c.pValue < 0.05) naiveRejected = true;
      }
      if (sequentialRejected) sequentialFalse += 1;
      if (naiveRejected) naiveFalse += 1;
    }
    const sequentialRate = sequentialFalse / experiments;
    const naiveRate = naiveFalse / experiments;
    console.info(
      `A/A, ${experiments} experiments, a look every 100 users up to ${looks * 100}: ` +
        `sequential false-positive rate ${(sequentialRate * 100).toFixed(1)}%, ` +
        `fixed-horizon test peeked at the same looks ${(naiveRate * 100).toFixed(1)}%`,
    );
    expect(sequentialRate).toBeLessThanOrEqual(0.05);
    // the reason for the sequential test: peeking at a fixed-horizon test inflates its 5% several times over
    expect(naiveRate).toBeGreaterThan(0.1);
  });

  it('still finds a real 15% lift', () => {
    const random = mulberry32(99);
    const a = emptySample();
    const b = emptySample();
    for (let u = 0; u < 10_000; u += 1) {
      if (random() < 0.5) addUnit(a, random() < 0.2 ? 1 : 0);
      else addUnit(b, random() < 0.23 ? 1 : 0);
    }
    const c = compareVariants(a, b, { alpha: 0.05, cuped: false });
    expect(c.sequential?.pValue).toBeLessThan(0.05);
    expect(c.sequential?.interval[0]).toBeGreaterThan(0);
  });
});

describe('the decision rule', () => {
  const srmOk: SrmResult = { chiSquare: 0.1, degreesOfFreedom: 1, pValue: 0.75, mismatch: false };
  const comparison = (lift: number, lo: number, hi: number): Comparison => ({
    controlMean: 1,
    treatmentMean: 1 + lift,
    lift,
    interval: [lo, hi],
    pValue: 0.01,
    sequential: { interval: [lo, hi], pValue: lo > 0 || hi < 0 ? 0.01 : 0.5 },
    varianceReduction: 0,
  });
  const base = {
    srm: srmOk,
    unitsPerVariant: [
      { variant: 'control', units: 500 },
      { variant: 'b', units: 500 },
    ],
    guardrails: [],
    shipThreshold: 0,
    minUnitsPerVariant: 100,
  };

  it('stops on a sample ratio mismatch whatever the lift', () => {
    const r = recommend({
      ...base,
      srm: { ...srmOk, pValue: 1e-5, mismatch: true },
      goal: [{ variant: 'b', comparison: comparison(0.3, 0.2, 0.4) }],
    });
    expect(r).toMatchObject({ decision: 'stop', reason: 'sample_ratio_mismatch' });
  });

  it('keeps running with too few units or an interval across 0', () => {
    expect(
      recommend({
        ...base,
        unitsPerVariant: [
          { variant: 'control', units: 50 },
          { variant: 'b', units: 60 },
        ],
        goal: [{ variant: 'b', comparison: comparison(0.3, 0.2, 0.4) }],
      }),
    ).toMatchObject({ decision: 'keep_running', reason: 'too_few_units', variant: 'control' });
    expect(recommend({ ...base, goal: [{ variant: 'b', comparison: comparison(0.05, -0.02, 0.12) }] })).toMatchObject({
      decision: 'keep_running',
      reason: 'inconclusive',
    });
  });

  it('ships a sure gain that reaches the threshold (seed: ship when click-through rises 12%)', () => {
    expect(
      recommend({ ...base, shipThreshold: 0.12, goal: [{ variant: 'b', comparison: comparison(0.15, 0.05, 0.25) }] }),
    ).toMatchObject({ decision: 'ship', reason: 'goal_improved', variant: 'b' });
    expect(
      recommend({ ...base, shipThreshold: 0.12, goal: [{ variant: 'b', comparison: comparison(0.04, 0.01, 0.08) }] }),
    ).toMatchObject({ decision: 'stop', reason: 'below_threshold' });
  });

  it('stops when the goal drops or a guardrail surely drops', () => {
    expect(recommend({ ...base, goal: [{ variant: 'b', comparison: comparison(-0.2, -0.3, -0.1) }] })).toMatchObject({
      decision: 'stop',
      reason: 'goal_harmed',
    });
    expect(
      recommend({
        ...base,
        goal: [{ variant: 'b', comparison: comparison(0.2, 0.1, 0.3) }],
        guardrails: [{ metric: 'demand.submitted', variant: 'b', comparison: comparison(-0.1, -0.15, -0.05) }],
      }),
    ).toMatchObject({ decision: 'stop', reason: 'guardrail_harmed', variant: 'b', metric: 'demand.submitted' });
  });
});
