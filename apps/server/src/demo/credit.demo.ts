import type { StaffRole } from '@zhuhe/contracts';
import { shanghaiDate } from '../infra/calendar/working-days';
import type { AppContext } from '../infra/context';
import type { Actor } from '../infra/http/access';
import { listContracts } from '../modules/contracts';
import { declareTaxYear, rateCounterparty, recalculateMonth, requestCreditReview } from '../modules/credit';
import { findUserByIdentifier } from '../modules/identity';
import { membershipsOfUser } from '../modules/organisation';
import { approveRequest } from '../modules/staff';
import type { DemoLogin } from './foundation.demo';

async function actorFor(ctx: AppContext, identifier: string, staffRoles: StaffRole[] = []): Promise<Actor> {
  const user = await findUserByIdentifier(ctx, identifier);
  if (!user) throw new Error(`demo user ${identifier} is missing`);
  const memberships = await membershipsOfUser(ctx, user.id);
  return {
    userId: user.id,
    sessionId: 'demo',
    csrfToken: 'demo',
    mfa: true,
    pendingMfa: false,
    stepUpAt: new Date(),
    activeOrgId: memberships[0]?.orgId ?? null,
    activeRole: null,
    staffRoles,
    memberships,
  };
}

const STARS = {
  good: { quality: 5, timeliness: 4, cooperation: 5, payment: 5 },
  fair: { quality: 4, timeliness: 3, cooperation: 4, payment: 3 },
};

/**
 * 信用评级 in every state: the parties of the signed demo contracts rate each other, some declare their tax years,
 * the last four months are rated from the platform data (history and explanations on each credit page), and a
 * manual review (requested by reviewer@, approved by admin@) sets one organisation AAA until the year's end. The
 * tendering demo's outside grades (AA, A, C for bidders with no platform record) stay in force.
 */
export async function seedCreditDemo(ctx: AppContext): Promise<DemoLogin[]> {
  const gc = await actorFor(ctx, 'gc@example.com');
  const gc2 = await actorFor(ctx, 'gc2@example.com');
  for (const buyer of [gc, gc2]) {
    const buyerOrg = buyer.activeOrgId as string;
    for (const { contract, counterparty } of await listContracts(ctx, buyerOrg)) {
      if (contract.status !== 'signed' || counterparty.orgId === buyerOrg) continue;
      const supplier = await actorForOrg(ctx, counterparty.orgId);
      await rateCounterparty(ctx, buyer, buyerOrg, {
        contractId: contract.id,
        ratedOrgId: counterparty.orgId,
        stars: buyer === gc2 ? STARS.good : STARS.fair,
        comment: buyer === gc2 ? '工完场清，节点按期，配合积极。' : '质量合格，个别节点滞后，需加强现场管理。',
      }).catch(() => undefined);
      if (supplier)
        await rateCounterparty(ctx, supplier, counterparty.orgId, {
          contractId: contract.id,
          ratedOrgId: buyerOrg,
          stars: STARS.good,
          comment: '按合同约定及时付款，沟通顺畅。',
        }).catch(() => undefined);
    }
  }
  const year = Number(shanghaiDate(new Date()).slice(0, 4));
  for (const [identifier, onTime] of [
    ['gc@example.com', [true, true, true]],
    ['gc2@example.com', [true, true, false]],
    ['sub2@example.com', [true, true, true]],
  ] as const) {
    const a = await actorFor(ctx, identifier);
    for (const [i, paid] of onTime.entries())
      await declareTaxYear(ctx, a, a.activeOrgId as string, { year: year - 1 - i, paidOnTime: paid });
  }
  const now = new Date();
  for (let back = 3; back >= 0; back--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 15));
    await recalculateMonth(ctx, d.toISOString().slice(0, 7));
  }
  const requester = await actorFor(ctx, 'reviewer@example.com', ['admin', 'reviewer']);
  const approver = await actorFor(ctx, 'admin@example.com', ['admin', 'operator']);
  const pending = await requestCreditReview(ctx, requester, gc2.activeOrgId as string, {
    grade: 'AAA',
    reason: '演示：经第三方审计确认近三年无不良履约记录，人工复核上调',
    expiresOn: `${year}-12-31`,
  });
  await approveRequest(ctx, approver, pending.requestId, '演示：已核对审计报告');
  return [];
}

async function actorForOrg(ctx: AppContext, orgId: string): Promise<Actor | null> {
  for (const identifier of [
    'sub@example.com',
    'sub2@example.com',
    'sup@example.com',
    'sup2@example.com',
    'sup3@example.com',
  ]) {
    const a = await actorFor(ctx, identifier);
    if (a.activeOrgId === orgId) return a;
  }
  return null;
}
