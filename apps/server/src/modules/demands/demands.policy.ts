import { definePermission } from '../../infra/http/access';

const reviewers = ['reviewer', 'operator', 'admin'] as const;

export const demandPermissions = {
  /** 施工企业 publishes demands */
  importTender: definePermission('demands.import', { kind: 'org', param: 'orgId', activeRole: ['GC'] }),
  create: definePermission('demands.create', { kind: 'org', param: 'orgId', activeRole: ['GC'] }),
  close: definePermission('demands.close', { kind: 'org', param: 'orgId', activeRole: ['GC'] }),
  listOwn: definePermission('demands.list_own', { kind: 'org', param: 'orgId' }),
  /** published demands are visible to everyone logged in; the owner also sees its pending ones */
  read: definePermission('demands.read', { kind: 'user' }),
  reviewQueue: definePermission('demands.reviews.list', { kind: 'staff', roles: reviewers }),
  reviewRead: definePermission('demands.reviews.read', { kind: 'staff', roles: reviewers }),
  decide: definePermission('demands.reviews.decide', { kind: 'staff', roles: reviewers }),
};
