import { definePermission } from '../../infra/http/access';

const managers = ['owner', 'admin'] as const;
const pipelineViewers = ['reviewer', 'operator', 'admin'] as const;

export const merchantPermissions = {
  categories: definePermission('merchants.categories.list', { kind: 'user' }),
  read: definePermission('merchants.application.read', { kind: 'org', param: 'orgId' }),
  apply: definePermission('merchants.application.submit', { kind: 'org', param: 'orgId', membership: managers }),
  updateProfile: definePermission('merchants.profile.update', { kind: 'org', param: 'orgId', membership: managers }),
  /** 在线签约: a fresh TOTP code (ORG-5 step-up) */
  acceptAgreement: definePermission(
    'merchants.agreement.accept',
    { kind: 'org', param: 'orgId', membership: managers },
    { stepUp: true },
  ),
  board: definePermission('merchants.staff.board', { kind: 'staff', roles: pipelineViewers }),
  readApplication: definePermission('merchants.staff.read', { kind: 'staff', roles: pipelineViewers }),
  /** 审核员 reviewers decide and inspect */
  decide: definePermission('merchants.staff.decide', { kind: 'staff', roles: ['reviewer'] }),
  inspect: definePermission('merchants.staff.inspect', { kind: 'staff', roles: ['reviewer'] }),
  /** 运营 operators configure key categories and run the tier re-evaluation */
  configureCategories: definePermission('merchants.staff.categories', { kind: 'staff', roles: ['operator'] }),
  evaluateTiers: definePermission('merchants.staff.tiers', { kind: 'staff', roles: ['operator'] }),
};
