import { definePermission } from '../../infra/http/access';

export const procurementPermissions = {
  /** any member sees the latest plan of the organisation's demand */
  read: definePermission('procurement.plan.read', { kind: 'org', param: 'orgId' }),
  /** the owner or an admin runs the optimiser (it reads every supplier's offers for the basket) */
  run: definePermission('procurement.plan.run', { kind: 'org', param: 'orgId', membership: ['owner', 'admin'] }),
};
