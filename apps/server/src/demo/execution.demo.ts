import type { PlatformModules } from '../composition';
import { shanghaiDate } from '../infra/calendar/working-days';
import type { AppContext } from '../infra/context';
import { createContract, listContracts, signVersion } from '../modules/contracts';
import { freezeOverdueEscrows, fundEscrowByDeposit } from '../modules/escrow';
import { createLog, executionAccess, reviewLog, setPlan } from '../modules/execution';
import { storeFile } from '../modules/files';
import { findUserByIdentifier } from '../modules/identity';
import { membershipsOfUser } from '../modules/organisation';
import {
  generateStatement,
  inviteSupervisor,
  openSettlement,
  proposeQuantity,
  signStatement,
  voteQuantity,
} from '../modules/settlement';
import type { DemoLogin } from './foundation.demo';
import { sitePhotoJpeg } from './site-photo';

/** The owner of a demo account's (first) organisation. */
export async function ownerOf(ctx: AppContext, identifier: string) {
  const user = await findUserByIdentifier(ctx, identifier);
  const [membership] = user ? await membershipsOfUser(ctx, user.id) : [];
  if (!user || !membership) throw new Error(`demo user ${identifier} has no organisation`);
  return { userId: user.id, orgId: membership.orgId };
}

const DAY = 86_400_000;
/** A date `days` from today (China time), so the demo tells the same story whenever it is seeded. */
export const day = (days: number, now = new Date()) => shanghaiDate(new Date(now.getTime() + days * DAY));

/**
 * 施工执行与结算 demo: a signed subcontract between gc@ and sub@ with a plan (three milestones), twelve weekly
 * construction logs with site photos (EXIF time and GPS), one log revised after a change request, the first
 * milestone accepted with the supervisor svr@ (one disagreement kept in the record), its statement sealed by the
 * three parties and released from escrow — and the second milestone more than 15 days overdue, so the escrow is
 * frozen with a risk case for finance staff. The signed purchase contract gets a delivery plan.
 */
