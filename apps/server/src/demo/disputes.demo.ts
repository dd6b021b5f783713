import type { PlatformModules } from '../composition';
import type { AppContext } from '../infra/context';
import type { Actor } from '../infra/http/access';
import { createContract, signVersion } from '../modules/contracts';
import { castVote, fileDispute, formPendingTeams, handOver, postMessage, recordMediation } from '../modules/disputes';
import { fundEscrowByDeposit, openContractEscrow } from '../modules/escrow';
import { storeFile } from '../modules/files';
import { createUserDirect, findUserByIdentifier } from '../modules/identity';
import { membershipsOfUser } from '../modules/organisation';
import { seedStaffRoles } from '../modules/staff';
import { DEMO_PASSWORD, type DemoLogin } from './foundation.demo';
import { sitePhotoJpeg } from './site-photo';

/** Fixed authenticator secrets of the demo dispute staff (demo only). */
export const DEMO_DISPUTE_TOTP = {
  service: 'ONSXE5TJMNSSAMJTGE2TQOJQGEZDGNBX',
  arb1: 'MFZGEMJAGEZTCNBYHEYDCMRTGQ3TQOJQ',
  arb2: 'MFZGEMRAGEZTCNBYHEYDCMRTGQ3TQOJR',
  arb3: 'MFZGEMZAGEZTCNBYHEYDCMRTGQ3TQOJS',
} as const;

