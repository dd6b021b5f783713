import { definePermission } from '../../infra/http/access';

/**
 * 政策库: every signed-in person reads and searches published and withdrawn policies and keeps their own
 * subscriptions (another person's subscription is a 404). Staff editors (政策编辑) write, publish and withdraw;
 * platform admins may read the desk; drafts are visible to staff only.
 */

export const policyPermissions = {
  read: definePermission('policies.read', { kind: 'user' }),
  subscribe: definePermission('policies.subscribe', { kind: 'user' }),
  desk: definePermission('policies.desk', { kind: 'staff', roles: ['editor', 'admin'] }),
  write: definePermission('policies.write', { kind: 'staff', roles: ['editor'] }),
  publish: definePermission('policies.publish', { kind: 'staff', roles: ['editor'] }),
  withdraw: definePermission('policies.withdraw', { kind: 'staff', roles: ['editor'] }),
};
