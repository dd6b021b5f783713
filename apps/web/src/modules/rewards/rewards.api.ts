import {
  PointsEntry,
  PointsOverview,
  ReferralAccepted,
  ReferralOverview,
  RewardsStaffOverview,
  VoucherList,
  VoucherRedemption,
} from '@zhuhe/contracts';
import { apiRequest } from '../../app/api-client';

const DEVICE_KEY = 'zhuhe.device';

/** A random id this browser keeps, so the anti-fraud rules can tell one device registering many accounts. */
export function deviceId(): string {
  try {
    let id = localStorage.getItem(DEVICE_KEY);
    if (!id) {
      id = crypto.randomUUID();
      localStorage.setItem(DEVICE_KEY, id);
    }
    return id;
  } catch {
    return 'unavailable';
  }
}

export const rewardsKeys = {
  points: (orgId: string) => ['rewards', orgId, 'points'] as const,
  vouchers: (orgId: string) => ['rewards', orgId, 'vouchers'] as const,
  referrals: (orgId: string) => ['rewards', orgId, 'referrals'] as const,
  staff: ['rewards', 'staff'] as const,
};

export const fetchPoints = (orgId: string) => apiRequest('GET', `/api/orgs/${orgId}/rewards/points`, PointsOverview);
export const fetchVouchers = (orgId: string) => apiRequest('GET', `/api/orgs/${orgId}/rewards/vouchers`, VoucherList);
export const fetchReferrals = (orgId: string) =>
  apiRequest('POST', `/api/orgs/${orgId}/rewards/referrals`, ReferralOverview, { body: { deviceId: deviceId() } });

export const redeemPoints = (orgId: string, itemCode: string) =>
  apiRequest('POST', `/api/orgs/${orgId}/rewards/points/redemptions`, PointsOverview, {
    body: { itemCode, requestId: crypto.randomUUID() },
  });

export const redeemVoucher = (orgId: string, voucherId: string, chargeId: string) =>
  apiRequest('POST', `/api/orgs/${orgId}/rewards/vouchers/${voucherId}/redeem`, VoucherRedemption, {
    body: { chargeId },
  });

/** Records the code a newly registered user came with (`/register?ref=…`). */
export const acceptReferral = (code: string) =>
  apiRequest('POST', '/api/referrals/accept', ReferralAccepted, { body: { code, deviceId: deviceId() } });

export const fetchStaffRewards = () => apiRequest('GET', '/api/staff/rewards', RewardsStaffOverview);
export const reverseEntry = (entryId: string) =>
  apiRequest('POST', `/api/staff/rewards/points/${entryId}/reverse`, PointsEntry);
