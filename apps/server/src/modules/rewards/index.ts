export { rewardsErrors } from './rewards.errors';
export { createRewardsModule } from './rewards.module';
export {
  CONTRACT_SIGNED_POINTS,
  earnPoints,
  POINTS_CATALOGUE,
  type PointsChange,
  pointsOverview,
  redeemPoints,
  reversePoints,
  verifyPoints,
} from './rewards.points';
export { acceptReferral, decideMilestone, ensureCode, REFERRAL_REWARD_CAP } from './rewards.referrals';
export { grantVoucher, listVouchers, redeemVoucher, type VoucherTerms } from './rewards.vouchers';
