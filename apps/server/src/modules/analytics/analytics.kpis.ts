import type { AppContext } from '../../infra/context';
import { newId } from '../../infra/ids';
import { computeChannelEconomics, dayRange } from './analytics.analyses';
import { analyticsErrors } from './analytics.errors';
import * as repo from './analytics.repository';

export type KpiKey = 'retention' | 'cac' | 'conversion' | 'acquisition' | 'matching';

interface KpiDefinition {
  key: KpiKey;
  unit: 'percent' | 'fen' | 'count';
  /** 基准值 where we started */
  baseline: number;
  /** 目标值 where we aim */
  target: number;
  /** the alert line (seed 000 §4(四), GROW-7, MERCH-8) */
  threshold: number;
  /** `min`: alert below the threshold; `max`: alert above it */
  direction: 'min' | 'max';
}

/** KPI 看板 the growth board's indicators, measured over the 28 days up to the day of the board. */
export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  /** 留存率 organisations active in the previous 28 days that are active again in these 28 */
  { key: 'retention', unit: 'percent', baseline: 65, target: 75, threshold: 70, direction: 'min' },
  /** 获客成本 channel costs of the period / new organisations (¥25 = 2,500 fen) */
  { key: 'cac', unit: 'fen', baseline: 3000, target: 2000, threshold: 2500, direction: 'max' },
  /** 注册转化率 registrations / distinct consenting visitors */
  { key: 'conversion', unit: 'percent', baseline: 10, target: 15, threshold: 12, direction: 'min' },
  /** 拉新 new organisations; alerts below 80 % of target */
  { key: 'acquisition', unit: 'count', baseline: 30, target: 40, threshold: 32, direction: 'min' },
  /** 撮合成功率 deals won / inquiries received (MERCH-8: ≥ 35 %) */
  { key: 'matching', unit: 'percent', baseline: 28, target: 35, threshold: 35, direction: 'min' },
];

const PERIOD_DAYS = 28;
const DAY_MS = 86_400_000;

function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

async function actuals(
  ctx: AppContext,
  periodStart: string,
  periodEnd: string,
): Promise<Record<KpiKey, number | null>> {
  const current = dayRange(periodStart, periodEnd);
  const previous = dayRange(addDays(periodStart, -PERIOD_DAYS), addDays(periodStart, -1));
  const [retained, visitors, registrations, economics, merchants] = await Promise.all([
    repo.retainedOrgs(ctx.db, previous, current),
    repo.countDistinct(ctx.db, { names: ['page.viewed'], column: 'anonymous_id', ...current }),
    repo.countDistinct(ctx.db, { names: ['user.registered'], column: 'user_id', ...current }),
    computeChannelEconomics(ctx, { from: periodStart, to: periodEnd }),
    repo.merchantConversions(ctx.db, current),
  ]);
  const cost = economics.items.reduce((sum, c) => sum + c.costFen, 0);
  const newOrgs = economics.items.reduce((sum, c) => sum + c.newOrgs, 0);
  const inquiries = await repo.countDistinct(ctx.db, { names: ['inquiry.received'], column: 'org_id', ...current });
  return {
    retention: percent(retained.kept, retained.before),
    cac: newOrgs > 0 && cost > 0 ? Math.round(cost / newOrgs) : null,
    conversion: percent(registrations, visitors),
    acquisition: newOrgs,
    matching:
      inquiries > 0 && merchants.length > 0
        ? Math.round((merchants.reduce((s, c) => s + c, 0) / merchants.length) * 1000) / 10
        : null,
  };
}

function alerting(definition: KpiDefinition, actual: number | null): boolean {
  if (actual === null) return false;
  return definition.direction === 'min' ? actual < definition.threshold : actual > definition.threshold;
}

export async function kpiBoard(ctx: AppContext, asOf?: string) {
  const periodEnd = asOf ?? shanghaiDay(ctx.clock.now());
  const periodStart = addDays(periodEnd, -(PERIOD_DAYS - 1));
  const measured = await actuals(ctx, periodStart, periodEnd);
  const kpis = KPI_DEFINITIONS.map((d) => ({ ...d, actual: measured[d.key], alerting: alerting(d, measured[d.key]) }));
  const tasks = (await repo.listKpiTasks(ctx.db)).map((t) => ({
    id: t.id,
    kpi: t.kpi as KpiKey,
    periodStart: t.periodStart,
    actual: Number(t.actual),
    threshold: Number(t.threshold),
    ownerUserId: t.ownerUserId,
    ownerName: t.ownerName,
    status: t.status,
    openedAt: t.openedAt.toISOString(),
  }));
  return { periodStart, periodEnd, kpis, tasks };
}

/**
 * Opens an improvement task (改进任务) for every KPI over its alert line, owned by whoever evaluates the board
 * (the weekly job passes no owner); one task per KPI and period, so evaluating twice changes nothing.
 */
export async function evaluateKpis(
  ctx: AppContext,
  owner: { userId: string; name: string | null } | null,
  asOf?: string,
) {
  const board = await kpiBoard(ctx, asOf);
  for (const kpi of board.kpis) {
    if (!kpi.alerting || kpi.actual === null) continue;
    await repo.openKpiTask(ctx.db, {
      id: newId(),
      kpi: kpi.key,
      periodStart: board.periodStart,
      actual: kpi.actual,
      threshold: kpi.threshold,
      ownerUserId: owner?.userId ?? null,
      ownerName: owner?.name ?? null,
      status: 'open',
      openedAt: ctx.clock.now(),
    });
  }
  return kpiBoard(ctx, asOf);
}

export async function updateKpiTask(
  ctx: AppContext,
  taskId: string,
  patch: { status?: 'open' | 'done'; ownerUserId?: string },
) {
  const row = await repo.updateKpiTask(ctx.db, taskId, {
    ...(patch.status ? { status: patch.status } : {}),
    ...(patch.ownerUserId ? { ownerUserId: patch.ownerUserId, ownerName: null } : {}),
  });
  if (!row) throw analyticsErrors.raise('ANALYTICS_TASK_NOT_FOUND');
  return kpiBoard(ctx);
}
