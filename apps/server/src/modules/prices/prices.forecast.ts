/**
 * 价格预测 price forecasts (DATA-3). Pure functions, no I/O: every method works on the natural log of a positive
 * monthly series, so trends and errors are relative (a 2 % move means the same at index 100 and index 300).
 * Methods: naive (last value), seasonal naive, drift, damped-trend exponential smoothing (ETS(A,Ad,N)), the Theta
 * method, ARIMA(p,1,0) with drift, and the median of the last three. One method per series is picked by a
 * rolling-origin backtest on the series' own history; the 80 % interval comes from the same backtest's errors per
 * horizon. See docs/adr/0098-price-forecasts.md.
 */

export const HORIZON = 6;

export const FORECAST_METHODS = [
  'naive',
  'snaive',
  'drift',
  'damped',
  'theta',
  'arima',
  'ensemble',
  'combination',
] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];

/** Methods the selector may choose from; the plain baselines stay in so that a series where nothing beats them
 * gets the baseline rather than a model that only looks clever. */
export const CANDIDATE_METHODS: readonly ForecastMethod[] = [
  'naive',
  'drift',
  'damped',
  'theta',
  'arima',
  'ensemble',
  'combination',
];

/** Parameters are estimated on at most this many recent months: price regimes of the 1950s say little about 2020,
 * and the window bounds the cost of the backtest. */
export const FIT_WINDOW = 240;
/** Forecast origins in the selection backtest (each forecasts HORIZON months). */
export const BACKTEST_ORIGINS = 36;
/** Months a series needs before any model other than naive is tried. */
export const MIN_HISTORY = 36;

const Z80 = 1.2815515655446004;

/** Point forecasts (log scale) for horizons 1..h from a log series. */
type LogForecaster = (y: readonly number[], h: number) => number[];

export function naiveLog(y: readonly number[], h: number): number[] {
  const last = y[y.length - 1] as number;
  return Array.from({ length: h }, () => last);
}

export function seasonalNaiveLog(y: readonly number[], h: number, period = 12): number[] {
  const n = y.length;
  if (n < period) return naiveLog(y, h);
  return Array.from({ length: h }, (_, i) => y[n - period + (i % period)] as number);
}

export function driftLog(y: readonly number[], h: number): number[] {
  const n = y.length;
  const last = y[n - 1] as number;
  if (n < 2) return naiveLog(y, h);
  const slope = (last - (y[0] as number)) / (n - 1);
  return Array.from({ length: h }, (_, i) => last + slope * (i + 1));
}

/** Holt's linear trend with damping φ (Gardner & McKenzie), additive errors: one pass, returns SSE and final state. */
export function dampedFilter(y: readonly number[], alpha: number, beta: number, phi: number) {
  let level = y[0] as number;
  let trend = y.length > 1 ? (y[1] as number) - level : 0;
  let sse = 0;
  for (let t = 1; t < y.length; t++) {
    const yt = y[t] as number;
    const forecast = level + phi * trend;
    const error = yt - forecast;
    sse += error * error;
    const newLevel = forecast + alpha * error;
    trend = phi * trend + alpha * beta * error;
    level = newLevel;
  }
  return { sse, level, trend };
}

const ALPHAS = [0.2, 0.35, 0.5, 0.65, 0.8, 0.95, 1];
const BETAS = [0.02, 0.08, 0.2, 0.4];
const PHIS = [0.8, 0.9, 0.95, 0.98];

export function dampedLog(y: readonly number[], h: number): number[] {
  const window = y.slice(-FIT_WINDOW);
  let best = { sse: Number.POSITIVE_INFINITY, level: 0, trend: 0, phi: 1 };
  for (const alpha of ALPHAS) {
    for (const beta of BETAS) {
      for (const phi of PHIS) {
        const fit = dampedFilter(window, alpha, beta, phi);
        if (fit.sse < best.sse) best = { ...fit, phi };
      }
    }
  }
  const out: number[] = [];
  let damp = 0;
  for (let i = 1; i <= h; i++) {
    damp += best.phi ** i;
    out.push(best.level + damp * best.trend);
  }
  return out;
}

/** Simple exponential smoothing with α chosen by one-step SSE on a grid; returns the final level and α. */
export function ses(y: readonly number[]): { level: number; alpha: number } {
  let best = { sse: Number.POSITIVE_INFINITY, level: y[0] as number, alpha: 1 };
  for (let a = 0.05; a <= 1.0001; a += 0.05) {
    let level = y[0] as number;
    let sse = 0;
    for (let t = 1; t < y.length; t++) {
      const e = (y[t] as number) - level;
      sse += e * e;
      level += a * e;
    }
    if (sse < best.sse) best = { sse, level, alpha: a };
  }
  return { level: best.level, alpha: best.alpha };
}

/** Theta method (Assimakopoulos & Nikolopoulos 2000) in the SES-with-drift form of Hyndman & Billah (2003):
 * the SES forecast plus half the slope of the linear trend, with their small-sample correction. */
