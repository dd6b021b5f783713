import { z } from 'zod';
import { Id } from './common';

/** 运行告警 kinds: responses slower than the threshold (p95 over the window), or a spike of server errors. */
export const OPS_ALERT_KINDS = ['slow_responses', 'error_spike'] as const;
export const OpsAlertKind = z.enum(OPS_ALERT_KINDS);
export type OpsAlertKind = z.infer<typeof OpsAlertKind>;

/** One alert: open while the condition lasts, resolved by the check that finds it gone. */
export const OpsAlert = z.object({
  id: Id,
  kind: OpsAlertKind,
  status: z.enum(['open', 'resolved']),
  openedAt: z.iso.datetime(),
  resolvedAt: z.iso.datetime().nullable(),
  /** what the check saw when it opened the alert */
  p95Ms: z.number().nullable(),
  errorRatePct: z.number().nullable(),
  requests: z.number().int(),
  /** how many operations staff were e-mailed */
  notified: z.number().int(),
});
export type OpsAlert = z.infer<typeof OpsAlert>;

/** A dependency's health: ok, degraded (works, but slow or backed up) or down. */
export const DependencyState = z.enum(['ok', 'degraded', 'down']);
export type DependencyState = z.infer<typeof DependencyState>;

export const DependencyHealth = z.object({
  name: z.enum(['database', 'job_queue', 'mail', 'disk']),
  state: DependencyState,
  /** figures the state was judged on, e.g. { latencyMs: 2 } or { queued: 3, oldestDueSeconds: 12 } */
  figures: z.record(z.string(), z.number().nullable()),
});
export type DependencyHealth = z.infer<typeof DependencyHealth>;

/**
 * 只读副本 the read replica (ADR 0119) as this process sees it: not configured (PGlite, or no
 * `DATABASE_REPLICA_URL`; every read is on the primary, which is not a fault), ok, lagging (further behind the
 * primary than `lagLimitSeconds`) or unreachable (no answer, or no replay position to measure).
 */
export const ReadReplicaHealth = z.object({
  configured: z.boolean(),
  state: z.enum(['not_configured', 'ok', 'lagging', 'unreachable']),
  /** time since the last transaction the replica replayed (0 when it has replayed all it received) */
  lagSeconds: z.number().nullable(),
  lagLimitSeconds: z.number(),
});
export type ReadReplicaHealth = z.infer<typeof ReadReplicaHealth>;

/** The outgoing dependencies that sit behind a circuit breaker (熔断器). */
export const BreakerDependency = z.enum(['smtp', 'bank', 'sms']);
export type BreakerDependency = z.infer<typeof BreakerDependency>;

/** One circuit breaker as this process sees it: closed (calls go through), open (refused fast), half-open (probing). */
export const OpsBreaker = z.object({
  name: BreakerDependency,
  state: z.enum(['closed', 'open', 'half_open']),
  timeoutMs: z.number().int(),
  /** over the rolling window (one minute) */
  calls: z.number().int(),
  failures: z.number().int(),
  timeouts: z.number().int(),
  rejects: z.number().int(),
  lastFailureAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  openedAt: z.iso.datetime().nullable(),
  /** work kept for it: mail in the outbox, payouts pending at the bank (null: not counted) */
  queued: z.number().int().nullable(),
});
export type OpsBreaker = z.infer<typeof OpsBreaker>;

/** 运行状态 the staff status page: traffic over the window, dependencies, alerts. */
export const OpsStatus = z.object({
  checkedAt: z.iso.datetime(),
  windowMinutes: z.number().int(),
  thresholds: z.object({ slowSeconds: z.number(), errorRatePct: z.number(), minRequests: z.number().int() }),
  traffic: z.object({
    requests: z.number().int(),
    serverErrors: z.number().int(),
    p50Ms: z.number().nullable(),
    p95Ms: z.number().nullable(),
    p99Ms: z.number().nullable(),
  }),
  dependencies: z.array(DependencyHealth),
  readReplica: ReadReplicaHealth,
  breakers: z.array(OpsBreaker),
  alerts: z.array(OpsAlert),
});
export type OpsStatus = z.infer<typeof OpsStatus>;

/**
 * 服务延迟提示 what a signed-in user is told while a dependency is degraded: which service, in both languages.
 * Empty when all is well.
 */
export const SystemNotice = z.object({
  dependency: BreakerDependency,
  message: z.object({ 'zh-CN': z.string(), en: z.string() }),
  since: z.iso.datetime().nullable(),
});
export type SystemNotice = z.infer<typeof SystemNotice>;
export const SystemNotices = z.object({ notices: z.array(SystemNotice) });
export type SystemNotices = z.infer<typeof SystemNotices>;
