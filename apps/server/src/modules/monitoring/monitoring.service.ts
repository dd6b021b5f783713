import type { StatsFs } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import type {
  BreakerDependency,
  DependencyHealth,
  OpsAlert,
  OpsAlertKind,
  OpsBreaker,
  OpsStatus,
  ReadReplicaHealth,
  SystemNotices,
} from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import type { ReadReplica } from '../../infra/db/replica';
import type { TrafficFigures, TrafficWindow } from '../../infra/http/traffic-window';
import { newId } from '../../infra/ids';
import { queueMail } from '../../infra/mail/outbox';
import type { BreakerSnapshot } from '../../infra/resilience/breaker';
import { staffEmailsWithRoles } from '../staff';
import { ALERT_ROLES } from './monitoring.policy';
import * as repo from './monitoring.repository';

export interface MonitoringDeps {
  /** what this process answered over the window (fed by the metrics plugin) */
  traffic: TrafficWindow;
  /** the read replica this process reads from (ADR 0119); absent or null: none configured */
  replica?: ReadReplica | null;
}

/** A 5xx share above this, over at least `MIN_REQUESTS` requests in the window, is a spike. */
export const ERROR_RATE_PCT = 5;
/** Fewer requests than this in the window say too little for a p95 or an error rate. */
export const MIN_REQUESTS = 20;
/** A replica further behind than this serves reads noticeably old to anyone without a recent write of their own. */
export const REPLICA_LAG_LIMIT_SECONDS = 5;
/** A replica that has not answered by then is reported unreachable rather than holding up the status page. */
const REPLICA_TIMEOUT_MS = 2000;
const RECENT_ALERTS = 20;

const presentAlert = (row: repo.AlertRow): OpsAlert => ({
  id: row.id,
  kind: row.kind as OpsAlertKind,
  status: row.status as OpsAlert['status'],
  openedAt: row.openedAt.toISOString(),
  resolvedAt: row.resolvedAt?.toISOString() ?? null,
  p95Ms: row.p95Ms,
  errorRatePct: row.errorRatePct,
  requests: row.requests,
  notified: row.notified,
});

const errorRate = (t: TrafficFigures) => (t.requests > 0 ? (100 * t.serverErrors) / t.requests : 0);

/** Which alert conditions hold for these figures (PLAT-3: p95 over `slowSeconds`, or a 5xx spike). */
export function breaches(traffic: TrafficFigures, slowSeconds: number): Set<OpsAlertKind> {
  const kinds = new Set<OpsAlertKind>();
  if (traffic.requests < MIN_REQUESTS) return kinds;
  if (traffic.p95Ms !== null && traffic.p95Ms > slowSeconds * 1000) kinds.add('slow_responses');
  if (errorRate(traffic) > ERROR_RATE_PCT) kinds.add('error_spike');
  return kinds;
}

/**
 * The minute check: opens an alert for each condition that holds and has none open (and e-mails admins and
 * second-line technical support), resolves the open ones whose condition is gone.
 */
export async function checkAlerts(
  ctx: AppContext,
  deps: MonitoringDeps,
): Promise<{ opened: OpsAlertKind[]; resolved: OpsAlertKind[] }> {
  const traffic = await deps.traffic.figures();
  const now = ctx.clock.now();
  const holding = breaches(traffic, ctx.config.slowResponseSeconds);
  const open = await repo.openAlerts(ctx.db);
  const opened: OpsAlertKind[] = [];
  const resolved: OpsAlertKind[] = [];
  for (const row of open)
    if (!holding.has(row.kind as OpsAlertKind)) {
      await repo.resolveAlert(ctx.db, row.id, now);
      resolved.push(row.kind as OpsAlertKind);
    }
  for (const kind of holding) {
    if (open.some((row) => row.kind === kind)) continue;
    const recipients = await staffEmailsWithRoles(ctx, ALERT_ROLES);
    const id = newId();
    const mail = alertMail(kind, traffic, ctx.config.slowResponseSeconds);
    const created = await ctx.db.transaction(async (tx) => {
      const inserted = await repo.insertAlert(tx, {
        id,
        kind,
        status: 'open',
        openedAt: now,
        p95Ms: traffic.p95Ms,
        errorRatePct: Math.round(errorRate(traffic) * 10) / 10,
        requests: traffic.requests,
        notified: recipients.length,
      });
      // another instance opened the same alert in the same minute: it mails
      if (!inserted) return false;
      for (const r of recipients)
        await queueMail(ctx.jobs, { to: r.email, ...mail }, { tx, dedupeKey: `ops-alert:${id}:${r.id}` });
      return true;
    });
    if (created) {
      opened.push(kind);
      ctx.log.warn({ kind, traffic }, 'operations alert opened');
    }
  }
  return { opened, resolved };
}

