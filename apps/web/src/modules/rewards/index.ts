export { PointsView } from './points-view';
export { ReferralView } from './referral-view';
export { acceptReferral } from './rewards.api';
export { rewardsEn, rewardsZhCN } from './rewards.i18n';
export { StaffRewardsBoard } from './staff-rewards';
