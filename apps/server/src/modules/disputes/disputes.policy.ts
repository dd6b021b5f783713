import { definePermission } from '../../infra/http/access';

const managers = ['owner', 'admin'] as const;

/**
 * Parties: any member reads and writes in the thread; filing, evidence and holds need an owner or admin. Whether
 * the organisation is a party of the case is checked by the service (404 otherwise). Staff: customer service
 * and the specialists run cases; arbitrators see only the cases they sit on (checked by the service).
 */
export const disputePermissions = {
  read: definePermission('disputes.read', { kind: 'org', param: 'orgId' }),
  message: definePermission('disputes.message', { kind: 'org', param: 'orgId' }),
  file: definePermission('disputes.file', { kind: 'org', param: 'orgId', membership: managers }),
  evidence: definePermission('disputes.evidence', { kind: 'org', param: 'orgId', membership: managers }),
  /** 纠纷看板 customer service and platform admins */
  board: definePermission('disputes.board', { kind: 'staff', roles: ['service', 'admin'] }),
  /** one case: its team, its arbitrators, admins (checked by the service; others get 404) */
  caseStaff: definePermission('disputes.case', {
    kind: 'staff',
    roles: ['service', 'finance', 'reviewer', 'risk', 'arbitrator', 'admin'],
  }),
  /** the case team (checked by the service) */
  handle: definePermission('disputes.handle', { kind: 'staff', roles: ['service', 'finance', 'reviewer', 'risk'] }),
  /** arbitrators of the case (checked by the service) */
  arbitrate: definePermission('disputes.arbitrate', { kind: 'staff', roles: ['arbitrator'] }),
  /** the published digests are public (案例公示) */
  digests: definePermission('disputes.digests', { kind: 'public' }),
};
