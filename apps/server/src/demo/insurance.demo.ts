import type { InsuranceProductBody } from '@zhuhe/contracts';
import type { AppContext } from '../infra/context';
import { createContract, signVersion } from '../modules/contracts';
import { fundEscrowByDeposit, openContractEscrow, releaseMilestone, setPaymentSchedule } from '../modules/escrow';
import { buyPolicy, fileClaim, publishInsuranceProduct } from '../modules/insurance';
import { actorFor } from './disputes.demo';
import { day } from './execution.demo';
import type { DemoLogin } from './foundation.demo';

const DAY = 86_400_000;

const PRODUCTS: InsuranceProductBody[] = [
  {
    name: '筑安·履约保证险',
    premiumBp: 150,
    coverageBp: 10_000,
    maxInsuredFen: 2_000_000_00,
    minGrade: 'B',
    regions: [],
    termDays: 365,
  },
  {
    name: '筑安·优选履约保证险（粤港澳）',
    premiumBp: 100,
    coverageBp: 12_000,
    maxInsuredFen: 5_000_000_00,
    minGrade: 'AA',
    regions: ['44'],
    termDays: 730,
  },
];

/**
 * A subcontract payer → payee, signed by both, with its escrow open. With `bond`, the advance of 40% requires a 10%
 * bond (FUND-2), not posted yet; without, no bond.
 */
async function signedSubcontract(
  ctx: AppContext,
  payer: { userId: string; orgId: string },
  payee: { userId: string; orgId: string },
  title: string,
  amountFen: number,
  bond: boolean,
) {
  const contractId = await createContract(ctx, payer, payer.orgId, {
    kind: 'subcontract',
    counterpartyOrgId: payee.orgId,
    title,
    variables: {
      projectName: '杭州云城北综合体一期',
      projectLocation: '杭州市余杭区',
      scope: title,
      amountFen,
      startDate: day(bond ? 10 : -90),
      endDate: day(200),
      advanceBp: bond ? 4000 : 0,
      retentionBp: 300,
      paymentTerms: bond
        ? '预付 40%，余款按节点计量，经监理确认后 14 日内支付'
        : '按节点计量，经监理确认后 14 日内支付',
      qualityStandard: '合格（GB 50300-2013）',
      disputeVenue: '杭州仲裁委员会',
    },
  });
  await signVersion(ctx, payer, payer.orgId, contractId, 1);
  await signVersion(ctx, payee, payee.orgId, contractId, 1);
  await openContractEscrow(ctx, {
    contractId,
    payerOrgId: payer.orgId,
    payeeOrgId: payee.orgId,
    contractAmountFen: amountFen,
    advanceRatioPct: bond ? 40 : 0,
    retentionPct: 3,
    labourSharePct: 0,
    bondPct: bond ? 10 : null,
  });
  return contractId;
}

/** An earlier subcontract whose one milestone was paid into escrow and released: money in the payee's wallet. */
async function paidSubcontract(
  ctx: AppContext,
  payer: { userId: string; orgId: string },
  payee: { userId: string; orgId: string },
) {
  const amountFen = 20_000_000;
  const contractId = await signedSubcontract(ctx, payer, payee, '云城北一期钢结构预埋件制作安装', amountFen, false);
  await setPaymentSchedule(ctx, {
    contractId,
    items: [{ milestoneId: 'embed-1', title: '预埋件安装完成', dueDate: day(-30), amountFen }],
  });
  await fundEscrowByDeposit(ctx, {
    contractId,
    amountFen: amountFen + amountFen / 100,
    reference: `DEMO-INS-${contractId.slice(-6)}`,
    clientId: `demo-insurance-fund:${contractId}`,
  });
  await releaseMilestone(ctx, {
    contractId,
    milestoneId: 'embed-1',
    settlementId: 'demo-insurance-release',
    clientId: `demo-insurance-release:${contractId}`,
    grossFen: amountFen,
    retentionFen: 600_000,
    labourFen: 0,
  });
}

/**
 * 履约保证险 demo: fin@ publishes two products (one for AA and better in Guangdong); sub2@ bought a policy in place of
 * the ¥120,000 bond on gc2@'s fit-out subcontract, and gc2@ has filed a claim that waits for fin@'s decision;
 * bidder1@ (paid for earlier work by tender-gc@) owes a ¥50,000 bond on tender-gc@'s new subcontract, with the offers
 * on its money page. Both of the latter have authenticators, so the journey buys that policy with a step-up.
 */
export async function seedInsuranceDemo(ctx: AppContext): Promise<DemoLogin[]> {
  const fin = await actorFor(ctx, 'fin@example.com');
  const finOrg = fin.activeOrgId as string;
  const products = [];
  for (const p of PRODUCTS)
    products.push(await publishInsuranceProduct(ctx, finOrg, p, new Date(Date.now() - 45 * DAY)));
  const standard = products[0] as { id: string };

  const party = (a: Awaited<ReturnType<typeof actorFor>>) => ({ userId: a.userId, orgId: a.activeOrgId as string });
  const gc2 = await actorFor(ctx, 'gc2@example.com');
  const sub2 = await actorFor(ctx, 'sub2@example.com');

  // 保单在保 + 理赔待审: sub2@'s policy from 20 days ago; gc2@ claims after the work stopped
  const fitOut = await signedSubcontract(ctx, party(gc2), party(sub2), 'T3 地块裙楼精装修工程分包', 1_200_000_00, true);
  const policy = await buyPolicy(
    ctx,
    sub2,
    party(sub2).orgId,
    { productId: standard.id, contractId: fitOut, insuredFen: 120_000_00 },
    new Date(Date.now() - 20 * DAY),
  );
  await fileClaim(
    ctx,
    gc2,
    party(gc2).orgId,
    policy.id,
    {
      amountFen: 60_000_00,
      reason: '乙方进场后擅自停工 21 日，经两次书面催告仍未复工，依合同第 12 条应没收履约保证金的 50%',
      evidenceFileIds: [],
    },
    new Date(Date.now() - 2 * DAY),
  );

  // 待缴保证金: bidder1@ may post ¥50,000 in cash or buy a policy in its place
  const tenderGc = party(await actorFor(ctx, 'tender-gc@example.com'));
  const bidder1 = party(await actorFor(ctx, 'bidder1@example.com'));
  await paidSubcontract(ctx, tenderGc, bidder1);
  await signedSubcontract(ctx, tenderGc, bidder1, '云城北一期钢结构主体安装分包', 500_000_00, true);
  return [];
}
