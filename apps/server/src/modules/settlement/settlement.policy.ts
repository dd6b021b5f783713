import { definePermission } from '../../infra/http/access';

const managers = ['owner', 'admin'] as const;

/** The party role (甲方, 乙方, 监理) is checked by the service; these gate the organisation and its people. */
export const settlementPermissions = {
  read: definePermission('settlement.read', { kind: 'org', param: 'orgId' }),
  manage: definePermission('settlement.manage', { kind: 'org', param: 'orgId', membership: managers }),
  confirm: definePermission('settlement.quantities.confirm', { kind: 'org', param: 'orgId', membership: managers }),
  /** 授权签署人: an owner or admin, with a fresh TOTP */
  sign: definePermission('settlement.sign', { kind: 'org', param: 'orgId', membership: managers }, { stepUp: true }),
};
