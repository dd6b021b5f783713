import type { PlatformModules } from '../composition';
import type { AppContext } from '../infra/context';
import { newId } from '../infra/ids';
import { mulberry32 } from '../infra/random';
import { recordProductEvents, saveAnalysis } from '../modules/analytics';
import { createDemandsDirect } from '../modules/demands';
import { storeFile } from '../modules/files';
import { recordSearchKeywords } from '../modules/search';
import type { DemoLogin } from './foundation.demo';
import { DEMO_PDF } from './libraries.demo';
import { demoActor } from './reserve.demo';

const DAY = 86_400_000;

/** What buyers searched in the last four weeks: keyword, searching organisations, searches each, results. */
const SEARCHES: [keyword: string, searchers: number, each: number, results: number][] = [
  ['螺纹钢', 9, 3, 12],
  ['塔吊租赁', 7, 2, 5],
  ['商品混凝土 C30', 6, 2, 8],
  ['钢结构分包', 5, 2, 4],
  ['幕墙铝板', 5, 1, 0],
  // searched by one firm only: the growth team sees it, merchants never do
  ['防辐射混凝土', 1, 6, 0],
  ['盾构机租赁', 2, 2, 0],
];

/**
 * 增长洞察 demo: demands published by five firms in 浙江 and two in 江苏 (so a merchant sees 浙江 and not 江苏), four
 * weeks of searches, complaints against sup2@'s shop (two weeks ago: resolved; this week: acknowledged by sup2@),
 * sup@'s exposure drop of this week (open; growth.demo stops its views in the last 7 days), and saved analyses of
 * admin@ (two shared with the growth team, one private).
 */
export async function seedGrowthInsightsDemo(ctx: AppContext, modules: PlatformModules): Promise<DemoLogin[]> {
  const random = mulberry32(2026_1207);
  const now = ctx.clock.now().getTime();
  const firms = await Promise.all(
    ['gc@example.com', 'gc2@example.com', 'sub@example.com', 'sub2@example.com', 'sup3@example.com'].map((email) =>
      demoActor(ctx, email),
    ),
  );
  const demands = [];
  for (const [n, firm] of firms.entries()) {
    if (!firm.activeOrgId) continue;
    const file = (name: string) =>
      storeFile(ctx, { orgId: firm.activeOrgId as string, userId: firm.userId, name, bytes: DEMO_PDF });
    const [feasibility, funds] = [await file('可行性研究报告（示例）.pdf'), await file('资金证明（示例）.pdf')];
    const regions = n >= 3 ? ['330106', '320102'] : ['330106'];
    for (const regionCode of regions) {
      const createdAt = new Date(now - (3 + Math.floor(random() * 18)) * DAY);
      demands.push({
        orgId: firm.activeOrgId,
        orgName: firm.memberships[0]?.orgName ?? '',
        createdBy: firm.userId,
        createdAt,
        approvedAt: new Date(createdAt.getTime() + 6 * 3_600_000),
        reviewerId: null,
        type: 'procurement' as const,
        title: regionCode === '330106' ? '杭州西湖区安置房项目 钢筋采购' : '南京玄武区学校改扩建 商品混凝土采购',
        projectName: regionCode === '330106' ? '杭州西湖区安置房项目' : '南京玄武区学校改扩建项目',
        category: regionCode === '330106' ? '钢筋采购' : '商品混凝土采购',
        items: [{ name: '螺纹钢', spec: 'HRB400E Φ25', unit: '吨', quantity: 200 + n * 50 }],
        budgetFen: (200 + n * 50) * 420_000,
        qualificationKind: '',
        qualificationGrade: '不限' as const,
        regionCode,
        siteAddress: regionCode === '330106' ? '杭州市西湖区文三路 88 号' : '南京市玄武区北京东路 12 号',
        deadline: new Date(now + 45 * DAY).toISOString().slice(0, 10),
        description: '按期保质供货，分批进场。',
        tags: ['钢筋'],
        feasibilityFileId: feasibility.id,
        fundsProofFileId: funds.id,
      });
    }
  }
  await createDemandsDirect(ctx, demands);

  const searches = [];
  for (const [keyword, searchers, each, results] of SEARCHES)
    for (let s = 0; s < searchers; s++) {
      const orgId = newId();
      for (let i = 0; i < each; i++)
        searches.push({
          id: newId(),
          keyword,
          kind: 'demand',
          resultCount: results,
          orgId,
          createdAt: new Date(now - Math.floor(random() * 27 * DAY)),
        });
    }
  await recordSearchKeywords(ctx.db, searches);

  // sup2@'s shop: five deals won, two complaints 16 and 20 days ago (raised then, since resolved), two this week
  const shop = await demoActor(ctx, 'sup2@example.com');
  const admin = await demoActor(ctx, 'admin@example.com', ['admin']);
  if (shop.activeOrgId) {
    const orgId = shop.activeOrgId;
    await recordProductEvents(ctx, [
      ...[40, 34, 27, 22, 9].map((d) => ({
        name: 'deal.closed',
        orgId,
        occurredAt: new Date(now - d * DAY),
        properties: { role: 'supplier', amountFen: 8_000_000 },
      })),
      ...[20, 16, 3, 2].map((d) => ({
        name: 'complaint.received',
        orgId,
        occurredAt: new Date(now - d * DAY),
        properties: { type: 'quality' },
      })),
    ]);
    await modules.analytics.api.checkMerchantAlerts(new Date(now - 14 * DAY));
    for (const alert of (await listOpen(modules)).filter((a) => a.orgId === orgId))
      await modules.analytics.api.setMerchantAlertStatus(alert.id, 'resolved', admin.userId);
  }
  await modules.analytics.api.checkMerchantAlerts();
  if (shop.activeOrgId)
    for (const alert of (await listOpen(modules)).filter((a) => a.orgId === shop.activeOrgId))
      await modules.analytics.api.setMerchantAlertStatus(alert.id, 'acknowledged', shop.userId);

  const today = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
  const weeksAgo = (w: number) => new Date(now + 8 * 3_600_000 - w * 7 * DAY).toISOString().slice(0, 10);
  await saveAnalysis(ctx, admin.userId, {
    kind: 'funnel',
    name: '获客漏斗 · 按渠道（近 12 周）',
    query: {
      from: weeksAgo(12),
      to: today,
      steps: 'page.viewed,user.registered,organisation.created,demand.submitted,contract.signed',
      entity: 'user',
      windowDays: 30,
      breakdown: 'channel',
    },
    shared: true,
  });
  await saveAnalysis(ctx, admin.userId, {
    kind: 'cohorts',
    name: '月度组织留存',
    query: { from: weeksAgo(12), to: today, entity: 'org', period: 'month', periods: 6 },
    shared: false,
  });
  await saveAnalysis(ctx, admin.userId, {
    kind: 'rfm',
    name: '本月 RFM 分层',
    query: { asOf: today },
    shared: true,
  });
  return [];
}

async function listOpen(modules: PlatformModules) {
  return (await modules.analytics.api.merchantAlerts('open')).items;
}
