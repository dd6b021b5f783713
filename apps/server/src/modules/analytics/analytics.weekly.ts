import { isWorkingDay, shanghaiDate, shanghaiDateTime } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import { queueMail } from '../../infra/mail/outbox';
import { PdfWriter } from '../../infra/pdf/pdf-writer';
import { computeChannelEconomics } from './analytics.analyses';
import type { AnalyticsDeps } from './analytics.deps';
import { addDays, evaluateKpis, type KpiKey, kpiBoard } from './analytics.kpis';
import { growthTeam } from './analytics.policy';

/**
 * 数据驱动周报 the growth team's weekly report (GROW-7, seed 000 §4(四)): the KPI board with baseline, target and
 * actual, the improvement tasks its alerts opened, and the week's channels. Sent every Friday by the working-day
 * calendar: when Friday is a holiday, on the last working day before it in the same week; a week without one has
 * no report. The PDF can be downloaded for any day from the growth board.
 */

const KPI_NAMES: Record<KpiKey, string> = {
  retention: '留存率',
  cac: '获客成本',
  conversion: '注册转化率',
  acquisition: '新增组织',
  matching: '撮合成功率',
};

/** The day (YYYY-MM-DD, Shanghai) the week of `day` sends its report, or null when Monday to Friday are all off. */
export function reportDayOfWeek(day: string): string | null {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
  const friday = addDays(day, 5 - (weekday === 0 ? 7 : weekday));
  for (let d = friday, i = 0; i < 5; d = addDays(d, -1), i++) if (isWorkingDay(d)) return d;
  return null;
}

function shown(unit: string, value: number | null): string {
  if (value === null) return '—';
  if (unit === 'percent') return `${value}%`;
  if (unit === 'fen') return `¥${(value / 100).toFixed(2)}`;
  return String(value);
}

export async function weeklyReportPdf(ctx: AppContext, asOf?: string): Promise<{ name: string; bytes: Buffer }> {
  const day = asOf ?? shanghaiDate(ctx.clock.now());
  const weekStart = addDays(day, -6);
  const [board, week] = await Promise.all([
    kpiBoard(ctx, day),
    computeChannelEconomics(ctx, { from: weekStart, to: day }),
  ]);
  const w = await PdfWriter.create({ title: `筑合数据驱动周报 ${day}`, footer: `筑合数据驱动周报 · ${day}` });
  w.heading(`数据驱动周报（${weekStart} 至 ${day}）`, 18);
  w.text(`生成时间：${shanghaiDateTime(ctx.clock.now())}    KPI 统计期：${board.periodStart} 至 ${board.periodEnd}`, {
    size: 10,
    gap: 8,
  });
  w.heading('一、KPI：基准值 · 目标值 · 实际值', 13);
  w.table(
    [
      { title: '指标', width: 0.22 },
      { title: '基准值', width: 0.16 },
      { title: '目标值', width: 0.16 },
      { title: '预警线', width: 0.16 },
      { title: '实际值', width: 0.16 },
      { title: '状态', width: 0.14 },
    ],
    board.kpis.map((k) => [
      KPI_NAMES[k.key],
      shown(k.unit, k.baseline),
      shown(k.unit, k.target),
      `${k.direction === 'min' ? '低于' : '高于'} ${shown(k.unit, k.threshold)}`,
      shown(k.unit, k.actual),
      k.actual === null ? '暂无数据' : k.alerting ? '预警' : '正常',
    ]),
  );
  w.heading('二、改进任务', 13);
  const open = board.tasks.filter((t) => t.status !== 'done');
  if (open.length === 0) w.text('本期没有未完成的改进任务。', { gap: 6 });
  else
    w.table(
      [
        { title: '指标', width: 0.25 },
        { title: '统计期起', width: 0.2 },
        { title: '实际 / 预警线', width: 0.25 },
        { title: '负责人', width: 0.15 },
        { title: '状态', width: 0.15 },
      ],
      open.map((t) => {
        const unit = board.kpis.find((k) => k.key === t.kpi)?.unit ?? 'count';
        return [
          KPI_NAMES[t.kpi],
          t.periodStart,
          `${shown(unit, t.actual)} / ${shown(unit, t.threshold)}`,
          t.ownerName ?? '待指派',
          '进行中',
        ];
      }),
    );
  w.heading('三、本周渠道', 13);
  const channels = week.items.filter((c) => c.newOrgs > 0 || c.costFen > 0);
  if (channels.length === 0) w.text('本周没有新增组织，也没有录入渠道成本。', { gap: 6 });
  else
    w.table(
      [
        { title: '渠道', width: 0.3 },
        { title: '新增组织', width: 0.2 },
        { title: '成本', width: 0.25 },
        { title: '获客成本', width: 0.25 },
      ],
      channels.map((c) => [c.channel, String(c.newOrgs), shown('fen', c.costFen), shown('fen', c.cacFen)]),
    );
  return { name: `筑合数据驱动周报-${day}.pdf`, bytes: await w.save() };
}

/**
 * The weekly job (runs every day at 17:00 Shanghai; acts only on the week's report day): evaluates the board, which
 * opens the improvement tasks of alerting KPIs, and mails admins and operators a summary with the link to the PDF.
 * Once per reader and day, whichever process runs it.
 */
export async function sendWeeklyReport(
  ctx: AppContext,
  deps: AnalyticsDeps,
): Promise<{ sent: number; day: string | null }> {
  const today = shanghaiDate(ctx.clock.now());
  if (reportDayOfWeek(today) !== today) return { sent: 0, day: null };
  const board = await evaluateKpis(ctx, null, today);
  const alerts = board.kpis.filter((k) => k.alerting);
  const readers = await deps.staffEmails(growthTeam);
  const lines = board.kpis.map(
    (k) =>
      `${KPI_NAMES[k.key]}：${shown(k.unit, k.actual)}（目标 ${shown(k.unit, k.target)}）${k.alerting ? ' ⚠ 预警' : ''}`,
  );
  const text = [
    `本周 KPI（${board.periodStart} 至 ${board.periodEnd}）`,
    ...lines,
    '',
    alerts.length > 0 ? `${alerts.length} 项预警，已开改进任务。` : '所有 KPI 均在预警线内。',
    `周报 PDF / Weekly report: /api/staff/growth/weekly-report.pdf?asOf=${today}`,
    'KPI 看板 / KPI board: /staff/growth/kpis',
  ].join('\n');
  for (const r of readers)
    await queueMail(
      ctx.jobs,
      {
        to: r.email,
        subject: `【筑合数据驱动周报】${today}${alerts.length > 0 ? `：${alerts.length} 项预警` : ''}`,
        text,
      },
      { dedupeKey: `growth-weekly:${today}:${r.id}` },
    );
  return { sent: readers.length, day: today };
}