export function thetaLog(y: readonly number[], h: number): number[] {
  const window = y.slice(-FIT_WINDOW);
  const n = window.length;
  const slope = olsSlope(window);
  const { level, alpha } = ses(window);
  const correction = (1 - (1 - alpha) ** n) / alpha;
  return Array.from({ length: h }, (_, i) => level + (slope / 2) * (i + correction));
}

export function olsSlope(y: readonly number[]): number {
  const n = y.length;
  if (n < 2) return 0;
  const meanT = (n - 1) / 2;
  let meanY = 0;
  for (const v of y) meanY += v;
  meanY /= n;
  let num = 0;
  let den = 0;
  for (let t = 0; t < n; t++) {
    num += (t - meanT) * ((y[t] as number) - meanY);
    den += (t - meanT) ** 2;
  }
  return num / den;
}

/** Least squares for a small dense system (normal equations, Gaussian elimination with partial pivoting). */
export function solveLinear(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]?.[c] as number) > Math.abs(m[pivot]?.[c] as number)) pivot = r;
    const p = m[pivot] as number[];
    if (Math.abs(p[c] as number) < 1e-12) return null;
    [m[c], m[pivot]] = [p, m[c] as number[]];
    const row = m[c] as number[];
    for (let r = c + 1; r < n; r++) {
      const other = m[r] as number[];
      const f = (other[c] as number) / (row[c] as number);
      for (let k = c; k <= n; k++) other[k] = (other[k] as number) - f * (row[k] as number);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    const row = m[r] as number[];
    let s = row[n] as number;
    for (let k = r + 1; k < n; k++) s -= (row[k] as number) * (x[k] as number);
    x[r] = s / (row[r] as number);
  }
  return x;
}

/** Fits AR(p) with intercept to a series by ordinary least squares; returns [c, φ1..φp] or null. */
export function fitAr(x: readonly number[], p: number): number[] | null {
  const k = p + 1;
  const xtx = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const xty = new Array<number>(k).fill(0);
  for (let t = p; t < x.length; t++) {
    const row = [1];
    for (let j = 1; j <= p; j++) row.push(x[t - j] as number);
    for (let i = 0; i < k; i++) {
      xty[i] = (xty[i] as number) + (row[i] as number) * (x[t] as number);
      const xi = xtx[i] as number[];
      for (let j = 0; j < k; j++) xi[j] = (xi[j] as number) + (row[i] as number) * (row[j] as number);
    }
  }
  return solveLinear(xtx, xty);
}

/** ARIMA(p,1,0) with drift, fitted by conditional least squares on the monthly log changes; p ∈ {1,2,3} chosen by
 * AIC. The AR part carries price momentum (a rise tends to continue for a few months), the drift the long trend. */
export function arimaLog(y: readonly number[], h: number): number[] {
  const window = y.slice(-FIT_WINDOW);
  const d: number[] = [];
  for (let t = 1; t < window.length; t++) d.push((window[t] as number) - (window[t - 1] as number));
  let best: { aic: number; coef: number[]; p: number } | null = null;
  for (let p = 1; p <= 3; p++) {
    if (d.length < p + 12) break;
    const coef = fitAr(d, p);
    if (!coef) continue;
    let sse = 0;
    for (let t = p; t < d.length; t++) {
      let f = coef[0] as number;
      for (let j = 1; j <= p; j++) f += (coef[j] as number) * (d[t - j] as number);
      sse += ((d[t] as number) - f) ** 2;
    }
    const m = d.length - p;
    const aic = m * Math.log(sse / m + 1e-300) + 2 * (p + 1);
    if (!best || aic < best.aic) best = { aic, coef, p };
  }
  if (!best) return driftLog(y, h);
  // Keep the fitted process stationary in the changes; an explosive AR on a short window would run away.
  const sumPhi = best.coef.slice(1).reduce((s, v) => s + v, 0);
  if (Math.abs(sumPhi) >= 0.98) return driftLog(y, h);
  const hist = d.slice();
  const out: number[] = [];
  let level = window[window.length - 1] as number;
  for (let i = 0; i < h; i++) {
    let f = best.coef[0] as number;
    for (let j = 1; j <= best.p; j++) f += (best.coef[j] as number) * (hist[hist.length - j] as number);
    hist.push(f);
    level += f;
    out.push(level);
  }
  return out;
}

export function ensembleLog(y: readonly number[], h: number): number[] {
  const parts = [dampedLog(y, h), thetaLog(y, h), arimaLog(y, h)];
  return Array.from({ length: h }, (_, i) => median(parts.map((p) => p[i] as number)));
}

/** Equal-weight mean of drift, damped, Theta and ARIMA: forecast combinations are hard to beat on economic series
 * (M3/M4 competitions), because the methods' errors are only partly correlated. */
