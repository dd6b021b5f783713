import type { StaffRole } from '@zhuhe/contracts';
import type { PlatformModules } from '../composition';
import type { Clock } from '../infra/clock';
import type { AppContext } from '../infra/context';
import { listContracts } from '../modules/contracts';
import { createUserDirect, findUserByIdentifier } from '../modules/identity';
import {
  addMember,
  changeLeadState,
  checkIn,
  createCentre,
  createLead,
  linkRegisteredLeads,
  listAssignments,
  prepareLastMonth,
  recordAssist,
  recordTransaction,
  setTarget,
} from '../modules/operations';
import { createOrganisationDirect, getOrganisation, membershipsOfUser } from '../modules/organisation';
import { seedStaffRoles } from '../modules/staff';
import { actorFor } from './disputes.demo';
import { DEMO_PASSWORD, type DemoLogin, demoCreditCode } from './foundation.demo';

/** Fixed authenticator secrets of the operations desk's demo staff (demo only). */
export const DEMO_OPS_TOTP = {
  east: 'UGTQWRL45VZBXSHTX2HJHVZDZ4X4WNAR',
  west: 'VHTIJ6PFZIRZQAR3YUG6RFDOKJUDW2GD',
  bd: 'YC3FFY5RPQ3XLT7F6HL4JDJR3ZM4URDA',
  bdWest: 'JWFXSQP65G2RSBWB7VZDRL52DIPLITMI',
  success: 'WJMY22ZHKTSKTD3DUR4VC4E5LO66X4YN',
} as const;

const STAFF: { key: keyof typeof DEMO_OPS_TOTP; email: string; name: string; role: StaffRole }[] = [
  { key: 'east', email: 'ops.east@example.com', name: '华东运营中心负责人 赵敏', role: 'operator' },
  { key: 'west', email: 'ops.west@example.com', name: '西南运营中心负责人 邓川', role: 'operator' },
  { key: 'bd', email: 'bd@example.com', name: '地推专员 周凯', role: 'bd' },
  { key: 'bdWest', email: 'bd.west@example.com', name: '地推专员 杨帆', role: 'bd' },
  { key: 'success', email: 'success@example.com', name: '客户成功经理 唐悦', role: 'success' },
];

const DAY = 86_400_000;
const at = (ctx: AppContext, daysAgo: number): AppContext => {
  const when = new Date(ctx.clock.now().getTime() - daysAgo * DAY);
  const clock: Clock = { now: () => when, advance: () => false, adjustable: false };
  return { ...ctx, clock };
};

async function orgOf(ctx: AppContext, identifier: string) {
  const user = await findUserByIdentifier(ctx, identifier);
  const [m] = user ? await membershipsOfUser(ctx, user.id) : [];
  if (!m) throw new Error(`demo organisation of ${identifier} missing`);
  return m;
}

/** The organisation's first signed contract from the contracts demo (its first transaction). */
async function firstSignedContract(ctx: AppContext, orgId: string) {
  const signed = (await listContracts(ctx, orgId))
    .map((c) => c.contract)
    .filter((c) => c.signedAt)
    .sort((a, b) => (a.signedAt as Date).getTime() - (b.signedAt as Date).getTime());
  return signed[0] ?? null;
}

/**
 * 运营中心 demo: 华东 and 西南 centres with their managers (ops.east@, ops.west@), 地推专员 bd@ (华东) and bd.west@
 * (西南) and 客户成功经理 success@ (华东). bd@'s leads are in every state: new, visited, interested, registered (a
 * company that registered after the visits, now with success@ at its side), won (sub@'s 江苏匠心, whose signed
 * contract closed its assignment) and lost; bd.west@'s include sub2@'s 四川蜀安 (won). Targets of 30 for this month
 * and the last, and last month's 用户体验改进报告 prepared as the monthly job would.
 */
