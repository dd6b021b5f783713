import { definePermission } from '../../infra/http/access';

/**
 * 运营中心: staff only. 地推专员 (`bd`) keep their own leads and check in their visits; a centre's manager (an
 * `operator` placed as the centre's manager) sees the centre's leads, people and targets, sets the targets and
 * assigns 客户成功经理 (`success`), who record their assists on their own assignments. Admins read everything and
 * set up centres. The monthly experience report is read by operators, admins, success managers and customer service.
 * What a person sees inside a route is narrowed again in the service (own leads, managed centres).
 */
export const operationPermissions = {
  centres: definePermission('operations.centres.read', {
    kind: 'staff',
    roles: ['bd', 'success', 'operator', 'admin'],
  }),
  manageCentres: definePermission('operations.centres.manage', { kind: 'staff', roles: ['admin'] }),
  leads: definePermission('operations.leads.read', { kind: 'staff', roles: ['bd', 'operator', 'admin'] }),
  workLeads: definePermission('operations.leads.write', { kind: 'staff', roles: ['bd'] }),
  targets: definePermission('operations.targets.read', { kind: 'staff', roles: ['bd', 'operator', 'admin'] }),
  setTargets: definePermission('operations.targets.set', { kind: 'staff', roles: ['operator'] }),
  assignments: definePermission('operations.assignments.read', {
    kind: 'staff',
    roles: ['success', 'operator', 'admin'],
  }),
  assign: definePermission('operations.assignments.create', { kind: 'staff', roles: ['operator'] }),
  assist: definePermission('operations.assists.create', { kind: 'staff', roles: ['success'] }),
  reports: definePermission('operations.reports.read', {
    kind: 'staff',
    roles: ['operator', 'admin', 'success', 'service'],
  }),
  generateReport: definePermission('operations.reports.generate', { kind: 'staff', roles: ['operator', 'admin'] }),
};