export async function seedExecutionDemo(ctx: AppContext, modules: PlatformModules): Promise<DemoLogin[]> {
  const gc = await ownerOf(ctx, 'gc@example.com');
  const sub = await ownerOf(ctx, 'sub@example.com');
  const svr = await ownerOf(ctx, 'svr@example.com');

  const lines = [
    { code: '010501001', name: 'C30 混凝土浇筑', unit: 'm³', quantityMilli: 3_200_000, unitPriceFen: 52_000 },
    { code: '010515001', name: 'HRB400E 钢筋制作安装', unit: 't', quantityMilli: 420_000, unitPriceFen: 135_000 },
    { code: '011702001', name: '模板安装拆除', unit: 'm²', quantityMilli: 9_800_000, unitPriceFen: 3_850 },
  ];
  const contractId = await createContract(ctx, gc, gc.orgId, {
    kind: 'subcontract',
    counterpartyOrgId: sub.orgId,
    title: 'A3 地块 1# 楼主体结构劳务分包（一期）',
    variables: {
      projectName: '杭州未来科技城 A3 地块住宅项目',
      projectLocation: '杭州市余杭区',
      scope: '1# 楼基础、地下室及主体结构钢筋、模板、混凝土劳务作业',
      amountFen: 260_830_000,
      startDate: day(-80),
      endDate: day(60),
      advanceBp: 1000,
      retentionBp: 300,
      paymentTerms: '按节点计量，经监理确认后支付，质保金 3%',
      qualityStandard: '合格（GB 50300-2013）',
      disputeVenue: '杭州仲裁委员会',
    },
  });
  await signVersion(ctx, gc, gc.orgId, contractId, 1);
  await signVersion(ctx, sub, sub.orgId, contractId, 1);
  await setPlan(ctx, gc, gc.orgId, contractId, {
    startDate: day(-80),
    retentionBp: 300,
    advanceBp: 1000,
    labourShareBp: 3000,
    bondBp: null,
    milestones: [
      { title: '基础及地下室结构完成', deliverables: '基础、地下室结构验收记录', dueDate: day(-40), shareBp: 4000 },
      { title: '主体结构 1–10 层完成', deliverables: '1–10 层结构验收记录', dueDate: day(-20), shareBp: 3000 },
      { title: '主体结构封顶', deliverables: '主体结构验收记录', dueDate: day(60), shareBp: 3000 },
    ],
    boqLines: lines,
    plannedCurve: [],
  });
  // 入金 the first milestone's expected deposit (its amount plus the 1% risk reserve the payer bears).
  await fundEscrowByDeposit(ctx, {
    contractId,
    amountFen: 105_375_320,
    reference: 'DEMO-ICBC-0001',
    clientId: `demo-fund:${contractId}:1`,
  });

  const { lines: boq, milestones } = await executionAccess(ctx, gc.orgId, contractId);
  const weather = ['晴 8–17℃', '多云 10–18℃', '阴 9–15℃', '小雨 8–12℃', '晴 6–16℃', '多云 7–15℃'];
  let revisable: string | null = null;
  for (let week = 0; week < 12; week++) {
    const logDate = day(-79 + week * 7);
    const photo = await storeFile(ctx, {
      orgId: sub.orgId,
      userId: sub.userId,
      name: `现场-${logDate}.jpg`,
      bytes: sitePhotoJpeg({
        takenAt: `${logDate.replaceAll('-', ':')} 09:${String(10 + week).padStart(2, '0')}:00`,
        latitude: 30.2741 + week * 0.0001,
        longitude: 120.0235 - week * 0.0001,
      }),
      accept: ['image'],
    });
    const logId = await createLog(ctx, sub, sub.orgId, contractId, {
      logDate,
      workersOnSite: 38 + (week % 4) * 5,
      weather: weather[week % weather.length] as string,
      issues: week === 3 ? '雨天暂停混凝土浇筑半天，已覆盖养护' : '',
      work: [
        { lineId: boq[0]?.id as string, quantityMilli: 110_000, note: '' },
        { lineId: boq[1]?.id as string, quantityMilli: 14_000, note: '' },
        { lineId: boq[2]?.id as string, quantityMilli: 340_000, note: '' },
      ],
      photoFileIds: [photo.id],
    });
    if (week === 10) revisable = logId;
    else await reviewLog(ctx, gc, gc.orgId, contractId, logId, { decision: 'accept', comment: '已核对现场照片' });
  }
  if (revisable)
    await reviewLog(ctx, gc, gc.orgId, contractId, revisable, {
      decision: 'request_changes',
      comment: '请补充 8 层模板安装部位说明',
    });

  // 验收结算 of the first milestone with the supervisor; the supervisor's disagreement stays in the record.
  await inviteSupervisor(ctx, gc.orgId, contractId, svr.orgId);
  const settlementId = await openSettlement(ctx, gc, gc.orgId, contractId, {
    milestoneId: milestones[0]?.id as string,
  });
  type Party = typeof gc;
  const agree = async (lineId: string, quantityMilli: number, by: Party, others: Party[], note = '') => {
    const proposalId = await proposeQuantity(ctx, by, by.orgId, contractId, settlementId, {
      lineId,
      quantityMilli,
      note,
    });
    for (const o of others)
      await voteQuantity(ctx, o, o.orgId, contractId, settlementId, { proposalId, decision: 'confirm', note: '' });
    return proposalId;
  };
  const [concrete, rebar, formwork] = boq.map((l) => l.id) as [string, string, string];
  const claimed = await proposeQuantity(ctx, sub, sub.orgId, contractId, settlementId, {
    lineId: concrete,
    quantityMilli: 1_250_000,
    note: '按施工日志累计',
  });
  await voteQuantity(ctx, gc, gc.orgId, contractId, settlementId, {
    proposalId: claimed,
    decision: 'confirm',
    note: '',
  });
  await voteQuantity(ctx, svr, svr.orgId, contractId, settlementId, {
    proposalId: claimed,
    decision: 'dispute',
    note: '现场实测 1,236 m³，地下室局部回填未浇筑',
  });
  await agree(concrete, 1_236_000, svr, [sub, gc], '监理实测');
  await agree(rebar, 160_000, sub, [gc, svr]);
  await agree(formwork, 3_900_000, gc, [sub, svr]);
  await generateStatement(ctx, gc.orgId, contractId, settlementId, {
    variationsFen: 0,
    deductionsFen: 0,
    note: '第一节点（基础及地下室）结算',
  });
  // 三方签章 and release from escrow.
  for (const p of [sub, gc, svr]) await signStatement(ctx, p, p.orgId, contractId, settlementId);

  // sub@ takes ¥20,000 of the released money to its bank account: the finance console's 最近出款, account masked.
  await modules.escrow.api.requestPayout({
    orgId: sub.orgId,
    amountFen: 2_000_000,
    beneficiaryName: '江苏匠心劳务分包有限公司',
    beneficiaryAccount: '6222021202041234567',
    clientId: 'demo-payout-sub-0001',
  });

  // The second milestone is more than 15 days overdue: the overdue watch freezes the escrow (FUND-3).
  await freezeOverdueEscrows(ctx);

  // The signed purchase contract (gc@ buys rebar from sup@) gets a delivery plan.
  const purchaseId = await signedPurchaseOf(ctx, gc.orgId);
  if (purchaseId) {
    await setPlan(ctx, gc, gc.orgId, purchaseId, {
      startDate: day(-5),
      retentionBp: 500,
      advanceBp: 0,
      labourShareBp: 0,
      bondBp: null,
      milestones: [
        { title: '首批 60 吨到货验收', deliverables: '出厂合格证、复检报告', dueDate: day(20), shareBp: 5000 },
        { title: '余量 60 吨到货验收', deliverables: '出厂合格证、复检报告', dueDate: day(45), shareBp: 5000 },
      ],
      boqLines: [
        { code: 'HRB400E', name: 'HRB400E 螺纹钢 Φ16–Φ25', unit: 't', quantityMilli: 120_000, unitPriceFen: 408_000 },
      ],
      plannedCurve: [],
    });
  }
  return [];
}

async function signedPurchaseOf(ctx: AppContext, orgId: string): Promise<string | null> {
  const found = (await listContracts(ctx, orgId)).find(
    (c) => c.contract.kind === 'purchase' && c.contract.status === 'signed',
  );
  return found?.contract.id ?? null;
}
