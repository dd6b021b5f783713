import { describe, expect, it } from 'vitest';
import { parseCsv } from './prices.csv';
import { evaluate, readIndexCsv } from './prices.evaluation';
import {
  arimaLog,
  backtest,
  dampedFilter,
  driftLog,
  fitAr,
  forecastSeries,
  olsSlope,
  pointForecast,
  seasonalNaiveLog,
  ses,
  thetaLog,
} from './prices.forecast';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function gauss(r: () => number) {
  return Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());
}

describe('baselines', () => {
  it('drift extends the line through the first and last value', () => {
    expect(driftLog([1, 2, 4, 7], 2)).toEqual([9, 11]);
  });
  it('seasonal naive repeats the value twelve months earlier', () => {
    const y = Array.from({ length: 24 }, (_, i) => i);
    expect(seasonalNaiveLog(y, 3)).toEqual([12, 13, 14]);
  });
  it('OLS slope of an exact line is its slope', () => {
    expect(olsSlope([3, 5, 7, 9, 11])).toBeCloseTo(2, 12);
  });
});

describe('exponential smoothing and Theta', () => {
  it('SES on a constant series keeps the constant', () => {
    expect(ses([5, 5, 5, 5]).level).toBeCloseTo(5, 12);
  });
  it('damped filter with φ=1, α=1, β=1 tracks a line with zero one-step error', () => {
    const fit = dampedFilter([1, 2, 3, 4, 5, 6], 1, 1, 1);
    expect(fit.sse).toBeCloseTo(0, 12);
    expect(fit.level).toBeCloseTo(6, 12);
    expect(fit.trend).toBeCloseTo(1, 12);
  });
  it('Theta on an exact line continues it (SES with α=1 plus half the slope, Hyndman & Billah)', () => {
    const y = Array.from({ length: 50 }, (_, i) => 10 + 0.5 * i);
    // α=1 → correction 1: forecast h = last + slope/2 · h.
    expect(thetaLog(y, 2)[0]).toBeCloseTo(34.5 + 0.25, 6);
  });
});

describe('ARIMA(p,1,0)', () => {
  it('recovers the AR coefficient of a simulated AR(1)', () => {
    const r = rng(7);
    const x = [0];
    for (let t = 1; t < 4000; t++) x.push(0.6 * (x[t - 1] as number) + 0.01 * gauss(r));
    const coef = fitAr(x, 1) as number[];
    expect(coef[1]).toBeGreaterThan(0.55);
    expect(coef[1]).toBeLessThan(0.65);
  });
  it('continues momentum in the changes: after a run of rises it forecasts further rises', () => {
    const r = rng(3);
    const y = [0];
    let d = 0;
    for (let t = 1; t < 240; t++) {
      d = 0.7 * d + 0.005 * gauss(r);
      y.push((y[t - 1] as number) + d);
    }
    for (let k = 0; k < 6; k++) y.push((y[y.length - 1] as number) + 0.02);
    const f = arimaLog(y, 3);
    expect(f[0]).toBeGreaterThan(y[y.length - 1] as number);
  });
});

describe('selection by backtest', () => {
  it('picks a trend method on a steadily rising series and beats naive there', () => {
    const values = Array.from({ length: 200 }, (_, i) => 100 * Math.exp(0.01 * i));
    const results = backtest(values);
    const naive = results.find((r) => r.method === 'naive')?.score as number;
    const f = forecastSeries(values);
    expect(f.method).not.toBe('naive');
    expect(f.backtestError).toBeLessThan(naive / 10);
    expect(f.points[5]?.value).toBeCloseTo(100 * Math.exp(0.01 * 205), 0);
  });
  it('gives 80 % intervals that hold about 80 % of a random walk ahead', () => {
    const r = rng(11);
    let inside = 0;
    let total = 0;
    for (let s = 0; s < 40; s++) {
      const v = [100];
      for (let t = 1; t < 150; t++) v.push((v[t - 1] as number) * Math.exp(0.02 * gauss(r)));
      const fit = v.slice(0, 144);
      const f = forecastSeries(fit);
      f.points.forEach((p, k) => {
        const a = v[144 + k] as number;
        if (a >= p.lower && a <= p.upper) inside++;
        total++;
      });
    }
    expect(inside / total).toBeGreaterThan(0.65);
    expect(inside / total).toBeLessThan(0.95);
  });
  it('falls back to naive with widening intervals on a short series', () => {
    const f = forecastSeries([100, 101, 99, 102]);
    expect(f.method).toBe('naive');
    expect((f.points[5]?.upper as number) - (f.points[5]?.lower as number)).toBeGreaterThan(
      (f.points[0]?.upper as number) - (f.points[0]?.lower as number),
    );
  });
  it('refuses a series with a non-positive value', () => {
    expect(() => forecastSeries([1, 0, 2])).toThrow();
  });
  it('point forecasts are on the original scale', () => {
    const f = pointForecast([10, 20], 'naive', 2);
    expect(f[0]).toBeCloseTo(20, 9);
    expect(f[1]).toBeCloseTo(20, 9);
  });
});

describe('evaluation', () => {
  it('reads quoted CSV fields and the optional title column', () => {
    const text = 'series_id,title,date,index_value\r\nA,"steel, mill ""products""",2020-01-01,100\nA,x,2020-13-01,5\n';
    expect(parseCsv(text)[1]?.fields[1]).toBe('steel, mill "products"');
    const read = readIndexCsv(text);
    expect(read.rows).toEqual([{ seriesId: 'A', month: '2020-01', value: 100 }]);
    expect(read.rejected[0]?.line).toBe(3);
  });
  it('scores every origin with six test months after it and compares with naive in the same run', () => {
    const series = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        seriesId: 'S',
        month: `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
        value: 100 * Math.exp(0.005 * i),
      }));
    const all = series(132);
    const result = evaluate(all.slice(0, 120), all.slice(120));
    expect(result.series[0]?.origins).toBe(7);
    expect(result.relMae).toBeLessThan(0.2);
  });
});
