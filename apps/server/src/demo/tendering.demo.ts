import { idCardCheckChar, type ParsedVerificationPackage } from '@zhuhe/contracts';
import { sql } from 'drizzle-orm';
import { shanghaiDate } from '../infra/calendar/working-days';
import type { AppContext } from '../infra/context';
import { queryRows } from '../infra/db/client';
import { signVersion } from '../modules/contracts';
import { setCreditGrade } from '../modules/credit';
import { createDemandsDirect } from '../modules/demands';
import { storeFile } from '../modules/files';
import { createUserDirect, findUserByIdentifier } from '../modules/identity';
import { createOrganisationDirect, getOrganisation, membershipsOfUser } from '../modules/organisation';
import {
  addAddendum,
  addEvaluator,
  answerAward,
  confirmBid,
  contractFromAward,
  createTender,
  enterScore,
  finaliseEvaluation,
  openTender,
  publishTender,
  submitBid,
  viewTender,
} from '../modules/tendering';
import { decideVerification, prepareVerification, savePreparedVerification } from '../modules/verification';
import { DEMO_PASSWORD, type DemoLogin, demoCreditCode } from './foundation.demo';

/** Fixed authenticator secrets of the tendering demo accounts, used by the e2e journey (demo only). */
export const DEMO_TENDER_TOTP = {
  gc: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
  bidder1: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U',
  bidder2: 'ONUW4ZLUMVZXI3TBOJSWY2LFONSXG4TF',
} as const;

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

interface Bidder {
  email: string;
  name: string;
  owner: string;
  legalRepresentative: string;
  region: string;
  index: number;
  grade: 'first' | 'second';
  totp?: string;
}

/** Fictional steel-structure subcontractors, verified, with certificates that meet 钢结构工程专业承包 二级. */
const BIDDERS: Bidder[] = [
  {
    email: 'bidder1@example.com',
    name: '浙江恒筑钢结构工程有限公司',
    owner: '钱立新',
    legalRepresentative: '钱立新',
    region: '330100',
    index: 61,
    grade: 'first',
    totp: DEMO_TENDER_TOTP.bidder1,
  },
  {
    email: 'bidder2@example.com',
    name: '江苏华晟钢构有限公司',
    owner: '孙志强',
    legalRepresentative: '孙志强',
    region: '320100',
    index: 62,
    grade: 'second',
    totp: DEMO_TENDER_TOTP.bidder2,
  },
  {
    email: 'bidder3@example.com',
    name: '山东鲁建钢结构有限公司',
    owner: '高明',
    legalRepresentative: '高明',
    region: '370100',
    index: 63,
    grade: 'second',
  },
  // 信用等级 C: verified and qualified, but barred from bidding (CREDIT-3).
  {
    email: 'bidder-c@example.com',
    name: '安徽鼎力钢构有限公司',
    owner: '汪海',
    legalRepresentative: '汪海',
    region: '340100',
    index: 64,
    grade: 'second',
  },
];

function idNumber(region: string, seq: number): string {
  const body = `${region}19780315${String(seq).padStart(3, '0')}`;
  return body + idCardCheckChar(body);
}

async function verifiedBidder(ctx: AppContext, b: Bidder, reviewerId: string) {
  const user = await createUserDirect(ctx, {
    identifier: b.email,
    password: DEMO_PASSWORD,
    displayName: b.owner,
    ...(b.totp ? { totpSecret: b.totp } : {}),
  });
  const creditCode = demoCreditCode(b.region, b.index);
  const org = await createOrganisationDirect(ctx, user.id, {
    name: b.name,
    creditCode,
    businessRoles: ['SUB'],
    regionCode: b.region,
    address: '产业园区 8 号',
  });
  const file = async (name: string, bytes: Buffer) =>
    (await storeFile(ctx, { orgId: org.id, userId: user.id, name, bytes })).id;
  const now = new Date();
  const pkg: ParsedVerificationPackage = {
    licence: {
      creditCode,
      companyName: b.name,
      legalRepresentative: b.legalRepresentative,
      registeredCapitalFen: 5_000_000_000,
      address: '产业园区 8 号',
      validFrom: '2010-05-01',
      validUntil: null,
      fileId: await file('营业执照.pdf', PDF),
    },
    idCard: {
      name: b.legalRepresentative,
      number: idNumber(b.region, b.index),
      validUntil: shanghaiDate(new Date(now.getTime() + 3650 * 86_400_000)),
      frontFileId: await file('身份证人像面.png', PNG),
      backFileId: await file('身份证国徽面.png', PNG),
    },
    qualifications: [
      {
        kind: 'specialty_contracting',
        category: '钢结构工程',
        grade: b.grade,
        number: `D${b.index}3301${String(b.index * 37).padStart(4, '0')}`,
        issuer: '省住房和城乡建设厅',
        validFrom: '2021-06-01',
        validUntil: shanghaiDate(new Date(now.getTime() + 900 * 86_400_000)),
        fileId: await file('资质证书.pdf', PDF),
      },
    ],
  };
  const prepared = await prepareVerification(ctx, {
    orgId: org.id,
    userId: user.id,
    pkg,
    purpose: 'organisation',
    now,
  });
  const row = await ctx.db.transaction((tx) => savePreparedVerification(ctx, tx, prepared, 'unverified'));
  await decideVerification(ctx, { userId: reviewerId }, row.id, { decision: 'approve', reasons: [] });
  return { userId: user.id, orgId: org.id, name: b.name };
}

