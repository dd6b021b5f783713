import type { AppContext } from '../../infra/context';
import { newId } from '../../infra/ids';
import type { AnalyticsDeps } from './analytics.deps';
import { analyticsErrors } from './analytics.errors';
import * as repo from './analytics.insights.repository';
import { growthTeam } from './analytics.policy';

/**
 * 商家预警 thresholds (MERCH-5/7/8), checked daily:
 * - activity drop: a merchant's exposure (its pages viewed) or inquiries received over the last 7 days are below
 *   `ACTIVITY_DROP_SHARE` of its weekly average over the 4 weeks before, when that average is at least
 *   `MIN_WEEKLY_BASELINE` (so a merchant with a handful of views does not alert on noise);
 * - complaint rate: complaints (disputes filed against the merchant) over the last `COMPLAINT_WINDOW_DAYS` per deal
 *   it closed as supplier in that time above `MAX_COMPLAINT_RATE`, with at least `MIN_COMPLAINTS` complaints (no
 *   deals counts as rate 1).
 */
export const ALERT_RULES = {
  ACTIVITY_DROP_SHARE: 0.5,
  MIN_WEEKLY_BASELINE: 5,
  COMPLAINT_WINDOW_DAYS: 90,
  MAX_COMPLAINT_RATE: 0.1,
  MIN_COMPLAINTS: 2,
} as const;

type Rule = 'exposure_drop' | 'inquiry_drop' | 'complaint_rate';
type ActivityRow = repo.ActivityRow;

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The alerts the rules raise at `asOf` (pure: the evidence for each). */
export function evaluateRules(
  rows: ActivityRow[],
  complaintRows: { org_id: string; complaints: number; deals: number }[],
): { orgId: string; rule: Rule; evidence: Record<string, number> }[] {
  const raised: { orgId: string; rule: Rule; evidence: Record<string, number> }[] = [];
  for (const r of rows) {
    for (const [rule, now, before] of [
      ['exposure_drop', r.exposure_now, r.exposure_before],
      ['inquiry_drop', r.inquiries_now, r.inquiries_before],
    ] as const) {
      const average = before / 4;
      if (average >= ALERT_RULES.MIN_WEEKLY_BASELINE && now < average * ALERT_RULES.ACTIVITY_DROP_SHARE)
        raised.push({
          orgId: r.org_id,
          rule,
          evidence: {
            current: now,
            average: round(average),
            share: round(now / average),
            threshold: ALERT_RULES.ACTIVITY_DROP_SHARE,
          },
        });
    }
  }
  for (const c of complaintRows) {
    const rate = c.deals > 0 ? c.complaints / c.deals : 1;
    if (c.complaints >= ALERT_RULES.MIN_COMPLAINTS && rate > ALERT_RULES.MAX_COMPLAINT_RATE)
      raised.push({
        orgId: c.org_id,
        rule: 'complaint_rate',
        evidence: {
          complaints: c.complaints,
          deals: c.deals,
          rate: round(rate),
          threshold: ALERT_RULES.MAX_COMPLAINT_RATE,
          days: ALERT_RULES.COMPLAINT_WINDOW_DAYS,
        },
      });
  }
  return raised;
}

/** The Monday (Shanghai) of `at`'s week. */
export function weekStartOf(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3_600_000);
  const back = (local.getUTCDay() + 6) % 7;
  return new Date(local.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

const TEXT: Record<Rule, { title: string; body: (e: Record<string, number>) => string }> = {
  exposure_drop: {
    title: '商家预警：曝光下降',
    body: (e) => `近 7 天曝光 ${e.current}，低于前 4 周周均 ${e.average} 的 50%。`,
  },
  inquiry_drop: {
    title: '商家预警：询价下降',
    body: (e) => `近 7 天收到询价 ${e.current}，低于前 4 周周均 ${e.average} 的 50%。`,
  },
  complaint_rate: {
    title: '商家预警：投诉率超标',
    body: (e) =>
      `近 ${e.days} 天投诉 ${e.complaints} 起、成交 ${e.deals} 笔，投诉率 ${((e.rate ?? 0) * 100).toFixed(1)}% 高于 ${(
        (e.threshold ?? 0) * 100
      ).toFixed(0)}%。`,
  },
};

/**
 * The daily check: raises each rule's alert once per merchant and week, and tells the merchant's organisation and
 * the growth team (in-app notifications).
 */
export async function checkMerchantAlerts(ctx: AppContext, deps: AnalyticsDeps, asOf = ctx.clock.now()) {
  const [rows, complaintRows] = await Promise.all([
    repo.merchantActivity(ctx.db, asOf),
    repo.merchantComplaints(ctx.db, asOf, ALERT_RULES.COMPLAINT_WINDOW_DAYS),
  ]);
  const weekStart = weekStartOf(asOf);
  let raised = 0;
  const staff = await deps.staffEmails(growthTeam);
  for (const alert of evaluateRules(rows, complaintRows)) {
    const created = await repo.insertAlert(ctx.db, {
      id: newId(),
      orgId: alert.orgId,
      rule: alert.rule,
      weekStart,
      evidence: alert.evidence,
      status: 'open',
      raisedAt: asOf,
      updatedAt: asOf,
    });
    if (!created) continue;
    raised++;
    const text = TEXT[alert.rule];
    const body = text.body(alert.evidence);
    await deps.notify({
      orgId: alert.orgId,
      kind: 'risk.merchant_alert',
      title: text.title,
      body,
      link: '/workspace/merchant/stats',
    });
    for (const member of staff)
      await deps.notify({
        userId: member.id,
        kind: 'risk.merchant_alert',
        title: text.title,
        body,
        link: '/staff/growth/kpis',
      });
  }
  return { raised };
}

async function present(deps: AnalyticsDeps, rows: repo.AlertRow[]) {
  const names = await deps.orgNames([...new Set(rows.map((r) => r.orgId))]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      orgId: r.orgId,
      orgName: names.get(r.orgId) ?? null,
      rule: r.rule,
      weekStart: r.weekStart,
      evidence: r.evidence,
      status: r.status,
      raisedAt: r.raisedAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    })),
  };
}

export async function listMerchantAlerts(
  ctx: Pick<AppContext, 'db'>,
  deps: AnalyticsDeps,
  filter: { orgId?: string; status?: repo.AlertRow['status'] | undefined },
) {
  const rows = await repo.listAlerts(ctx.db, filter);
  return present(deps, rows);
}

/** Acknowledge (确认) or resolve (解决) an alert; `orgId` limits it to that merchant's own alerts. */
export async function updateMerchantAlert(
  ctx: AppContext,
  deps: AnalyticsDeps,
  alertId: string,
  status: 'acknowledged' | 'resolved',
  by: { userId: string; orgId?: string },
) {
  const row = await repo.updateAlert(ctx.db, alertId, by.orgId, {
    status,
    updatedAt: ctx.clock.now(),
    updatedBy: by.userId,
  });
  if (!row) throw analyticsErrors.raise('ANALYTICS_ALERT_NOT_FOUND');
  const [presented] = (await present(deps, [row])).items;
  return presented;
}
