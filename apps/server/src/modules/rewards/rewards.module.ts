import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { onContractSignedPoints } from './rewards.points';
import { onContractSignedReferral, onOrganisationVerified } from './rewards.referrals';
import { rewardsRoutes } from './rewards.routes';

/**
 * 推荐有礼 · 积分 · 优惠券 (GROW-6): an append-only points ledger per organisation (earned in the community and by
 * signing contracts, spent on reports and event tickets), vouchers redeemed against platform fees through the fees
 * module, and referral codes whose milestones (verified, first transaction) grant the referrer a voucher unless an
 * anti-fraud rule refuses it.
 */
export function createRewardsModule(ctx: AppContext) {
  return defineModule({
    name: 'rewards',
    routes: [rewardsRoutes(ctx)],
    api: {},
    subscribe() {
      // points for the transaction commit with the signing itself
      ctx.events.onTransaction('contract.signed', 'rewards.points', (event, tx) =>
        onContractSignedPoints(ctx, event, tx),
      );
      // referral milestones are side effects: decided after commit, once per event
      ctx.events.afterCommit('verification.approved', 'rewards.referral-verified', (event) =>
        onOrganisationVerified(ctx, event).then(() => undefined),
      );
      ctx.events.afterCommit('contract.signed', 'rewards.referral-transaction', (event) =>
        onContractSignedReferral(ctx, event),
      );
    },
  });
}
