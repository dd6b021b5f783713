import type { FinanceProductBody } from '@zhuhe/contracts';
import { addWorkingDays } from '../infra/calendar/working-days';
import type { AppContext } from '../infra/context';
import { createContract, signVersion } from '../modules/contracts';
import {
  fundEscrowByDeposit,
  openContractEscrow,
  releaseMilestone,
  requestPayout,
  SimulatedBank,
  setPaymentSchedule,
} from '../modules/escrow';
import { executionAccess, setPlan } from '../modules/execution';
import { applyForFinance, decideApplication, publishProduct, runOverdueScan } from '../modules/finance';
import {
  generateStatement,
  inviteSupervisor,
  openSettlement,
  proposeQuantity,
  signStatement,
  voteQuantity,
} from '../modules/settlement';
import { actorFor } from './disputes.demo';
import { day, ownerOf } from './execution.demo';
import type { DemoLogin } from './foundation.demo';

const DAY = 86_400_000;

const base = {
  minRatioBp: 0,
  regions: [],
  categories: [],
  aaaDiscountBp: 30,
  decisionDays: 3,
  maxTermDays: 180,
  penaltyBpPerDay: 5,
} satisfies Partial<FinanceProductBody>;

const PRODUCTS: FinanceProductBody[] = [
  {
    ...base,
    name: '筑信·应收e贷',
    type: 'receivable',
    maxRatioBp: 8000,
    feeBp: 180,
    feeBasis: 'annual',
    minGrade: 'B',
    categories: ['SUB', 'SUP'],
  },
  {
    ...base,
    name: '筑信·订单e贷',
    type: 'order',
    minRatioBp: 3000,
    maxRatioBp: 5000,
    feeBp: 250,
    feeBasis: 'annual',
    minGrade: 'B',
    decisionDays: 5,
  },
  {
    ...base,
    name: '筑信·保证金垫付',
    type: 'bond_advance',
    maxRatioBp: 7000,
    feeBp: 150,
    feeBasis: 'flat',
    minGrade: 'B',
  },
];

/** A subcontract gc → payee, signed by both, with its escrow open, scheduled and funded. */
async function fundedSubcontract(
  ctx: AppContext,
  gc: { userId: string; orgId: string },
  payee: { userId: string; orgId: string },
  title: string,
  milestones: { id: string; title: string; days: number; amountFen: number }[],
) {
  const amountFen = milestones.reduce((s, m) => s + m.amountFen, 0);
  const contractId = await createContract(ctx, gc, gc.orgId, {
    kind: 'subcontract',
    counterpartyOrgId: payee.orgId,
    title,
    variables: {
      projectName: '深圳前海国际金融城 T3 地块',
      projectLocation: '深圳市南山区',
      scope: title,
      amountFen,
      startDate: day(-60),
      endDate: day(120),
      advanceBp: 0,
      retentionBp: 300,
      paymentTerms: '按节点计量，经监理确认后 14 日内支付',
      qualityStandard: '合格（GB 50300-2013）',
      disputeVenue: '深圳国际仲裁院',
    },
  });
  await signVersion(ctx, gc, gc.orgId, contractId, 1);
  await signVersion(ctx, payee, payee.orgId, contractId, 1);
  await openContractEscrow(ctx, {
    contractId,
    payerOrgId: gc.orgId,
    payeeOrgId: payee.orgId,
    contractAmountFen: amountFen,
    advanceRatioPct: 0,
    retentionPct: 3,
    labourSharePct: 0,
    bondPct: null,
  });
  await setPaymentSchedule(ctx, {
    contractId,
    items: milestones.map((m) => ({ milestoneId: m.id, title: m.title, dueDate: day(m.days), amountFen: m.amountFen })),
  });
  await fundEscrowByDeposit(ctx, {
    contractId,
    amountFen: amountFen + amountFen / 100,
    reference: `DEMO-FIN-${contractId.slice(-6)}`,
    clientId: `demo-finance-fund:${contractId}`,
  });
  return contractId;
}

/**
 * 结算未付 a statement sealed by gc@, sub@ and the supervisor svr@ whose release failed (escrow was not funded when
 * it was sealed; the deposit came later and the GC has not retried): the receivable sub@ can finance, and that the
 * GC's retried release (重试放款 on the settlement page) repays.
 */
