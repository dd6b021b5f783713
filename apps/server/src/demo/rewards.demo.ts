import type { AppContext } from '../infra/context';
import { recordCharge } from '../modules/fees';
import { createUserDirect } from '../modules/identity';
import { createOrganisationDirect, getOrganisation } from '../modules/organisation';
import {
  acceptReferral,
  decideMilestone,
  earnPoints,
  ensureCode,
  grantVoucher,
  listVouchers,
  redeemPoints,
  redeemVoucher,
  reversePoints,
} from '../modules/rewards';
import { DEMO_PASSWORD, type DemoLogin, demoCreditCode } from './foundation.demo';
import { demoActor } from './reserve.demo';

const DAY = 86_400_000;

/**
 * 推荐有礼 · 积分 · 优惠券 in every state, on gc@'s organisation (whose signed contracts and community posts earned
 * points already): a campaign bonus, a report redeemed, a bonus granted twice and reversed by finance@; referrals
 * registered only, with an organisation awaiting verification, verified and rewarded (the voucher used against a
 * fee), verified and rewarded (voucher still available), and one refused as the referrer's own device; campaign
 * vouchers expired and not yet valid. gc@'s premium-report charge of this month stays open for a voucher.
 */
export async function seedRewardsDemo(ctx: AppContext): Promise<DemoLogin[]> {
  const gc = await demoActor(ctx, 'gc@example.com');
  const finance = await demoActor(ctx, 'finance@example.com', ['finance']);
  const orgId = gc.activeOrgId as string;
  const now = new Date();

  // points: a bonus, a redemption, and a duplicate bonus reversed
  await earnPoints(ctx, {
    orgId,
    userId: gc.userId,
    points: 300,
    reason: 'campaign.bonus',
    sourceKey: 'demo:rewards:bonus',
    memo: { title: '入驻满一年' },
  });
  await redeemPoints(ctx, gc, orgId, {
    itemCode: 'report_material_prices',
    requestId: '0190a000-0000-7000-8000-000000000001',
  });
  // an event ticket as well, so 我的兑换 shows a report and a ticket with its admission number
  await earnPoints(ctx, {
    orgId,
    userId: gc.userId,
    points: 150,
    reason: 'campaign.bonus',
    sourceKey: 'demo:rewards:training-bonus',
    memo: { title: '安全月活动' },
  });
  await redeemPoints(ctx, gc, orgId, {
    itemCode: 'ticket_safety_training',
    requestId: '0190a000-0000-7000-8000-000000000002',
  });
  const duplicate = await earnPoints(ctx, {
    orgId,
    points: 100,
    reason: 'campaign.bonus',
    sourceKey: 'demo:rewards:bonus-duplicate',
    memo: { title: '入驻满一年（重复发放）' },
  });
  await reversePoints(ctx, finance, duplicate.entry.id);

  // referrals: gc@'s code, seen on gc@'s own device
  const code = await ensureCode(ctx, gc, orgId, { ip: '10.8.0.12', deviceId: 'demo-device-gc' });
  const refer = async (identifier: string, deviceId: string | null) => {
    const invitee = await demoActor(ctx, identifier);
    await acceptReferral(ctx, invitee, { code: code.code, deviceId: deviceId ?? undefined }, '10.9.1.20');
    return invitee.activeOrgId as string;
  };
  const sup3 = await refer('sup3@example.com', 'demo-device-sup3');
  const des = await refer('des@example.com', 'demo-device-des');
  const svr = await refer('svr@example.com', 'demo-device-gc');
  // the milestone as the verification event decides it, for the invitees whose organisation is verified already
  for (const invited of [sup3, des, svr])
    if ((await getOrganisation(ctx, invited)).verification === 'verified')
      await decideMilestone(ctx, invited, 'verified', null, now);

  const newcomer = await createUserDirect(ctx, {
    identifier: 'referred.new@example.com',
    password: DEMO_PASSWORD,
    displayName: '许晨',
  });
  await acceptReferral(ctx, { userId: newcomer.id }, { code: code.code, deviceId: 'demo-device-xu' }, '10.9.1.31');
  const applicant = await createUserDirect(ctx, {
    identifier: 'referred.pending@example.com',
    password: DEMO_PASSWORD,
    displayName: '冯涛',
  });
  await acceptReferral(ctx, { userId: applicant.id }, { code: code.code, deviceId: 'demo-device-feng' }, '10.9.1.32');
  await createOrganisationDirect(ctx, applicant.id, {
    name: '嘉兴涛然劳务有限公司',
    creditCode: demoCreditCode('330400', 87),
    businessRoles: ['SUB'],
    regionCode: '330402',
    verification: 'pending',
  });

  // the first reward voucher used against a featured-placement fee; the second stays available
  const placement = await recordCharge(
    ctx,
    {
      orgId,
      itemCode: 'featured_placement',
      quantity: 1,
      description: '项目推荐位 1 周',
      reference: 'demo:rewards:fee',
    },
    finance.userId,
  );
  const [first] = (await listVouchers(ctx, orgId)).vouchers.filter((v) => v.source === 'referral').reverse();
  if (first) await redeemVoucher(ctx, gc, orgId, first.id, placement.id);

  // campaign vouchers: one expired, one not valid yet (3 uses per organisation)
  await ctx.db.transaction(async (tx) => {
    await grantVoucher(tx, {
      holderOrgId: orgId,
      title: { 'zh-CN': '双十一服务费满减', en: 'Singles’ Day fee discount' },
      kind: 'amount',
      valueFen: 50_00,
      eligibleItems: [],
      validFrom: new Date(now.getTime() - 40 * DAY),
      validUntil: new Date(now.getTime() - 10 * DAY),
      source: 'campaign',
      sourceRef: 'demo:double-eleven',
    });
    await grantVoucher(tx, {
      holderOrgId: orgId,
      title: { 'zh-CN': '新春推荐位八折', en: 'Spring festival placement 20% off' },
      kind: 'percent',
      percent: 20,
      maxDiscountFen: 300_00,
      eligibleItems: ['featured_placement'],
      validFrom: new Date(now.getTime() + 20 * DAY),
      validUntil: new Date(now.getTime() + 80 * DAY),
      usesPerOrg: 3,
      source: 'campaign',
      sourceRef: 'demo:spring',
    });
  });
  return [];
}
