import type { FastifyBaseLogger } from 'fastify';
import CircuitBreaker from 'opossum';

/** The outgoing dependencies that sit behind a breaker; one name each, used in logs, the status page and notices. */
export type DependencyName = 'smtp' | 'bank' | 'sms';

export type BreakerState = 'closed' | 'open' | 'half_open';

export interface BreakerOptions {
  /** a call that has not answered after this long counts as failed; its caller gets `DependencyUnavailable` */
  timeoutMs: number;
  /** the breaker opens when more than this share of the calls in the rolling window failed … */
  errorThresholdPct: number;
  /** … and at least this many calls were made in the window (two failures of two calls at night are not a trend) */
  volumeThreshold: number;
  /** how long an open breaker refuses calls before it lets one probe through (half-open) */
  resetMs: number;
  /** the rolling window the failure share is counted over */
  windowMs: number;
}

/**
 * The dependency could not take the call: its breaker is open, it did not answer within the timeout, or it failed
 * in a way that is its fault rather than the request's (connection refused, 5xx). Callers keep the work and try
 * again later; `retryAt` is when the breaker will let a probe through, when known.
 */
export class DependencyUnavailable extends Error {
  constructor(
    readonly dependency: DependencyName,
    readonly reason: 'open' | 'timeout' | 'failed',
    readonly retryAt: Date | null,
    options?: { cause?: unknown },
  ) {
    super(`${dependency} unavailable (${reason})`, options);
    this.name = 'DependencyUnavailable';
  }
}

export interface BreakerSnapshot {
  name: DependencyName;
  state: BreakerState;
  timeoutMs: number;
  /** failures (including timeouts) in the rolling window, and calls refused fast while open */
  failures: number;
  timeouts: number;
  rejects: number;
  calls: number;
  lastFailureAt: Date | null;
  lastError: string | null;
  openedAt: Date | null;
  /** work waiting for this dependency (queued mail, pending payouts), when its owner counts it */
  queued: number | null;
}

/** A function behind a breaker, with what the registry reads from it. */
export interface Guarded<A extends unknown[], R> {
  readonly name: DependencyName;
  call(...args: A): Promise<R>;
  /** true while the breaker refuses calls without trying (open, before the reset timeout lets a probe through) */
  refusing(): boolean;
  snapshot(): Omit<BreakerSnapshot, 'queued'>;
  /** called on each change of state (open, half-open, closed) */
  onStateChange(listener: (state: BreakerState) => void): void;
  shutdown(): void;
}

/**
 * Puts `action` behind an opossum circuit breaker with a per-call timeout. `isCallerFault` picks the errors that
 * are the request's fault (an SMTP 550 for one bad address): they pass through unchanged and do not count towards
 * opening. Every other failure, a timeout or a refusal while open becomes `DependencyUnavailable`.
 */
export function guard<A extends unknown[], R>(
  name: DependencyName,
  action: (...args: A) => Promise<R>,
  options: BreakerOptions,
  isCallerFault: (error: unknown) => boolean = () => false,
): Guarded<A, R> {
  const breaker = new CircuitBreaker<A, R>(action, {
    name,
    timeout: options.timeoutMs,
    errorThresholdPercentage: options.errorThresholdPct,
    volumeThreshold: options.volumeThreshold,
    resetTimeout: options.resetMs,
    rollingCountTimeout: options.windowMs,
    rollingCountBuckets: 10,
    errorFilter: (error: unknown) => isCallerFault(error),
  });
  let lastFailureAt: Date | null = null;
  let lastError: string | null = null;
  let openedAt: Date | null = null;
  breaker.on('failure', (error: unknown) => {
    lastFailureAt = new Date();
    lastError = error instanceof Error ? error.message.slice(0, 200) : String(error);
  });
  breaker.on('open', () => {
    openedAt = new Date();
  });
  breaker.on('close', () => {
    openedAt = null;
  });
  const retryAt = () => (openedAt ? new Date(openedAt.getTime() + options.resetMs) : null);
  const state = (): BreakerState => (breaker.halfOpen ? 'half_open' : breaker.opened ? 'open' : 'closed');
  return {
    name,
    async call(...args: A): Promise<R> {
      try {
        return await breaker.fire(...args);
      } catch (error) {
        if (isCallerFault(error)) throw error;
        const code = (error as { code?: string }).code;
        // opossum's own errors carry these codes; anything else is the dependency's failure
        const reason =
          code === 'EOPENBREAKER' && CircuitBreaker.isOurError(error as Error)
            ? 'open'
            : code === 'ETIMEDOUT' && CircuitBreaker.isOurError(error as Error)
              ? 'timeout'
              : 'failed';
        throw new DependencyUnavailable(name, reason, retryAt(), { cause: error });
      }
    },
    refusing: () => breaker.opened,
    onStateChange(listener) {
      breaker.on('open', () => listener('open'));
      breaker.on('halfOpen', () => listener('half_open'));
      breaker.on('close', () => listener('closed'));
    },
    snapshot() {
      const stats = breaker.stats;
      return {
        name,
        state: state(),
        timeoutMs: options.timeoutMs,
        failures: stats.failures,
        timeouts: stats.timeouts,
        rejects: stats.rejects,
        calls: stats.fires,
        lastFailureAt,
        lastError,
        openedAt,
      };
    },
    shutdown: () => breaker.shutdown(),
  };
}

/**
 * 依赖熔断登记 the breakers of this process, for the staff status page and the notices signed-in users see. Each
 * dependency is registered once, by whoever wraps it; the owner of the waiting work may add a counter of it.
 */
export class BreakerRegistry {
  /** `log`: each change of a breaker's state is logged once (the jobs it defers are not, one by one) */
  constructor(private readonly log: Pick<FastifyBaseLogger, 'warn' | 'info'> | null = null) {}

  private readonly entries = new Map<
    DependencyName,
    { breaker: Guarded<never[], unknown>; queued: (() => Promise<number>) | null }
  >();

  add<A extends unknown[], R>(breaker: Guarded<A, R>, queued: (() => Promise<number>) | null = null): Guarded<A, R> {
    if (this.entries.has(breaker.name)) throw new Error(`breaker ${breaker.name} registered twice`);
    this.entries.set(breaker.name, { breaker: breaker as unknown as Guarded<never[], unknown>, queued });
    breaker.onStateChange((state) => {
      const { lastError } = breaker.snapshot();
      if (state === 'open') this.log?.warn({ dependency: breaker.name, lastError }, 'circuit breaker opened');
      else this.log?.info({ dependency: breaker.name, state }, 'circuit breaker state changed');
    });
    return breaker;
  }

  /** Adds (or replaces) the counter of work waiting for a dependency already registered. */
  countQueued(name: DependencyName, queued: () => Promise<number>): void {
    const entry = this.entries.get(name);
    if (entry) entry.queued = queued;
  }

  async snapshot(): Promise<BreakerSnapshot[]> {
    return Promise.all(
      [...this.entries.values()].map(async ({ breaker, queued }) => ({
        ...breaker.snapshot(),
        queued: queued ? await queued().catch(() => null) : null,
      })),
    );
  }

  /** The dependencies that are not healthy now: open, half-open, or failed within the window. */
  degraded(): DependencyName[] {
    return [...this.entries.values()]
      .map(({ breaker }) => breaker.snapshot())
      .filter((s) => s.state !== 'closed')
      .map((s) => s.name);
  }

  shutdown(): void {
    for (const { breaker } of this.entries.values()) breaker.shutdown();
  }
}