async function ownerOf(ctx: AppContext, identifier: string) {
  const user = await findUserByIdentifier(ctx, identifier);
  const [membership] = user ? await membershipsOfUser(ctx, user.id) : [];
  if (!user || !membership) throw new Error(`demo user ${identifier} has no organisation`);
  return { userId: user.id, orgId: membership.orgId };
}

async function dbNow(ctx: AppContext): Promise<Date> {
  const [row] = await queryRows<{ now: string | Date }>(ctx.db, sql`select clock_timestamp() as now`);
  return new Date(row?.now ?? Date.now());
}

const plan = (who: string) =>
  `${who}施工组织设计：钢构件工厂化加工，现场采用 50t 汽车吊分区吊装；设专职安全员 2 名；总工期 120 日历天，质量目标合格。`;

/**
 * Tenders in every state on 宏筑建设's steel-structure demand (draft, open, addendum awaiting re-confirmation,
 * closed awaiting opening, evaluating, awarded, cascaded after a decline, contracted and signed), a C-grade
 * supplier, and a separate GC with its own demand for the tendering journey. Tenders past their deadline are
 * published with a few seconds' window, and the seeder waits for the database clock to pass it: the sealed-bid
 * rules are not bypassed, even for demo data.
 */
export async function seedTenderingDemo(ctx: AppContext): Promise<DemoLogin[]> {
  const reviewer = await findUserByIdentifier(ctx, 'reviewer@example.com');
  if (!reviewer) throw new Error('the reviewer demo account is missing');
  const bidders = [];
  for (const b of BIDDERS) bidders.push(await verifiedBidder(ctx, b, reviewer.id));
  type Party = (typeof bidders)[number];
  const [b1, b2, b3, bc] = bidders as [Party, Party, Party, Party];
  await setCreditGrade(ctx, null, b1.orgId, { grade: 'AA', source: '演示数据：外部信用报告' });
  await setCreditGrade(ctx, null, b2.orgId, { grade: 'A', source: '演示数据：外部信用报告' });
  await setCreditGrade(ctx, null, bc.orgId, { grade: 'C', source: '演示数据：多次逾期履约记录' });

  // The journey's GC: its own organisation and demand, so the journey depends on nothing else.
  const journeyUser = await createUserDirect(ctx, {
    identifier: 'tender-gc@example.com',
    password: DEMO_PASSWORD,
    displayName: '郑国栋',
    totpSecret: DEMO_TENDER_TOTP.gc,
  });
  const journeyOrg = await createOrganisationDirect(ctx, journeyUser.id, {
    name: '浙江建元建设工程有限公司',
    creditCode: demoCreditCode('330600', 65),
    businessRoles: ['GC'],
    regionCode: '330600',
    address: '绍兴市越城区解放北路 99 号',
  });

  const gc = await ownerOf(ctx, 'gc@example.com');
  const pm = await findUserByIdentifier(ctx, 'gc.pm@example.com');
  const buyerMember = await findUserByIdentifier(ctx, 'gc.buyer@example.com');
  if (!pm || !buyerMember) throw new Error('the GC demo members are missing');
  const gcOrg = await getOrganisation(ctx, gc.orgId);
  const now = new Date();
  const steel = {
    type: 'subcontract' as const,
    title: '钢结构厂房主体结构专业分包',
    category: '钢结构分包',
    items: [
      { name: '钢结构制作安装', spec: 'Q355B', unit: '吨', quantity: 860 },
      { name: '压型钢板屋面', spec: 'YX51-380-760 0.8mm', unit: '平方米', quantity: 12_400 },
      { name: '防火涂料', spec: '厚型 2.0h', unit: '平方米', quantity: 9_800 },
    ],
    budgetFen: 1_250_000_000,
    qualificationKind: '钢结构工程专业承包',
    qualificationGrade: '二级' as const,
    siteAddress: '',
    deadline: '2027-06-30',
    description: '',
    tags: ['钢结构'],
    createdAt: now,
    approvedAt: now,
    reviewerId: reviewer.id,
  };
  await createDemandsDirect(ctx, [
    {
      ...steel,
      orgId: gc.orgId,
      orgName: gcOrg.name,
      createdBy: gc.userId,
      projectName: '杭州钱塘新材料基地 3# 厂房',
      regionCode: '330114',
      feasibilityFileId: (
        await storeFile(ctx, { orgId: gc.orgId, userId: gc.userId, name: '可行性报告.pdf', bytes: PDF })
      ).id,
      fundsProofFileId: (await storeFile(ctx, { orgId: gc.orgId, userId: gc.userId, name: '资金证明.pdf', bytes: PDF }))
        .id,
    },
    {
      ...steel,
      title: '绍兴滨海仓储中心钢结构分包',
      orgId: journeyOrg.id,
      orgName: journeyOrg.name,
      createdBy: journeyUser.id,
      projectName: '绍兴滨海仓储中心 1# 仓库',
      regionCode: '330602',
      items: [
        { name: '钢结构制作安装', spec: 'Q355B', unit: '吨', quantity: 420 },
        { name: '压型钢板屋面', spec: '0.6mm', unit: '平方米', quantity: 6_800 },
      ],
      budgetFen: 620_000_000,
      feasibilityFileId: (
        await storeFile(ctx, { orgId: journeyOrg.id, userId: journeyUser.id, name: '可行性报告.pdf', bytes: PDF })
      ).id,
      fundsProofFileId: (
        await storeFile(ctx, { orgId: journeyOrg.id, userId: journeyUser.id, name: '资金证明.pdf', bytes: PDF })
      ).id,
    },
  ]);
  const [demand] = await queryRows<{ id: string }>(
    ctx.db,
    sql`select id from demands where org_id = ${gc.orgId} and title = ${steel.title}`,
  );
  if (!demand) throw new Error('the tendering demo demand is missing');

  const tender = async (title: string, deadline: Date, extra: { autoOpen?: boolean } = {}) =>
    createTender(ctx, gc, gc.orgId, {
      demandId: demand.id,
      title,
      mode: 'open',
      invitedOrgIds: [],
      deadline: deadline.toISOString(),
      description: '钢结构主体及围护结构专业分包，含深化设计。',
      weights: { price: 50, technical: 30, credit: 10, performance: 10 },
      awardResponseDays: 3,
      autoOpen: extra.autoOpen ?? true,
      plannedStart: '2027-03-01',
      plannedEnd: '2027-07-31',
    });
  const bid = (who: Party, tenderId: string, prices: number[], version = 1) =>
    submitBid(ctx, who, who.orgId, tenderId, {
      constructionPlan: plan(who.name),
      qualificationNumbers: [],
      unitPricesFen: prices,
      tenderVersion: version,
    });
  const later = new Date(now.getTime() + 25 * 86_400_000);

  // 草稿, 投标中, 补遗待确认: real deadlines 25 days out.
  await tender('3# 厂房钢结构分包（草稿）', later);
  const open = await tender('3# 厂房钢结构分包（投标中）', later);
  await publishTender(ctx, gc, gc.orgId, open);
  await bid(b1, open, [680_000, 9_500, 4_200]);
  const addendum = await tender('3# 厂房钢结构分包（补遗待确认）', later);
  await publishTender(ctx, gc, gc.orgId, addendum);
  await bid(b1, addendum, [690_000, 9_200, 4_000]);
  await bid(b2, addendum, [670_000, 9_800, 4_300]);
  await addAddendum(ctx, gc, gc.orgId, addendum, {
    summary: '屋面板规格调整',
    body: '压型钢板由 0.6mm 调整为 0.8mm，防火涂料耐火极限不变；请各投标人确认。',
  });
  await confirmBid(ctx, b1, b1.orgId, addendum, 2);

  // Past the deadline: a short window, then the seeder waits for the database clock. Five publications and
  // fifteen sealed bids must fit in it: 8 s was exceeded on a loaded machine (TENDER_NOT_OPEN), 20 s is not.
  const soon = new Date((await dbNow(ctx)).getTime() + 20_000);
  const closed = await tender('3# 厂房钢结构分包（已截标待开标）', soon, { autoOpen: false });
  const evaluating = await tender('3# 厂房钢结构分包（评标中）', soon);
  const awarded = await tender('3# 厂房钢结构分包（已定标）', soon);
  const cascaded = await tender('3# 厂房钢结构分包（中标顺延）', soon);
  const contracted = await tender('3# 厂房钢结构分包（已签合同）', soon);
  const short = [closed, evaluating, awarded, cascaded, contracted];
  for (const id of short) await publishTender(ctx, gc, gc.orgId, id, { minWindowSeconds: 1 });
  for (const id of short) {
    await bid(b1, id, [700_000, 9_000, 4_100]);
    await bid(b2, id, [660_000, 9_600, 4_500]);
    await bid(b3, id, [720_000, 8_800, 3_900]);
  }
  while ((await dbNow(ctx)).getTime() <= soon.getTime()) await new Promise((r) => setTimeout(r, 250));

  const scores: Record<string, [number, number]> = { [b1.orgId]: [88, 90], [b2.orgId]: [80, 78], [b3.orgId]: [72, 75] };
  for (const id of short.slice(1)) {
    await openTender(ctx, gc, gc.orgId, id);
    await addEvaluator(ctx, gc, gc.orgId, id, pm.id);
    await addEvaluator(ctx, gc, gc.orgId, id, buyerMember.id);
    const view = await viewTender(ctx, gc, gc.orgId, id);
    for (const b of view.opening?.bids ?? []) {
      const [first, second] = scores[b.bidderOrgId] ?? [70, 70];
      await enterScore(ctx, { userId: pm.id }, gc.orgId, id, { bidId: b.bidId, score: first, note: '' });
      if (id === evaluating) continue;
      await enterScore(ctx, { userId: buyerMember.id }, gc.orgId, id, { bidId: b.bidId, score: second, note: '' });
    }
    if (id === evaluating) continue;
    await finaliseEvaluation(ctx, gc, gc.orgId, id);
    const winner = (await viewTender(ctx, gc, gc.orgId, id)).awards[0];
    const winnerParty = bidders.find((b) => b.orgId === winner?.bidderOrgId) ?? b1;
    if (id === cascaded) {
      await answerAward(ctx, winnerParty, winnerParty.orgId, id, {
        accept: false,
        reason: '同期项目产能已满，无法按期进场',
      });
      continue;
    }
    await answerAward(ctx, winnerParty, winnerParty.orgId, id, { accept: true });
    if (id === awarded) continue;
    const contractId = await contractFromAward(ctx, gc, gc.orgId, id, {
      variables: {
        projectLocation: '杭州市钱塘区',
        advanceBp: 1000,
        retentionBp: 300,
        paymentTerms: '按月计量，经监理确认后支付当月完成量的 80%，竣工结算后付至 97%',
        qualityStandard: '合格（GB 50205-2020）',
        disputeVenue: '杭州仲裁委员会',
      },
    });
    await signVersion(ctx, gc, gc.orgId, contractId, 1);
    await signVersion(ctx, winnerParty, winnerParty.orgId, contractId, 1);
  }
  return [
    {
      who: '浙江建元建设工程有限公司（GC）所有者，招投标演示',
      identifier: 'tender-gc@example.com',
      password: DEMO_PASSWORD,
      totpSecret: DEMO_TENDER_TOTP.gc,
    },
    ...BIDDERS.map((b) => ({
      who: `${b.name}（SUB）所有者${b.email === 'bidder-c@example.com' ? '，信用等级 C 不得投标' : ''}`,
      identifier: b.email,
      password: DEMO_PASSWORD,
      ...(b.totp ? { totpSecret: b.totp } : {}),
    })),
  ];
}
