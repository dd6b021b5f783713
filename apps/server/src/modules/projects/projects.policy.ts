import { definePermission } from '../../infra/http/access';

export const projectPermissions = {
  /** 施工企业 publishes projects */
  create: definePermission('projects.create', { kind: 'org', param: 'orgId', activeRole: ['GC'] }),
  update: definePermission('projects.update', { kind: 'org', param: 'orgId', activeRole: ['GC'] }),
  listOwn: definePermission('projects.list_own', { kind: 'org', param: 'orgId' }),
  /** anyone logged in; invited-only projects are checked in the service */
  read: definePermission('projects.read', { kind: 'user' }),
  ask: definePermission('projects.questions.ask', { kind: 'user' }),
  answer: definePermission('projects.questions.answer', { kind: 'org', param: 'orgId', activeRole: ['GC'] }),
};
