import { z } from 'zod';

/** 用户分级 organisation tiers (ORG-3). */
export const USER_TIERS = ['new', 'normal', 'certified', 'vip'] as const;
export const UserTier = z.enum(USER_TIERS);
export type UserTier = z.infer<typeof UserTier>;

export const TierChange = z.object({
  quarter: z.string(),
  fromTier: UserTier,
  toTier: UserTier,
  reasons: z.array(z.object({ 'zh-CN': z.string(), en: z.string() })),
  computedAt: z.iso.datetime(),
});
export const OrgTier = z.object({
  tier: UserTier,
  since: z.iso.datetime(),
  history: z.array(TierChange),
  /** the rules whose data is not yet on the platform */
  pendingData: z.array(z.object({ 'zh-CN': z.string(), en: z.string() })),
});
export const TierOverview = z.object({
  counts: z.array(z.object({ tier: UserTier, count: z.number().int() })),
  recent: z.array(TierChange.extend({ orgId: z.string(), orgName: z.string() })),
});
export const TierRunResult = z.object({ quarter: z.string(), evaluated: z.number().int(), changed: z.number().int() });
