import { definePermission } from '../../infra/http/access';

/** 增长 the growth team: who reads the growth pages and gets the weekly report */
export const growthTeam = ['admin', 'operator'] as const;

/**
 * The growth pages (增长) are the operators' (运营) and admins'; collection is public (anonymous visitors are
 * counted after consent); a merchant reads only its own figures.
 */
export const analyticsPermissions = {
  listEvents: definePermission('analytics.events.list', { kind: 'staff', roles: ['admin', 'operator'] }),
  collect: definePermission('analytics.collect', { kind: 'public' }),
  analyse: definePermission('analytics.growth.read', { kind: 'staff', roles: growthTeam }),
  manage: definePermission('analytics.growth.manage', { kind: 'staff', roles: growthTeam }),
  merchantStats: definePermission('analytics.merchant.read', { kind: 'org', param: 'orgId' }),
  /** 已保存的分析: a growth team member saves, renames and deletes their own and reads those shared */
  saved: definePermission('analytics.saved', { kind: 'staff', roles: growthTeam }),
  /** a merchant's managers acknowledge its alerts */
  merchantAlertAck: definePermission('analytics.merchant.alerts.ack', {
    kind: 'org',
    param: 'orgId',
    membership: ['owner', 'admin'],
  }),
};