export function combinationLog(y: readonly number[], h: number): number[] {
  const parts = [driftLog(y, h), dampedLog(y, h), thetaLog(y, h), arimaLog(y, h)];
  return Array.from({ length: h }, (_, i) => mean(parts.map((p) => p[i] as number)));
}

const FORECASTERS: Record<ForecastMethod, LogForecaster> = {
  naive: naiveLog,
  snaive: (y, h) => seasonalNaiveLog(y, h),
  drift: driftLog,
  damped: dampedLog,
  theta: thetaLog,
  arima: arimaLog,
  ensemble: ensembleLog,
  combination: combinationLog,
};

/** Point forecasts on the original scale for a positive series. */
export function pointForecast(values: readonly number[], method: ForecastMethod, h = HORIZON): number[] {
  const y = toLog(values);
  return FORECASTERS[method](y, h).map(Math.exp);
}

export interface BacktestResult {
  method: ForecastMethod;
  /** Mean absolute log error over horizons 1..HORIZON and all origins (≈ mean relative error). */
  score: number;
  /** Log errors (actual − forecast) per horizon, index 0 = 1 month ahead. */
  errors: number[][];
}

/** Rolling-origin evaluation on the last `origins` possible origins of the series: for each, fit on everything
 * before it and forecast HORIZON months. */
export function backtest(
  values: readonly number[],
  methods: readonly ForecastMethod[] = CANDIDATE_METHODS,
  origins = BACKTEST_ORIGINS,
): BacktestResult[] {
  const y = toLog(values);
  const n = y.length;
  const lastOrigin = n - HORIZON;
  const firstOrigin = Math.max(MIN_HISTORY, lastOrigin - origins + 1);
  return methods.map((method) => {
    const errors: number[][] = Array.from({ length: HORIZON }, () => []);
    let total = 0;
    let count = 0;
    for (let o = firstOrigin; o <= lastOrigin; o++) {
      const f = FORECASTERS[method](y.slice(0, o), HORIZON);
      for (let k = 0; k < HORIZON; k++) {
        const e = (y[o + k] as number) - (f[k] as number);
        errors[k]?.push(e);
        total += Math.abs(e);
        count++;
      }
    }
    return { method, score: count ? total / count : Number.POSITIVE_INFINITY, errors };
  });
}

export interface Forecast {
  method: ForecastMethod;
  /** Backtest mean absolute relative error of the chosen method and of naive, for publishing next to the chart. */
  backtestError: number;
  naiveBacktestError: number;
  backtestOrigins: number;
  points: { step: number; value: number; lower: number; upper: number }[];
}

/** Picks the method with the lowest backtest error on the series' own history and forecasts HORIZON months with an
 * 80 % interval: the point forecast times exp(±1.2816·RMSE of that method's backtest log errors at the horizon).
 * Short series fall back to naive with intervals from the random walk of their monthly changes. */
export function forecastSeries(values: readonly number[], origins = BACKTEST_ORIGINS): Forecast {
  if (values.length === 0) throw new Error('empty series');
  if (values.some((v) => !(v > 0))) throw new Error('series must be positive');
  if (values.length < MIN_HISTORY + HORIZON + 6) return shortSeriesForecast(values);
  const results = backtest(values, CANDIDATE_METHODS, origins);
  const chosen = results.reduce((a, b) => (b.score < a.score ? b : a));
  const naive = results.find((r) => r.method === 'naive') as BacktestResult;
  const points = pointForecast(values, chosen.method, HORIZON).map((value, i) => {
    const errs = chosen.errors[i] as number[];
    const bias = mean(errs);
    const spread = Math.sqrt(mean(errs.map((e) => (e - bias) ** 2)) + bias * bias);
    return {
      step: i + 1,
      value,
      lower: value * Math.exp(-Z80 * spread),
      upper: value * Math.exp(Z80 * spread),
    };
  });
  return {
    method: chosen.method,
    backtestError: chosen.score,
    naiveBacktestError: naive.score,
    backtestOrigins: (chosen.errors[0] as number[]).length,
    points,
  };
}

function shortSeriesForecast(values: readonly number[]): Forecast {
  const y = toLog(values);
  const changes: number[] = [];
  for (let t = 1; t < y.length; t++) changes.push((y[t] as number) - (y[t - 1] as number));
  const sigma = changes.length >= 2 ? Math.sqrt(mean(changes.map((c) => c * c))) : 0.02;
  const last = values[values.length - 1] as number;
  return {
    method: 'naive',
    backtestError: Number.NaN,
    naiveBacktestError: Number.NaN,
    backtestOrigins: 0,
    points: Array.from({ length: HORIZON }, (_, i) => ({
      step: i + 1,
      value: last,
      lower: last * Math.exp(-Z80 * sigma * Math.sqrt(i + 1)),
      upper: last * Math.exp(Z80 * sigma * Math.sqrt(i + 1)),
    })),
  };
}

function toLog(values: readonly number[]): number[] {
  return values.map((v) => Math.log(v));
}

export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}
