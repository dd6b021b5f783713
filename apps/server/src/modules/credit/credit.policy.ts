import { definePermission } from '../../infra/http/access';

export const creditPermissions = {
  /** 评级 setting a grade from an outside source (operators and risk staff); no dual control in this version */
  setGrade: definePermission('credit.grade.set', { kind: 'staff', roles: ['admin', 'operator', 'risk'] }),
  read: definePermission('credit.grade.read', { kind: 'org', param: 'orgId' }),
};