const ARBITRATORS = [
  { email: 'arb1@example.com', name: '仲裁员 钱正', totp: DEMO_DISPUTE_TOTP.arb1 },
  { email: 'arb2@example.com', name: '仲裁员 孙立', totp: DEMO_DISPUTE_TOTP.arb2 },
  { email: 'arb3@example.com', name: '仲裁员 冯清', totp: DEMO_DISPUTE_TOTP.arb3 },
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export async function actorFor(
  ctx: AppContext,
  identifier: string,
  staffRoles: Actor['staffRoles'] = [],
): Promise<Actor> {
  const user = await findUserByIdentifier(ctx, identifier);
  if (!user) throw new Error(`demo user ${identifier} missing`);
  const memberships = await membershipsOfUser(ctx, user.id);
  return {
    userId: user.id,
    sessionId: 'demo',
    csrfToken: 'demo',
    mfa: true,
    pendingMfa: false,
    stepUpAt: new Date(),
    activeOrgId: memberships[0]?.orgId ?? null,
    activeRole: memberships[0]?.businessRoles[0] ?? null,
    staffRoles,
    memberships,
  };
}

const orgOf = (a: Actor) => a.memberships[0]?.orgId as string;

async function signedContractWithEscrow(
  ctx: AppContext,
  gc: Actor,
  sub: Actor,
  title: string,
  amountFen: number,
  fundFen: number,
) {
  const contractId = await createContract(ctx, gc, orgOf(gc), {
    kind: 'subcontract',
    counterpartyOrgId: orgOf(sub),
    title,
    variables: {
      projectName: '郑州航空港区安置房三期',
      projectLocation: '郑州市航空港区',
      scope: title,
      amountFen,
      startDate: '2026-06-01',
      endDate: '2027-05-31',
      advanceBp: 1000,
      retentionBp: 300,
      paymentTerms: '按节点计量，经监理确认后 14 日内支付',
      qualityStandard: '合格（GB 50300-2013）',
      disputeVenue: '郑州仲裁委员会',
    },
  });
  await signVersion(ctx, gc, orgOf(gc), contractId, 1);
  await signVersion(ctx, sub, orgOf(sub), contractId, 1);
  await openContractEscrow(ctx, {
    contractId,
    payerOrgId: orgOf(gc),
    payeeOrgId: orgOf(sub),
    contractAmountFen: amountFen,
    advanceRatioPct: 10,
    retentionPct: 3,
    labourSharePct: 30,
    bondPct: null,
  });
  await fundEscrowByDeposit(ctx, {
    contractId,
    amountFen: fundFen,
    reference: `DEMO-DSP-${title.length}`,
    clientId: `demo-dispute-fund:${contractId}`,
  });
  return contractId;
}

/**
 * 纠纷 demo: customer service (service@), three arbitrators (arb1–3@) and cases in every state between gc2@ (中原恒泰)
 * and the subcontractors sub@ / sub2@: one whose team formed late (red on the board), one overdue in mediation,
 * one in mediation with money held, one before the committee with a vote cast, one decided by the committee with
 * the held money released, one settled in mediation, one handed over to the outside institution.
 */
export async function seedDisputesDemo(ctx: AppContext, modules: PlatformModules): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = [];
  const gc2 = await actorFor(ctx, 'gc2@example.com');
  const sub = await actorFor(ctx, 'sub@example.com');
  const sub2 = await actorFor(ctx, 'sub2@example.com');
  const now = new Date();

  const c1 = await signedContractWithEscrow(ctx, gc2, sub2, '安置房三期 5# 楼幕墙分包', 386_000_000, 120_000_000);
  const c2 = await signedContractWithEscrow(ctx, gc2, sub, '安置房三期 6# 楼主体劳务分包', 215_000_000, 80_000_000);
  const evidence = async (who: Actor, name: string, i: number) =>
    (
      await storeFile(ctx, {
        orgId: orgOf(who),
        userId: who.userId,
        name,
        bytes: sitePhotoJpeg({
          takenAt: `2026:11:${String(10 + i).padStart(2, '0')} 10:00:00`,
          latitude: 34.52,
          longitude: 113.84,
        }),
        accept: ['image'],
      })
    ).id;

  // filed 3 hours ago while nobody was on the desk: the team forms late — the board shows the breach in red
  const late = await fileDispute(
    ctx,
    sub,
    orgOf(sub),
    {
      subject: { kind: 'contract', id: c2 },
      type: 'quality',
      amountInDisputeFen: null,
      claim: '总包以“墙面平整度不合格”为由拒绝验收 6# 楼 8 层，实测偏差在规范允许范围内，请求组织复验。',
      evidenceFileIds: [await evidence(sub, '8层实测实量照片.jpg', 1)],
      holdInEscrow: false,
    },
    new Date(now.getTime() - 3 * HOUR),
  );

  const service = await createUserDirect(ctx, {
    identifier: 'service@example.com',
    password: DEMO_PASSWORD,
    displayName: '客服主管 唐悦',
    totpSecret: DEMO_DISPUTE_TOTP.service,
  });
  await seedStaffRoles(ctx, service.id, ['service']);
  // the platform admin doubles as the risk specialist of "other" disputes
  const admin = await findUserByIdentifier(ctx, 'admin@example.com');
  if (admin) await seedStaffRoles(ctx, admin.id, ['risk']);
  logins.push({
    who: '客服主管 唐悦',
    identifier: 'service@example.com',
    password: DEMO_PASSWORD,
    totpSecret: DEMO_DISPUTE_TOTP.service,
  });
  for (const a of ARBITRATORS) {
    const user = await createUserDirect(ctx, {
      identifier: a.email,
      password: DEMO_PASSWORD,
      displayName: a.name,
      totpSecret: a.totp,
    });
    await seedStaffRoles(ctx, user.id, ['arbitrator']);
    logins.push({ who: a.name, identifier: a.email, password: DEMO_PASSWORD, totpSecret: a.totp });
  }
  await formPendingTeams(ctx, now);
  const staff = await actorFor(ctx, 'service@example.com', ['service']);
  const arbs = await Promise.all(ARBITRATORS.map((a) => actorFor(ctx, a.email, ['arbitrator'])));
  void late;

  // decided by the committee: the held 45 万 → 30 万 to the claimant, 15 万 back into escrow
  const decided = await fileDispute(
    ctx,
    sub2,
    orgOf(sub2),
    {
      subject: { kind: 'contract', id: c1 },
      type: 'payment',
      amountInDisputeFen: 45_000_000,
      claim: '5# 楼幕墙第一节点已经监理确认，总包以资金紧张为由扣付 45 万元进度款，请求支付。',
      evidenceFileIds: [await evidence(sub2, '监理验收记录.jpg', 2)],
      holdInEscrow: true,
    },
    new Date(now.getTime() - 9 * DAY),
  );
  await postMessage(ctx, gc2, { orgId: orgOf(gc2) }, decided, '第一节点有 2 处开启扇漏水未整改，整改完成后即付款。');
  await recordMediation(
    ctx,
    staff,
    decided,
    { result: 'failed', note: '线上调解两次：双方对整改范围无法达成一致。' },
    new Date(now.getTime() - 6 * DAY),
  );
  for (const a of arbs.slice(0, 2))
    await castVote(
      ctx,
      a,
      decided,
      {
        outcome: 'split',
        awardedToClaimantFen: 30_000_000,
        reasons: '节点已经监理确认，应予支付；漏水整改对应的 15 万元待复验合格后另行支付。',
      },
      new Date(now.getTime() - 4 * DAY),
    );

  // before the committee: one vote cast
  const c3 = await signedContractWithEscrow(ctx, gc2, sub2, '安置房三期 7# 楼幕墙分包', 298_000_000, 60_000_000);
  const voting = await fileDispute(
    ctx,
    sub2,
    orgOf(sub2),
    {
      subject: { kind: 'contract', id: c3 },
      type: 'payment',
      amountInDisputeFen: 18_600_000,
      claim: '7# 楼幕墙材料进场验收合格后，总包未按合同支付材料款 18.6 万元。',
      evidenceFileIds: [await evidence(sub2, '材料进场验收单.jpg', 3)],
      holdInEscrow: true,
    },
    new Date(now.getTime() - 4 * DAY),
  );
  await recordMediation(
    ctx,
    staff,
    voting,
    { result: 'failed', note: '总包认为材料款应随安装节点支付，调解未成。' },
    new Date(now.getTime() - 2 * DAY),
  );
  await castVote(ctx, arbs[2] as Actor, voting, {
    outcome: 'claimant',
    awardedToClaimantFen: 18_600_000,
    reasons: '合同付款条款约定材料进场验收合格后支付，申请人请求有据。',
  });

  // in mediation with the amount held in escrow, and past its 5-working-day mediation clock
  const c6 = await signedContractWithEscrow(ctx, gc2, sub, '安置房三期 9# 楼主体劳务分包', 188_000_000, 70_000_000);
  await fileDispute(
    ctx,
    sub,
    orgOf(sub),
    {
      subject: { kind: 'contract', id: c6 },
      type: 'payment',
      amountInDisputeFen: 26_000_000,
      claim: '6# 楼 1–5 层结构节点已验收，进度款 26 万元逾期 20 日未付，请求支付并冻结监管资金。',
      evidenceFileIds: [await evidence(sub, '节点验收记录.jpg', 4)],
      holdInEscrow: true,
    },
    new Date(now.getTime() - 10 * DAY),
  );

  // settled in mediation (level 1)
  const c4 = await signedContractWithEscrow(ctx, gc2, sub, '安置房三期地库防水劳务分包', 96_000_000, 20_000_000);
  const settled = await fileDispute(
    ctx,
    gc2,
    orgOf(gc2),
    {
      subject: { kind: 'contract', id: c4 },
      type: 'schedule',
      amountInDisputeFen: 4_800_000,
      claim: '地库防水施工较合同工期延误 12 日，按合同约定请求扣减工期违约金 4.8 万元。',
      evidenceFileIds: [],
      holdInEscrow: false,
    },
    new Date(now.getTime() - 12 * DAY),
  );
  await recordMediation(
    ctx,
    staff,
    settled,
    {
      result: 'settled',
      note: '双方确认其中 5 日系连续降雨所致，同意按 7 日计违约金 2.8 万元。',
      outcome: 'split',
      awardedToClaimantFen: 2_800_000,
    },
    new Date(now.getTime() - 8 * DAY),
  );

  // handed over to the outside institution named in the contract
  const c5 = await signedContractWithEscrow(ctx, gc2, sub2, '安置房三期 8# 楼幕墙分包', 312_000_000, 50_000_000);
  const external = await fileDispute(
    ctx,
    sub2,
    orgOf(sub2),
    {
      subject: { kind: 'contract', id: c5 },
      type: 'other',
      amountInDisputeFen: null,
      claim: '总包单方解除 8# 楼幕墙分包合同，申请人不予认可，请求确认解除无效。',
      evidenceFileIds: [await evidence(sub2, '解除通知.jpg', 5)],
      holdInEscrow: false,
    },
    new Date(now.getTime() - 3 * DAY),
  );
  const owner = await actorFor(ctx, 'service@example.com', ['service']);
  await handOver(ctx, owner, external, modules.disputes.api.institution);
  return logins;
}