async function settledUnpaidStatement(ctx: AppContext) {
  const gc = await ownerOf(ctx, 'gc@example.com');
  const sub = await ownerOf(ctx, 'sub@example.com');
  const svr = await ownerOf(ctx, 'svr@example.com');
  const contractId = await createContract(ctx, gc, gc.orgId, {
    kind: 'subcontract',
    counterpartyOrgId: sub.orgId,
    title: 'A3 地块 2# 楼二次结构砌筑劳务分包',
    variables: {
      projectName: '杭州未来科技城 A3 地块住宅项目',
      projectLocation: '杭州市余杭区',
      scope: '2# 楼二次结构砌筑、构造柱及圈梁劳务作业',
      amountFen: 80_000_000,
      startDate: day(-50),
      endDate: day(70),
      advanceBp: 0,
      retentionBp: 300,
      paymentTerms: '按节点计量，经监理确认后支付，质保金 3%',
      qualityStandard: '合格（GB 50300-2013）',
      disputeVenue: '杭州仲裁委员会',
    },
  });
  await signVersion(ctx, gc, gc.orgId, contractId, 1);
  await signVersion(ctx, sub, sub.orgId, contractId, 1);
  await setPlan(ctx, gc, gc.orgId, contractId, {
    startDate: day(-50),
    retentionBp: 300,
    advanceBp: 0,
    labourShareBp: 0,
    bondBp: null,
    milestones: [
      { title: '1–9 层砌筑完成', deliverables: '砌体工程验收记录', dueDate: day(20), shareBp: 5000 },
      { title: '10–18 层砌筑完成', deliverables: '砌体工程验收记录', dueDate: day(70), shareBp: 5000 },
    ],
    boqLines: [
      { code: '010401003', name: '加气混凝土砌块墙', unit: 'm³', quantityMilli: 2_000_000, unitPriceFen: 40_000 },
    ],
    plannedCurve: [],
  });
  const { lines, milestones } = await executionAccess(ctx, gc.orgId, contractId);
  await inviteSupervisor(ctx, gc.orgId, contractId, svr.orgId);
  const settlementId = await openSettlement(ctx, gc, gc.orgId, contractId, {
    milestoneId: milestones[0]?.id as string,
  });
  const proposalId = await proposeQuantity(ctx, sub, sub.orgId, contractId, settlementId, {
    lineId: lines[0]?.id as string,
    quantityMilli: 1_000_000,
    note: '1–9 层砌筑按施工日志累计',
  });
  for (const p of [gc, svr])
    await voteQuantity(ctx, p, p.orgId, contractId, settlementId, { proposalId, decision: 'confirm', note: '' });
  await generateStatement(ctx, gc.orgId, contractId, settlementId, {
    variationsFen: 0,
    deductionsFen: 0,
    note: '第一节点（1–9 层砌筑）结算',
  });
  // sealed by the three parties; the release is refused (escrow not funded yet) and kept for the GC to retry
  for (const p of [sub, gc, svr]) await signStatement(ctx, p, p.orgId, contractId, settlementId);
  // the GC's deposit (the milestone plus the 1% reserve) arrives afterwards; the GC has not retried the release yet
  await fundEscrowByDeposit(ctx, {
    contractId,
    amountFen: 40_400_000,
    reference: `DEMO-FIN-${contractId.slice(-6)}`,
    clientId: `demo-finance-fund:${contractId}`,
  });
  return contractId;
}

/**
 * 工程e贷 demo: fin@ (深圳前海筑信商业保理) publishes receivable, order and bond-advance products; sub@ has a sealed,
 * unpaid statement to finance; sub2@, sup@ and gc2@ have applications in every state — awaiting a decision on its
 * working-day timer, disbursed and partly spent, repaid from the escrow release (closed), overdue with its penalty
 * and risk warning, rejected. Approvals are dated in the past so the cycle times come from stored instants.
 */
