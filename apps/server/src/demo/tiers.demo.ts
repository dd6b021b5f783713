import { shanghaiDate } from '../infra/calendar/working-days';
import type { AppContext } from '../infra/context';
import { createContract, signVersion } from '../modules/contracts';
import { fundEscrowByDeposit } from '../modules/escrow';
import { createLog, executionAccess, reviewLog, setPlan } from '../modules/execution';
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

async function ownerOf(ctx: AppContext, identifier: string) {
  const user = await findUserByIdentifier(ctx, identifier);
  const [membership] = user ? await membershipsOfUser(ctx, user.id) : [];
  if (!user || !membership) throw new Error(`demo user ${identifier} has no organisation`);
  return { userId: user.id, orgId: membership.orgId };
}

const DAY = 86_400_000;
const day = (days: number, now = new Date()) => shanghaiDate(new Date(now.getTime() + days * DAY));

/**
 * 用户分级 on real transactions: gc2@ (中原恒泰建工) and sub2@ complete a small subcontract of three milestones, each
 * accepted with svr@ and its statement sealed by the three parties — three completed transactions. When the server
 * starts, the after-commit handler of `settlement.sealed` moves both from 新用户 to 普通用户 (their tier pages show
 * why), while gc@ and sub@, with one sealed statement each, stay new with the count on their pages.
 */
export async function seedTiersDemo(ctx: AppContext): Promise<DemoLogin[]> {
  const gc = await ownerOf(ctx, 'gc2@example.com');
  const sub = await ownerOf(ctx, 'sub2@example.com');
  const svr = await ownerOf(ctx, 'svr@example.com');
  const contractId = await createContract(ctx, gc, gc.orgId, {
    kind: 'subcontract',
    counterpartyOrgId: sub.orgId,
    title: '郑州航空港 B2 地块围墙及场地硬化劳务分包',
    variables: {
      projectName: '郑州航空港 B2 地块物流园项目',
      projectLocation: '郑州市航空港区',
      scope: '围墙、场地混凝土硬化劳务作业',
      amountFen: 150_000_000,
      startDate: day(-60),
      endDate: day(-5),
      advanceBp: 0,
      retentionBp: 300,
      paymentTerms: '按节点计量，经监理确认后支付，质保金 3%',
      qualityStandard: '合格（GB 50300-2013）',
      disputeVenue: '郑州仲裁委员会',
    },
  });
  await signVersion(ctx, gc, gc.orgId, contractId, 1);
  await signVersion(ctx, sub, sub.orgId, contractId, 1);
  await setPlan(ctx, gc, gc.orgId, contractId, {
    startDate: day(-60),
    retentionBp: 300,
    advanceBp: 0,
    labourShareBp: 0,
    bondBp: null,
    milestones: [
      { title: '北侧围墙完成', deliverables: '围墙验收记录', dueDate: day(-45), shareBp: 3400 },
      { title: '东西侧围墙完成', deliverables: '围墙验收记录', dueDate: day(-25), shareBp: 3300 },
      { title: '场地硬化完成', deliverables: '场地验收记录', dueDate: day(-8), shareBp: 3300 },
    ],
    boqLines: [
      { code: '010501001', name: 'C25 混凝土浇筑', unit: 'm³', quantityMilli: 3_000_000, unitPriceFen: 50_000 },
    ],
    plannedCurve: [],
  });
  // the whole contract plus the 1% risk reserve the payer bears
  await fundEscrowByDeposit(ctx, {
    contractId,
    amountFen: 151_500_000,
    reference: 'DEMO-ZZB-0001',
    clientId: `demo-fund:${contractId}:all`,
  });
  const { lines, milestones } = await executionAccess(ctx, gc.orgId, contractId);
  const lineId = lines[0]?.id as string;
  await inviteSupervisor(ctx, gc.orgId, contractId, svr.orgId);
  for (const [n, milestone] of milestones.entries()) {
    const logId = await createLog(ctx, sub, sub.orgId, contractId, {
      logDate: day(-50 + n * 18),
      workersOnSite: 22,
      weather: '晴 12–20℃',
      issues: '',
      work: [{ lineId, quantityMilli: 1_000_000, note: '' }],
      photoFileIds: [],
    });
    await reviewLog(ctx, gc, gc.orgId, contractId, logId, { decision: 'accept', comment: '与现场一致' });
    const settlementId = await openSettlement(ctx, gc, gc.orgId, contractId, { milestoneId: milestone.id });
    const proposalId = await proposeQuantity(ctx, sub, sub.orgId, contractId, settlementId, {
      lineId,
      quantityMilli: (n + 1) * 1_000_000,
      note: '按施工日志累计',
    });
    for (const p of [gc, svr])
      await voteQuantity(ctx, p, p.orgId, contractId, settlementId, { proposalId, decision: 'confirm', note: '' });
    await generateStatement(ctx, gc.orgId, contractId, settlementId, {
      variationsFen: 0,
      deductionsFen: 0,
      note: `第 ${n + 1} 节点结算`,
    });
    for (const p of [sub, gc, svr]) await signStatement(ctx, p, p.orgId, contractId, settlementId);
  }
  return [];
}
