import type { OpsExperienceReport, TicketCategory } from '@zhuhe/contracts';
import { shanghaiDate, shanghaiDateTime } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import { PdfWriter } from '../../infra/pdf/pdf-writer';
import { behaviourBetween } from '../analytics';
import { board, ratingsBetween } from '../tickets';
import { operationErrors } from './operations.errors';
import * as repo from './operations.repository';
import { currentMonth, monthWindow } from './operations.service';

/**
 * 《用户体验改进报告》 (seed 000 §5: 客服工单、用户调研、行为日志 → 每月一份): the month's tickets from the ticket
 * desk's board, the requesters' ratings as the feedback, and the product events as the behaviour, with findings
 * drawn from them by fixed rules. Stored per month as shown, so the page and the PDF say the same thing.
 */

export const CATEGORY_NAMES: Record<TicketCategory, { 'zh-CN': string; en: string }> = {
  account: { 'zh-CN': '账号与登录', en: 'Account' },
  verification: { 'zh-CN': '企业认证', en: 'Verification' },
  tendering: { 'zh-CN': '招投标', en: 'Tendering' },
  contract: { 'zh-CN': '合同', en: 'Contracts' },
  payment: { 'zh-CN': '支付与资金', en: 'Payments' },
  technical: { 'zh-CN': '技术问题', en: 'Technical' },
  other: { 'zh-CN': '其他', en: 'Other' },
};
const categoryName = (c: string) => CATEGORY_NAMES[c as TicketCategory] ?? { 'zh-CN': c, en: c };
const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;
/** ratings at or below this are listed as complaints to read */
const LOW_STARS = 3;
/** the first answer the desk aims at (minutes), above which the report says so */
const FIRST_ANSWER_AIM_MINUTES = 60;