export async function seedFinanceDemo(ctx: AppContext): Promise<DemoLogin[]> {
  const fin = await actorFor(ctx, 'fin@example.com');
  const finOrg = fin.memberships[0]?.orgId as string;
  const products = [];
  for (const p of PRODUCTS) products.push(await publishProduct(ctx, finOrg, p, new Date(Date.now() - 60 * DAY)));
  const [receivableProduct, orderProduct] = products as unknown as [{ id: string }, { id: string }];

  await settledUnpaidStatement(ctx);

  const gc2 = await ownerOf(ctx, 'gc2@example.com');
  const sub2 = await actorFor(ctx, 'sub2@example.com');
  const sup = await actorFor(ctx, 'sup@example.com');
  const sub2Org = { userId: sub2.userId, orgId: sub2.memberships[0]?.orgId as string };
  const supOrg = { userId: sup.userId, orgId: sup.memberships[0]?.orgId as string };

  const curtain = await fundedSubcontract(ctx, gc2, sub2Org, 'T3 地块塔楼单元式幕墙安装分包', [
    { id: 'cw-1', title: '低区幕墙安装完成', days: 25, amountFen: 120_000_000 },
    { id: 'cw-2', title: '中区幕墙安装完成', days: 70, amountFen: 150_000_000 },
    { id: 'cw-3', title: '高区幕墙及收口完成', days: 120, amountFen: 130_000_000 },
  ]);
  const steel = await fundedSubcontract(ctx, gc2, supOrg, 'T3 地块钢结构材料供应（HRB400E / Q355B）', [
    { id: 'st-1', title: '首批钢材到货验收', days: 10, amountFen: 60_000_000 },
    { id: 'st-2', title: '第二批钢材到货验收', days: 40, amountFen: 60_000_000 },
  ]);

  const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY);
  const apply = (
    who: typeof sub2,
    productId: string,
    contractId: string,
    milestoneId: string | null,
    kind: 'receivable' | 'order',
    amountFen: number,
    termDays: number,
    when: Date,
  ) =>
    applyForFinance(
      ctx,
      who,
      who.memberships[0]?.orgId as string,
      { productId, asset: { kind, contractId, milestoneId }, amountFen, termDays, consent: true },
      when,
    );
  const approve = (id: string, amountFen: number, termDays: number, when: Date) =>
    decideApplication(ctx, fin, finOrg, id, { decision: 'approve', amountFen, feeBp: 180, termDays }, when);

  // 待审批: sub2@ applied yesterday on the first curtain-wall milestone (the timer runs)
  await apply(sub2, receivableProduct.id, curtain, 'cw-1', 'receivable', 90_000_000, 60, at(1));

  // 已放款: sub2@'s second milestone, approved two working days after the application, partly spent since
  const active = await apply(sub2, receivableProduct.id, curtain, 'cw-2', 'receivable', 100_000_000, 90, at(12));
  await approve(active.id, 100_000_000, 90, addWorkingDays(at(12), 2));
  await requestPayout(ctx, new SimulatedBank(ctx.db), {
    orgId: sub2Org.orgId,
    amountFen: 38_000_000,
    beneficiaryName: '四川蜀安幕墙工程有限公司',
    beneficiaryAccount: '6222020402011234567',
    clientId: 'demo-finance-spend',
  });

  // 已结清: sup@'s first delivery financed 40 days ago; the release repaid the lender first
  const closed = await apply(sup, receivableProduct.id, steel, 'st-1', 'receivable', 45_000_000, 60, at(40));
  await approve(closed.id, 45_000_000, 60, addWorkingDays(at(40), 1));
  await releaseMilestone(ctx, {
    contractId: steel,
    milestoneId: 'st-1',
    settlementId: 'demo-finance-release',
    clientId: `demo-finance-release:${steel}`,
    grossFen: 60_000_000,
    retentionFen: 1_800_000,
    labourFen: 0,
  });

  // 已逾期: sup@'s second delivery, a 14-day loan from 30 days ago; the daily job charged the penalty
  const late = await apply(sup, receivableProduct.id, steel, 'st-2', 'receivable', 40_000_000, 14, at(30));
  await approve(late.id, 40_000_000, 14, addWorkingDays(at(30), 3));
  await runOverdueScan(ctx);

  // 已拒绝: order financing asked by sub2@ on the whole curtain-wall contract
  const rejected = await apply(sub2, orderProduct.id, curtain, null, 'order', 150_000_000, 120, at(8));
  await decideApplication(
    ctx,
    fin,
    finOrg,
    rejected.id,
    { decision: 'reject', reason: '订单融资要求信用等级 A 以上的近期履约记录，请补充后再申请' },
    at(5),
  );
  return [];
}
