import { definePermission } from '../../infra/http/access';

const managers = ['owner', 'admin'] as const;

/**
 * 数据看板: the regional board is for members of a GOV organisation acting as GOV (read-only; the region comes
 * from the scope verification staff set). Cost warnings belong to an organisation: members read them, owners
 * and admins set the thresholds. Reviewers (实名核验) grant the GOV role with its region.
 */
export const boardPermissions = {
  govBoard: definePermission('boards.gov.read', { kind: 'org', param: 'orgId', activeRole: ['GOV'] }),
  grantGov: definePermission('boards.gov.grant', { kind: 'staff', roles: ['reviewer'] }),
  readWarnings: definePermission('boards.cost_warnings.read', { kind: 'org', param: 'orgId' }),
  writeThresholds: definePermission('boards.cost_thresholds.write', {
    kind: 'org',
    param: 'orgId',
    membership: managers,
  }),
};
