import { definePermission } from '../../infra/http/access';

/** 运营 operators and admins design, start, stop and ship experiments and read their results; other staff do not. */
const growth = ['admin', 'operator'] as const;

export const experimentPermissions = {
  manage: definePermission('experiments.manage', { kind: 'staff', roles: growth }),
  /** any signed-in user asks which variant a surface shows them (and is counted once) */
  assign: definePermission('experiments.assign', { kind: 'user' }),
};
