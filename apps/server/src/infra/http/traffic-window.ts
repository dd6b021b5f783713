import { Summary } from 'prom-client';

export interface TrafficFigures {
  requests: number;
  serverErrors: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
}

/**
 * What this process answered over the last `windowMinutes` (PLAT-3): response-time quantiles from prom-client's
 * sliding-window Summary, and request and 5xx counts in one bucket per minute. The metrics plugin feeds it; the
 * monitoring module reads it for the status page and its alerts. Per process: behind a load balancer each
 * instance judges its own traffic.
 */
export class TrafficWindow {
  readonly windowMinutes: number;
  private readonly summary: Summary;
  private readonly buckets = new Map<number, { requests: number; serverErrors: number }>();

  constructor(
    windowMinutes = 5,
    private readonly now: () => number = Date.now,
  ) {
    this.windowMinutes = windowMinutes;
    this.summary = new Summary({
      name: 'zhuhe_traffic_window_seconds',
      help: 'response time over the monitoring window',
      percentiles: [0.5, 0.95, 0.99],
      maxAgeSeconds: windowMinutes * 60,
      ageBuckets: windowMinutes,
      registers: [],
    });
  }

  observe(statusCode: number, seconds: number): void {
    this.summary.observe(seconds);
    const minute = Math.floor(this.now() / 60_000);
    const bucket = this.buckets.get(minute) ?? { requests: 0, serverErrors: 0 };
    bucket.requests += 1;
    if (statusCode >= 500) bucket.serverErrors += 1;
    this.buckets.set(minute, bucket);
    for (const key of this.buckets.keys()) if (key <= minute - this.windowMinutes) this.buckets.delete(key);
  }

  async figures(): Promise<TrafficFigures> {
    const minute = Math.floor(this.now() / 60_000);
    let requests = 0;
    let serverErrors = 0;
    for (const [key, bucket] of this.buckets)
      if (key > minute - this.windowMinutes) {
        requests += bucket.requests;
        serverErrors += bucket.serverErrors;
      }
    const values = (await this.summary.get()).values;
    const quantile = (q: number) => {
      const value = values.find((v) => v.labels.quantile === q)?.value;
      return requests > 0 && value !== undefined && Number.isFinite(value) ? Math.round(value * 1000) : null;
    };
    return { requests, serverErrors, p50Ms: quantile(0.5), p95Ms: quantile(0.95), p99Ms: quantile(0.99) };
  }
}
