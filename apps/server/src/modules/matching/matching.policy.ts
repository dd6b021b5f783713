import { definePermission } from '../../infra/http/access';

export const matchingPermissions = {
  /** the buyer (any member) sees who was pushed and who answered */
  demandMatches: definePermission('matching.demand_matches', { kind: 'org', param: 'orgId' }),
  /** the buyer's GC asks for a fresh match */
  rematch: definePermission('matching.rematch', { kind: 'org', param: 'orgId', activeRole: ['GC'] }),
  /** suppliers see their pushes and answer them */
  pushes: definePermission('matching.pushes', { kind: 'org', param: 'orgId' }),
  answer: definePermission('matching.answer', { kind: 'org', param: 'orgId' }),
  /** members see their declared capacity and open backlog; owner/admin declare it */
  capacity: definePermission('matching.capacity', { kind: 'org', param: 'orgId' }),
  declareCapacity: definePermission('matching.declare_capacity', {
    kind: 'org',
    param: 'orgId',
    membership: ['owner', 'admin'],
  }),
  figures: definePermission('matching.figures', { kind: 'staff', roles: ['reviewer', 'operator', 'admin'] }),
};
