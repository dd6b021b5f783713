import { definePermission } from '../../infra/http/access';

export const riskPermissions = {
  /** any member sees the organisation's own warnings and its tenders' red flags */
  read: definePermission('risk.warnings.read', { kind: 'org', param: 'orgId' }),
  /** the owner or an admin acknowledges, resolves or dismisses them */
  act: definePermission('risk.warnings.transition', { kind: 'org', param: 'orgId', membership: ['owner', 'admin'] }),
  /** 风控 the risk board */
  staffRead: definePermission('risk.board.read', { kind: 'staff', roles: ['admin', 'risk', 'operator'] }),
  staffAct: definePermission('risk.board.transition', { kind: 'staff', roles: ['admin', 'risk'] }),
  scan: definePermission('risk.scan', { kind: 'staff', roles: ['admin', 'risk'] }),
};