export async function buildReport(ctx: AppContext, month: string, generatedBy: string): Promise<OpsExperienceReport> {
  const { from, to } = monthWindow(month);
  const [tickets, ratings, behaviour] = await Promise.all([
    board(ctx, month, ctx.clock.now()),
    ratingsBetween(ctx, from, to),
    behaviourBetween(ctx, from, to),
  ]);
  const distribution = [1, 2, 3, 4, 5].map((s) => ratings.filter((r) => r.stars === s).length);
  const averageStars = ratings.length
    ? Math.round((ratings.reduce((sum, r) => sum + r.stars, 0) / ratings.length) * 100) / 100
    : null;
  const byCategory = [...tickets.byCategory]
    .sort((a, b) => b.opened - a.opened)
    .map((c) => ({ category: c.category, opened: c.opened, firstMonthResolutionRate: c.firstMonthResolutionRate }));

  const findings: OpsExperienceReport['findings'] = [];
  const rate = tickets.overall.firstMonthResolutionRate;
  if (rate !== null && rate < tickets.target) {
    const worst = byCategory
      .filter((c) => c.firstMonthResolutionRate !== null)
      .sort((a, b) => (a.firstMonthResolutionRate as number) - (b.firstMonthResolutionRate as number))[0];
    findings.push({
      'zh-CN': `工单当月解决率 ${pct(rate)}，低于 ${pct(tickets.target)} 的目标${worst ? `；「${categoryName(worst.category)['zh-CN']}」类最低（${pct(worst.firstMonthResolutionRate as number)}），建议成立专项优化小组，30 天内完成流程改进` : ''}。`,
      en: `Tickets resolved within the month: ${pct(rate)}, below the ${pct(tickets.target)} target${worst ? `; ${categoryName(worst.category).en} is lowest (${pct(worst.firstMonthResolutionRate as number)}) — set up a task force to rework it within 30 days` : ''}.`,
    });
  } else if (rate !== null)
    findings.push({
      'zh-CN': `工单当月解决率 ${pct(rate)}，达到 ${pct(tickets.target)} 的目标。`,
      en: `Tickets resolved within the month: ${pct(rate)}, meeting the ${pct(tickets.target)} target.`,
    });
  const top = byCategory[0];
  if (top && top.opened > 0)
    findings.push({
      'zh-CN': `「${categoryName(top.category)['zh-CN']}」是本月问题最多的类别（${top.opened} 件，占 ${pct(top.opened / Math.max(tickets.overall.opened, 1))}），是优先改进的对象。`,
      en: `${categoryName(top.category).en} drew the most tickets this month (${top.opened}, ${pct(top.opened / Math.max(tickets.overall.opened, 1))}) and comes first for improvement.`,
    });
  const slowAnswer = tickets.overall.medianFirstAnswerMinutes;
  if (slowAnswer !== null && slowAnswer > FIRST_ANSWER_AIM_MINUTES)
    findings.push({
      'zh-CN': `首次响应中位时长 ${slowAnswer} 分钟，超过 ${FIRST_ANSWER_AIM_MINUTES} 分钟。`,
      en: `Median first answer ${slowAnswer} minutes, over ${FIRST_ANSWER_AIM_MINUTES} minutes.`,
    });
  const low = ratings.filter((r) => r.stars <= LOW_STARS);
  if (averageStars !== null)
    findings.push({
      'zh-CN': `用户评价 ${ratings.length} 条，平均 ${averageStars} 星；${low.length} 条不高于 ${LOW_STARS} 星${low.length ? '，原文见「用户反馈」一节' : ''}。`,
      en: `${ratings.length} ratings, ${averageStars} stars on average; ${low.length} at ${LOW_STARS} stars or fewer${low.length ? ' (quoted under Feedback)' : ''}.`,
    });
  else
    findings.push({
      'zh-CN': '本月没有用户评价，建议客服在工单解决后提醒用户评价。',
      en: 'No ratings this month; support should ask requesters to rate resolved tickets.',
    });
  findings.push({
    'zh-CN': `本月活跃用户 ${behaviour.active.users} 人、活跃组织 ${behaviour.active.orgs} 家，行为日志 ${behaviour.events.reduce((s, e) => s + e.count, 0)} 条。`,
    en: `${behaviour.active.users} active users and ${behaviour.active.orgs} active organisations; ${behaviour.events.reduce((s, e) => s + e.count, 0)} product events.`,
  });

  return {
    month,
    generatedAt: ctx.clock.now().toISOString(),
    generatedBy,
    tickets: {
      opened: tickets.overall.opened,
      resolvedInMonth: tickets.overall.resolvedInMonth,
      firstMonthResolutionRate: rate,
      target: tickets.target,
      medianFirstAnswerMinutes: tickets.overall.medianFirstAnswerMinutes,
      medianResolutionMinutes: tickets.overall.medianResolutionMinutes,
      byCategory,
    },
    feedback: {
      ratings: ratings.length,
      averageStars,
      distribution,
      lowRated: low.slice(0, 10).map((r) => ({ category: r.category, stars: r.stars, comment: r.comment })),
    },
    behaviour: {
      activeUsers: behaviour.active.users,
      activeOrgs: behaviour.active.orgs,
      topEvents: behaviour.events.slice(0, 10).map((e) => ({ name: e.name, count: e.count, users: e.users })),
    },
    findings,
  };
}

/** Generates (again) and stores the month's report; a month that has not begun has none. */
export async function generateReport(ctx: AppContext, month: string, generatedBy: string) {
  if (month > currentMonth(ctx)) throw operationErrors.raise('OPS_REPORT_MONTH_FUTURE', { month });
  const report = await buildReport(ctx, month, generatedBy);
  await repo.upsertReport(ctx.db, {
    month,
    content: report as unknown as Record<string, unknown>,
    generatedAt: new Date(report.generatedAt),
    generatedBy,
    periodStart: `${month}-01`,
  });
  return report;
}

export async function getReport(ctx: AppContext, month: string): Promise<OpsExperienceReport> {
  const row = await repo.findReport(ctx.db, month);
  if (!row) throw operationErrors.raise('OPS_REPORT_NOT_FOUND', { month });
  return row.content as unknown as OpsExperienceReport;
}

