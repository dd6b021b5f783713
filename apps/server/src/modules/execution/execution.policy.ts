import { definePermission } from '../../infra/http/access';

const managers = ['owner', 'admin'] as const;

/** Which party of the contract (甲方, 乙方 or 监理) may act is checked by the service; these gate the organisation. */
export const executionPermissions = {
  read: definePermission('execution.read', { kind: 'org', param: 'orgId' }),
  plan: definePermission('execution.plan', { kind: 'org', param: 'orgId', membership: managers }),
  /** site staff (members) file logs too */
  log: definePermission('execution.log', { kind: 'org', param: 'orgId' }),
  review: definePermission('execution.review', { kind: 'org', param: 'orgId' }),
};
