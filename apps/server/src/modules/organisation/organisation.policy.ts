import { definePermission } from '../../infra/http/access';

const managers = ['owner', 'admin'] as const;

export const organisationPermissions = {
  create: definePermission('organisation.create', { kind: 'user' }),
  read: definePermission('organisation.read', { kind: 'org', param: 'orgId' }),
  update: definePermission('organisation.update', { kind: 'org', param: 'orgId', membership: managers }),
  activate: definePermission('organisation.activate', { kind: 'org', param: 'orgId' }),
  listMembers: definePermission('organisation.members.list', { kind: 'org', param: 'orgId' }),
  manageMembers: definePermission('organisation.members.manage', { kind: 'org', param: 'orgId', membership: managers }),
  listInvitations: definePermission('organisation.invitations.list', {
    kind: 'org',
    param: 'orgId',
    membership: managers,
  }),
  invite: definePermission('organisation.invitations.create', { kind: 'org', param: 'orgId', membership: managers }),
  revokeInvitation: definePermission('organisation.invitations.revoke', {
    kind: 'org',
    param: 'orgId',
    membership: managers,
  }),
  directory: definePermission('organisation.directory', { kind: 'user' }),
  myInvitations: definePermission('organisation.invitations.mine', { kind: 'user' }),
  answerInvitation: definePermission('organisation.invitations.answer', { kind: 'user' }),
};