function alertMail(kind: OpsAlertKind, t: TrafficFigures, slowSeconds: number) {
  const rate = errorRate(t).toFixed(1);
  const [zh, en] =
    kind === 'slow_responses'
      ? [
          `响应变慢：近 5 分钟 P95 为 ${t.p95Ms} 毫秒，超过 ${slowSeconds} 秒`,
          `Slow responses: p95 ${t.p95Ms} ms over the last 5 minutes, above ${slowSeconds} s`,
        ]
      : [
          `服务端错误激增：近 5 分钟 ${t.requests} 个请求中 ${t.serverErrors} 个出错（${rate}%）`,
          `Server error spike: ${t.serverErrors} of ${t.requests} requests failed over the last 5 minutes (${rate}%)`,
        ];
  return {
    subject: `【筑合运行告警】${zh} / ZhuHe alert`,
    text: `${zh}\n${en}\n\n运行状态 / Status: /staff/status`,
  };
}

const seconds = (from: Date | null | undefined, to: Date) =>
  from ? Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000)) : null;

async function databaseHealth(ctx: AppContext): Promise<DependencyHealth> {
  const started = performance.now();
  try {
    await repo.ping(ctx.db);
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    return { name: 'database', state: latencyMs > 500 ? 'degraded' : 'ok', figures: { latencyMs } };
  } catch {
    return { name: 'database', state: 'down', figures: { latencyMs: null } };
  }
}

/** The read replica's lag as it reports it; without a replica every read is on the primary, which is no fault. */
async function replicaHealth(replica: ReadReplica | null | undefined): Promise<ReadReplicaHealth> {
  const health = (state: ReadReplicaHealth['state'], lagSeconds: number | null): ReadReplicaHealth => ({
    configured: Boolean(replica),
    state,
    lagSeconds,
    lagLimitSeconds: REPLICA_LAG_LIMIT_SECONDS,
  });
  if (!replica) return health('not_configured', null);
  let timer: NodeJS.Timeout | undefined;
  try {
    const lag = await Promise.race([
      replica.lagSeconds(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('read replica timed out')), REPLICA_TIMEOUT_MS);
      }),
    ]);
    // null: it answered but has no replay position to measure from (not a standby, or not streaming yet)
    if (lag === null) return health('unreachable', null);
    const seconds = Math.round(lag * 10) / 10;
    return health(seconds > REPLICA_LAG_LIMIT_SECONDS ? 'lagging' : 'ok', seconds);
  } catch {
    return health('unreachable', null);
  } finally {
    clearTimeout(timer);
  }
}

/** The job queue (and the mail outbox in it): work due but not taken, and what failed for good in a day. */
async function queueHealth(ctx: AppContext): Promise<DependencyHealth[]> {
  // the queue runs on the wall clock (run_at), not the business clock
  const wall = new Date();
  const rows = await repo.queueFigures(ctx.db, wall, new Date(wall.getTime() - 24 * 3600_000));
  const part = (mail: boolean) => rows.find((r) => Boolean(r.mail) === mail);
  const judge = (waiting: number | null, failed: number, retrying: number) =>
    waiting !== null && waiting > 1800
      ? 'down'
      : (waiting ?? 0) > 300 || failed > 0 || retrying > 0
        ? 'degraded'
        : 'ok';
  const queue = part(false);
  const mail = part(true);
  const queueWait = seconds(queue?.oldestDue, wall);
  const mailWait = seconds(mail?.oldestDue, wall);
  return [
    {
      name: 'job_queue',
      state: judge(queueWait, 0, 0),
      figures: { due: queue?.due ?? 0, oldestDueSeconds: queueWait, failed24h: queue?.failed ?? 0 },
    },
    {
      name: 'mail',
      state: judge(mailWait, mail?.failed ?? 0, mail?.retrying ?? 0),
      figures: { queued: mail?.due ?? 0, retrying: mail?.retrying ?? 0, failed24h: mail?.failed ?? 0 },
    },
  ];
}

/** statfs of the data directory, or of its nearest existing parent before it is created. */
async function statfsNearest(path: string): Promise<StatsFs> {
  try {
    return await statfs(path);
  } catch (error) {
    const parent = dirname(path);
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === path) throw error;
    return statfsNearest(parent);
  }
}