export async function seedOperationsDemo(ctx: AppContext, _modules: PlatformModules): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = [];
  const ids: Record<string, string> = {};
  for (const s of STAFF) {
    const user = await createUserDirect(ctx, {
      identifier: s.email,
      password: DEMO_PASSWORD,
      displayName: s.name,
      totpSecret: DEMO_OPS_TOTP[s.key],
    });
    await seedStaffRoles(ctx, user.id, [s.role]);
    ids[s.key] = user.id;
    logins.push({ who: s.name, identifier: s.email, password: DEMO_PASSWORD, totpSecret: DEMO_OPS_TOTP[s.key] });
  }
  const east = await createCentre(ctx, { name: '华东运营中心', territories: ['310000', '320000', '330000', '340000'] });
  const west = await createCentre(ctx, { name: '西南运营中心', territories: ['500000', '510000', '520000', '530000'] });
  await addMember(ctx, east.id, { userId: ids.east as string, role: 'manager' });
  await addMember(ctx, east.id, { userId: ids.bd as string, role: 'bd' });
  await addMember(ctx, east.id, { userId: ids.success as string, role: 'success' });
  await addMember(ctx, west.id, { userId: ids.west as string, role: 'manager' });
  await addMember(ctx, west.id, { userId: ids.bdWest as string, role: 'bd' });

  const bd = await actorFor(ctx, 'bd@example.com', ['bd']);
  const bdWest = await actorFor(ctx, 'bd.west@example.com', ['bd']);
  const manager = await actorFor(ctx, 'ops.east@example.com', ['operator']);
  const westManager = await actorFor(ctx, 'ops.west@example.com', ['operator']);
  const success = await actorFor(ctx, 'success@example.com', ['success']);
  const contact = (name: string, phone: string) => ({ contactName: name, contactPhone: phone });

  // 新线索: entered yesterday, not visited yet
  await createLead(at(ctx, 1), bd, {
    companyName: '宁波甬港建材贸易有限公司',
    ...contact('陈立', '13957400001'),
    regionCode: '330203',
    source: 'event',
  });
  // 已拜访
  const suzhou = await createLead(at(ctx, 12), bd, {
    companyName: '苏州吴中市政工程有限公司',
    ...contact('沈健', '13962100002'),
    regionCode: '320506',
    source: 'phone',
  });
  await checkIn(at(ctx, 10), bd, suzhou.id, {
    place: '苏州市吴中区东吴北路 98 号',
    notes: '见到经营部负责人，对线上招投标有兴趣，担心保证金占用',
    nextStep: '带履约保证险的介绍材料再访',
    intent: false,
    location: { lat: 31.27, lng: 120.63, accuracyM: 35 },
  });
  // 意向: two visits
  const hefei = await createLead(at(ctx, 20), bd, {
    companyName: '合肥庐阳钢结构有限公司',
    ...contact('许峰', '13805510003'),
    regionCode: '340103',
    source: 'referral',
  });
  await checkIn(at(ctx, 18), bd, hefei.id, {
    place: '合肥市庐阳区阜南路 166 号',
    notes: '介绍平台的资金监管与智能匹配，对方在找钢材供应商',
    nextStep: '发送 3 家钢材供应商的报价示例',
    intent: false,
    location: null,
  });
  await checkIn(at(ctx, 6), bd, hefei.id, {
    place: '合肥市庐阳区阜南路 166 号',
    notes: '总经理同意先用平台发布一个采购需求试用',
    nextStep: '月底前陪同完成注册与企业认证',
    intent: true,
    location: { lat: 31.87, lng: 117.27, accuracyM: 20 },
  });
  // 已流失
  const pujiang = await createLead(at(ctx, 25), bd, {
    companyName: '上海浦江基础工程有限公司',
    ...contact('顾磊', '13816200004'),
    regionCode: '310112',
    source: 'visit',
  });
  await checkIn(at(ctx, 24), bd, pujiang.id, {
    place: '上海市闵行区沪闵路 7388 号',
    notes: '对方已签约其他平台，短期内不考虑',
    nextStep: '',
    intent: false,
    location: null,
  });
  await changeLeadState(at(ctx, 24), bd, pujiang.id, 'lost');

  // 已注册: a company bd@ visited registers by itself with its credit code; the desk links it and success@ takes it on
  const binjiangCode = demoCreditCode('330108', 901);
  const binjiang = await createLead(at(ctx, 15), bd, {
    companyName: '杭州滨江装饰工程有限公司',
    creditCode: binjiangCode,
    ...contact('方婷', '13858100005'),
    regionCode: '330108',
    source: 'visit',
  });
  await checkIn(at(ctx, 14), bd, binjiang.id, {
    place: '杭州市滨江区江南大道 3850 号',
    notes: '演示了发布需求和在线签约，对方当场表示本周注册',
    nextStep: '注册后交给客户成功经理',
    intent: true,
    location: { lat: 30.21, lng: 120.21, accuracyM: 15 },
  });
  const owner = await createUserDirect(ctx, {
    identifier: 'binjiang@example.com',
    password: DEMO_PASSWORD,
    displayName: '方婷',
  });
  await createOrganisationDirect(ctx, owner.id, {
    name: '杭州滨江装饰工程有限公司',
    creditCode: binjiangCode,
    businessRoles: ['SUB'],
    regionCode: '330108',
    address: '浙江省杭州市滨江区江南大道 3850 号',
  });

  // 已成交: sub@'s and sub2@'s organisations, visited before they registered; their signed contracts close the help
  const sub = await orgOf(ctx, 'sub@example.com');
  const sub2 = await orgOf(ctx, 'sub2@example.com');
  const jiangxin = await getOrganisation(ctx, sub.orgId);
  const shuan = await getOrganisation(ctx, sub2.orgId);
  const wonLead = await createLead(at(ctx, 40), bd, {
    companyName: jiangxin.name,
    creditCode: jiangxin.creditCode,
    ...contact('张海涛', '13951800006'),
    regionCode: '320115',
    source: 'visit',
  });
  await checkIn(at(ctx, 38), bd, wonLead.id, {
    place: '南京市江宁区双龙大道 120 号',
    notes: '劳务分包企业，关心工资专户和按月代发',
    nextStep: '协助注册并发布第一份分包报价',
    intent: true,
    location: null,
  });
  const westLead = await createLead(at(ctx, 35), bdWest, {
    companyName: shuan.name,
    creditCode: shuan.creditCode,
    ...contact('刘洋', '13808000007'),
    regionCode: '510107',
    source: 'event',
  });
  await checkIn(at(ctx, 33), bdWest, westLead.id, {
    place: '成都市武侯区科华北路 66 号',
    notes: '在成都建博会上认识，幕墙分包，愿意试用',
    nextStep: '注册后跟进首单',
    intent: true,
    location: null,
  });
  await createLead(at(ctx, 3), bdWest, {
    companyName: '重庆渝建混凝土有限公司',
    ...contact('彭勇', '13908300008'),
    regionCode: '500112',
    source: 'online',
  });

  // linking opens success@'s assignments (滨江 and 江苏匠心); success@ helps both, 江苏匠心 before its first contract
  await linkRegisteredLeads(ctx);
  const firstDeals = new Map<string, { id: string; signedAt: Date }>();
  for (const org of [sub, sub2]) {
    const contract = await firstSignedContract(ctx, org.orgId);
    if (contract) firstDeals.set(org.orgId, { id: contract.id, signedAt: contract.signedAt as Date });
  }
  for (const a of (await listAssignments(ctx, success, 'open')).items) {
    const deal = firstDeals.get(a.org.id);
    // between the assignment and the first transaction; for an organisation without one, now
    const when = (share: number) => {
      if (!deal) return ctx;
      const from = new Date(a.openedAt).getTime();
      const instant = new Date(from + (deal.signedAt.getTime() - from) * share);
      return { ...ctx, clock: { now: () => instant, advance: () => false, adjustable: false } };
    };
    await recordAssist(when(1 / 3), success, a.id, {
      kind: 'call',
      notes: `电话介绍新手任务，指导${a.org.name}上传企业认证材料`,
    });
    await recordAssist(when(2 / 3), success, a.id, {
      kind: 'training',
      notes: '线上培训：发布需求、在线签约与资金监管流程',
    });
  }
  for (const [orgId, deal] of firstDeals)
    await recordTransaction(ctx, [orgId], deal.signedAt, 'contract.signed', deal.id);

  // targets: 30 new customers a month (seed 000 §3), this month and last
  const month = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
  const thisMonth = month(ctx.clock.now());
  const lastMonth = month(new Date(new Date(`${thisMonth}-01T00:00:00+08:00`).getTime() - DAY));
  for (const m of [lastMonth, thisMonth]) {
    await setTarget(ctx, manager, { userId: ids.bd as string, month: m, newCustomers: 30 });
    await setTarget(ctx, westManager, { userId: ids.bdWest as string, month: m, newCustomers: 30 });
  }

  // last month's 用户体验改进报告, as the job on the 1st prepares it
  await prepareLastMonth(ctx);
  return logins;
}
