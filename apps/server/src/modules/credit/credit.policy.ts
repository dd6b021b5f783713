import { definePermission } from '../../infra/http/access';

export const creditPermissions = {
  /** 外部评级 recording a grade from an outside assessment (below the computed rating and any review) */
  setGrade: definePermission('credit.grade.set', { kind: 'staff', roles: ['admin', 'operator', 'risk'] }),
  read: definePermission('credit.grade.read', { kind: 'org', param: 'orgId' }),
  /** the grade shown next to another organisation's name, to any signed-in user */
  readGrades: definePermission('credit.grades.read', { kind: 'user' }),
  /** 评价 the owner or an admin rates the other party of a contract for the organisation */
  rate: definePermission('credit.ratings.create', { kind: 'org', param: 'orgId', membership: ['owner', 'admin'] }),
  readRatings: definePermission('credit.ratings.read', { kind: 'org', param: 'orgId' }),
  declareTax: definePermission('credit.tax.declare', { kind: 'org', param: 'orgId', membership: ['owner', 'admin'] }),
  /** risk staff: read any organisation's rating, request reviews and policy changes, recalculate */
  staffRead: definePermission('credit.staff.read', { kind: 'staff', roles: ['admin', 'risk', 'operator'] }),
  review: definePermission('credit.review.request', { kind: 'staff', roles: ['admin', 'risk'] }),
  policy: definePermission('credit.policy.change', { kind: 'staff', roles: ['admin', 'risk'] }),
  recalculate: definePermission('credit.recalculate', { kind: 'staff', roles: ['admin', 'risk'] }),
};