export async function listReports(ctx: AppContext) {
  return {
    items: (await repo.listReports(ctx.db)).map((r) => ({
      month: r.month,
      generatedAt: r.generatedAt.toISOString(),
      generatedBy: r.generatedBy,
    })),
  };
}

/** The monthly job: on the 1st, last month's report, unless someone generated it already. */
export async function prepareLastMonth(ctx: AppContext): Promise<string | null> {
  const today = shanghaiDate(ctx.clock.now());
  const [y, m] = today.slice(0, 7).split('-').map(Number) as [number, number];
  const last = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  if (await repo.findReport(ctx.db, last)) return null;
  await generateReport(ctx, last, '系统');
  return last;
}

const minutes = (v: number | null) => (v === null ? '—' : v >= 120 ? `${Math.round(v / 6) / 10} 小时` : `${v} 分钟`);

export async function reportPdf(ctx: AppContext, month: string): Promise<{ name: string; bytes: Buffer }> {
  const r = await getReport(ctx, month);
  const w = await PdfWriter.create({
    title: `筑合用户体验改进报告 ${month}`,
    footer: `筑合用户体验改进报告 · ${month}`,
  });
  w.heading(`用户体验改进报告（${month}）`, 18);
  w.text(`生成时间：${shanghaiDateTime(new Date(r.generatedAt))}    生成人：${r.generatedBy}`, { size: 10, gap: 8 });
  w.heading('一、主要发现与改进建议', 13);
  r.findings.forEach((f, i) => {
    w.text(`${i + 1}. ${f['zh-CN']}`, { gap: 4 });
  });
  w.heading('二、客服工单', 13);
  w.table(
    [
      { title: '新建工单', width: 0.2 },
      { title: '当月解决', width: 0.2 },
      { title: '当月解决率（目标）', width: 0.2 },
      { title: '首次响应中位', width: 0.2 },
      { title: '解决中位', width: 0.2 },
    ],
    [
      [
        String(r.tickets.opened),
        String(r.tickets.resolvedInMonth),
        `${r.tickets.firstMonthResolutionRate === null ? '—' : pct(r.tickets.firstMonthResolutionRate)}（${pct(r.tickets.target)}）`,
        minutes(r.tickets.medianFirstAnswerMinutes),
        minutes(r.tickets.medianResolutionMinutes),
      ],
    ],
  );
  if (r.tickets.byCategory.length > 0)
    w.table(
      [
        { title: '类别', width: 0.4 },
        { title: '工单数', width: 0.3 },
        { title: '当月解决率', width: 0.3 },
      ],
      r.tickets.byCategory.map((c) => [
        categoryName(c.category)['zh-CN'],
        String(c.opened),
        c.firstMonthResolutionRate === null ? '—' : pct(c.firstMonthResolutionRate),
      ]),
    );
  w.heading('三、用户反馈（工单评价）', 13);
  w.text(
    r.feedback.ratings === 0
      ? '本月没有评价。'
      : `评价 ${r.feedback.ratings} 条，平均 ${r.feedback.averageStars} 星；1–5 星分布：${r.feedback.distribution.join(' / ')}`,
    { gap: 6 },
  );
  if (r.feedback.lowRated.length > 0)
    w.table(
      [
        { title: '类别', width: 0.2 },
        { title: '星级', width: 0.1 },
        { title: '评价原文', width: 0.7 },
      ],
      r.feedback.lowRated.map((l) => [categoryName(l.category)['zh-CN'], String(l.stars), l.comment || '（无文字）']),
    );
  w.heading('四、行为日志', 13);
  w.text(`活跃用户 ${r.behaviour.activeUsers} 人，活跃组织 ${r.behaviour.activeOrgs} 家。`, { gap: 6 });
  if (r.behaviour.topEvents.length > 0)
    w.table(
      [
        { title: '事件', width: 0.5 },
        { title: '次数', width: 0.25 },
        { title: '人数', width: 0.25 },
      ],
      r.behaviour.topEvents.map((e) => [e.name, String(e.count), String(e.users)]),
    );
  return { name: `筑合用户体验改进报告-${month}.pdf`, bytes: await w.save() };
}