async function diskHealth(ctx: AppContext): Promise<DependencyHealth> {
  try {
    const s = await statfsNearest(ctx.config.dataDir);
    const freePct = Math.round((1000 * s.bavail) / s.blocks) / 10;
    const freeGiB = Math.round(((s.bavail * s.bsize) / 1024 ** 3) * 10) / 10;
    return {
      name: 'disk',
      state: freePct < 2 ? 'down' : freePct < 10 ? 'degraded' : 'ok',
      figures: { freePct, freeGiB },
    };
  } catch {
    return { name: 'disk', state: 'down', figures: { freePct: null, freeGiB: null } };
  }
}

const presentBreaker = (b: BreakerSnapshot): OpsBreaker => ({
  name: b.name,
  state: b.state,
  timeoutMs: b.timeoutMs,
  calls: b.calls,
  failures: b.failures,
  timeouts: b.timeouts,
  rejects: b.rejects,
  lastFailureAt: b.lastFailureAt?.toISOString() ?? null,
  lastError: b.lastError,
  openedAt: b.openedAt?.toISOString() ?? null,
  queued: b.queued,
});

/** What signed-in users are told while a dependency's breaker is open or probing: what is delayed, not why. */
export const NOTICE_TEXT: Record<BreakerDependency, { 'zh-CN': string; en: string }> = {
  smtp: { 'zh-CN': '邮件发送延迟，稍后自动补发', en: 'Mail is delayed and will be sent automatically' },
  bank: {
    'zh-CN': '银行处理延迟，付款状态稍后更新',
    en: 'Bank processing is delayed; payment status will update later',
  },
  sms: { 'zh-CN': '短信发送暂时不可用，请稍后再试', en: 'Text messages cannot be sent for now; try again later' },
};

/** 服务延迟提示: one notice per degraded dependency of this process; none when all is well. */
export async function notices(ctx: AppContext): Promise<SystemNotices> {
  const degraded = (await ctx.resilience.snapshot()).filter((b) => b.state !== 'closed');
  return {
    notices: degraded.map((b) => ({
      dependency: b.name,
      message: NOTICE_TEXT[b.name],
      since: b.openedAt?.toISOString() ?? null,
    })),
  };
}

/** 运行状态: the window's traffic, each dependency's health, the breakers, the open and recent alerts. */
export async function status(ctx: AppContext, deps: MonitoringDeps): Promise<OpsStatus> {
  const now = ctx.clock.now();
  const [traffic, database, queue, disk, readReplica, recent, breakers] = await Promise.all([
    deps.traffic.figures(),
    databaseHealth(ctx),
    queueHealth(ctx),
    diskHealth(ctx),
    replicaHealth(deps.replica),
    repo.recentAlerts(ctx.db, RECENT_ALERTS),
    ctx.resilience.snapshot(),
  ]);
  return {
    checkedAt: now.toISOString(),
    windowMinutes: deps.traffic.windowMinutes,
    thresholds: {
      slowSeconds: ctx.config.slowResponseSeconds,
      errorRatePct: ERROR_RATE_PCT,
      minRequests: MIN_REQUESTS,
    },
    traffic,
    dependencies: [database, ...queue, disk],
    readReplica,
    breakers: breakers.map(presentBreaker),
    alerts: recent.map(presentAlert),
  };
}

/** Demo history: an episode of slow responses a few days ago, opened and resolved by the check. */
export async function recordPastAlert(
  ctx: AppContext,
  alert: {
    kind: OpsAlertKind;
    openedAt: Date;
    resolvedAt: Date;
    p95Ms: number | null;
    errorRatePct: number;
    requests: number;
    notified: number;
  },
): Promise<void> {
  await repo.insertAlert(ctx.db, { id: newId(), status: 'resolved', ...alert });
}

/**
 * 告警记录 for the promises board: the slow-response threshold in force (seed: alert over 3 s) and the alerts
 * opened since `since`. Availability is not derived from these: the minute check records slow responses and
 * error spikes, not downtime.
 */
export async function alertHistory(ctx: AppContext, since: Date) {
  const alerts = await repo.alertsSince(ctx.db, since);
  return {
    slowSeconds: ctx.config.slowResponseSeconds,
    alerts: alerts.map((a) => ({ id: a.id, kind: a.kind, openedAt: a.openedAt, resolvedAt: a.resolvedAt })),
  };
}
