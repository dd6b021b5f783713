import { definePermission } from '../../infra/http/access';

export const matchingPermissions = {
  /** the buyer (any member) sees who was pushed and who answered */
  demandMatches: definePermission('matching.demand_matches', { kind: 'org', param: 'orgId' }),
  /** the buyer's GC asks for a fresh match */
  rematch: definePermission('matching.rematch', { kind: 'org', param: 'orgId', activeRole: ['GC'] }),
  /** suppliers see their pushes and answer them */
  pushes: definePermission('matching.pushes', { kind: 'org', param: 'orgId' }),
  answer: definePermission('matching.answer', { kind: 'org', param: 'orgId' }),
  figures: definePermission('matching.figures', { kind: 'staff', roles: ['reviewer', 'operator', 'admin'] }),
};
