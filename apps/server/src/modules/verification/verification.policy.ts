import { definePermission } from '../../infra/http/access';

const managers = ['owner', 'admin'] as const;

export const verificationPermissions = {
  read: definePermission('verification.read', { kind: 'org', param: 'orgId' }),
  submit: definePermission('verification.submit', { kind: 'org', param: 'orgId', membership: managers }),
  /** 审核员 reviewers decide; admins may look */
  list: definePermission('verification.staff.list', { kind: 'staff', roles: ['reviewer', 'admin'] }),
  readFile: definePermission('verification.staff.file', { kind: 'staff', roles: ['reviewer', 'admin'] }),
  decide: definePermission('verification.staff.decide', { kind: 'staff', roles: ['reviewer'] }),
  /** the full ID number: reviewers only, each reveal audited */
  revealId: definePermission('verification.staff.reveal_id', { kind: 'staff', roles: ['reviewer'] }),
};
