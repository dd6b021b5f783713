import type { PlatformModules } from '../composition';
import type { AppContext } from '../infra/context';
import { addThreshold, grantGovernmentScope } from '../modules/boards';
import { createDemandsDirect } from '../modules/demands';
import { storeFile } from '../modules/files';
import { createUserDirect, findUserByIdentifier } from '../modules/identity';
import { createOrganisationDirect, getOrganisation } from '../modules/organisation';
import { ownerOf } from './execution.demo';
import { DEMO_PASSWORD, type DemoLogin, demoCreditCode } from './foundation.demo';
import { DEMO_PDF } from './libraries.demo';

/** The month `n` months before the current one (China time), as YYYY-MM. */
function monthBack(now: Date, n: number): string {
  const shanghai = new Date(now.getTime() + 8 * 3_600_000);
  const k = shanghai.getUTCFullYear() * 12 + shanghai.getUTCMonth() - n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

/**
 * 演示信息价 (made up for the demo, deterministic): 60 months of 杭州 published prices for the five basket materials
 * up to last month — steel flat with a seasonal swing and then rising 2 % a month over the last twelve months,
 * concrete creeping up, the rest flat — and 宁波 rebar and concrete a little dearer, so 浙江's province index is
 * the mean of two cities.
 */
export function demoPublishedPrices(now: Date): string {
  const lines = ['material,region_code,unit,month,price'];
  const base: [string, string, number, (i: number) => number][] = [
    ['rebar', '吨', 3600, (i) => (i >= 48 ? 1.02 ** (i - 47) : 1) * (1 + 0.015 * Math.sin(i / 2))],
    ['section_steel', '吨', 4100, (i) => (i >= 48 ? 1.015 ** (i - 47) : 1) * (1 + 0.01 * Math.sin(i / 2))],
    ['concrete', '立方米', 460, (i) => 1.002 ** i],
    ['cement', '吨', 420, (i) => 1 + 0.02 * Math.sin((i * Math.PI) / 6)],
    ['curtain_wall_glass', '平方米', 320, () => 1],
  ];
  for (let i = 0; i < 60; i++) {
    const month = monthBack(now, 60 - i);
    for (const [material, unit, price, shape] of base) {
      lines.push(`${material},330100,${unit},${month},${(price * shape(i)).toFixed(2)}`);
      if (material === 'rebar' || material === 'concrete')
        lines.push(`${material},330200,${unit},${month},${(price * 1.02 * shape(i)).toFixed(2)}`);
    }
  }
  return lines.join('\n');
}

/**
 * 数据看板 demo: 杭州 and 宁波 信息价 (the composite indices of 杭州, 宁波's thin basket, 浙江 and the national PPI
 * one), gov@ — 浙江省住房和城乡建设厅（演示）, a GOV viewer of 浙江 granted by reviewer@ — and gc@'s open material
 * demand with a cost-warning threshold (any material, +3 % within 6 months) that the rising rebar forecast fires.
 */
export async function seedBoardsDemo(ctx: AppContext, modules: PlatformModules): Promise<DemoLogin[]> {
  const now = new Date();
  const gc = await ownerOf(ctx, 'gc@example.com');
  const files = [];
  for (const name of ['可行性研究报告（示例）.pdf', '资金证明（示例）.pdf'])
    files.push(await storeFile(ctx, { orgId: gc.orgId, userId: gc.userId, name, bytes: DEMO_PDF }));
  await createDemandsDirect(ctx, [
    {
      orgId: gc.orgId,
      orgName: (await getOrganisation(ctx, gc.orgId)).name,
      createdBy: gc.userId,
      createdAt: now,
      approvedAt: now,
      reviewerId: null,
      type: 'procurement',
      title: '杭州钱江世纪城 C3 地块钢结构与主体材料采购',
      projectName: '杭州钱江世纪城 C3 地块办公楼工程',
      category: '建材采购',
      items: [
        { name: '螺纹钢', spec: 'HRB400E Φ20', unit: '吨', quantity: 350 },
        { name: 'H型钢', spec: 'Q355B HN400×200', unit: '吨', quantity: 120 },
        { name: '商品混凝土', spec: 'C35', unit: '立方米', quantity: 1800 },
      ],
      budgetFen: 4_500_000_00,
      qualificationKind: '',
      qualificationGrade: '不限',
      regionCode: '330109',
      siteAddress: '杭州市萧山区钱江世纪城 C3 地块',
      location: { lat: 30.24, lng: 120.26 },
      deadline: new Date(now.getTime() + 25 * 86_400_000).toISOString().slice(0, 10),
      description: '主体结构与钢结构材料，分三批到场。',
      tags: ['建材', '钢结构'],
      feasibilityFileId: (files[0] as { id: string }).id,
      fundsProofFileId: (files[1] as { id: string }).id,
    },
  ]);
  await addThreshold(ctx, gc.orgId, gc.userId, { material: null, risePct: 3, withinMonths: 6 });

  await modules.prices.api.importPrices({
    fileName: '杭州宁波信息价（演示）.csv',
    csv: demoPublishedPrices(now),
    source: '杭州、宁波建设工程造价信息（演示数据）',
    importedBy: null,
  });
  // the import's event reaches the warnings after commit through the job queue; the demo shows it at once
  await modules.boards.api.raiseCostWarnings();

  const user = await createUserDirect(ctx, {
    identifier: 'gov@example.com',
    password: DEMO_PASSWORD,
    displayName: '省住建厅 数据处 王岚',
  });
  const org = await createOrganisationDirect(ctx, user.id, {
    name: '浙江省住房和城乡建设厅（演示）',
    creditCode: demoCreditCode('330000', 61),
    businessRoles: ['GC'],
    regionCode: '330000',
    address: '浙江省杭州市西湖区省府路 8 号',
    verification: 'verified',
  });
  const reviewer = await findUserByIdentifier(ctx, 'reviewer@example.com');
  if (!reviewer) throw new Error('demo reviewer missing');
  await grantGovernmentScope(ctx, org.id, '330000', reviewer.id);
  return [
    { who: '浙江省住房和城乡建设厅（演示）（GOV）监管查看', identifier: 'gov@example.com', password: DEMO_PASSWORD },
  ];
}
