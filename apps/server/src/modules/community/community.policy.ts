import { definePermission } from '../../infra/http/access';

/**
 * 施工人社区: every signed-in user reads, likes and reports; posting and replying is done for an organisation the
 * user belongs to (any membership role; another organisation gets 404) that passed 实名核验 (checked in the
 * service). Authorship rules (edit, delete, best answer) are checked in the service. Moderation is for 运营
 * operators and 审核 reviewers; admins may see the queue.
 */
const moderators = ['operator', 'reviewer'] as const;

export const communityPermissions = {
  read: definePermission('community.read', { kind: 'user' }),
  post: definePermission('community.post', { kind: 'org', param: 'orgId' }),
  editOwn: definePermission('community.edit', { kind: 'user' }),
  react: definePermission('community.react', { kind: 'user' }),
  report: definePermission('community.report', { kind: 'user' }),
  queue: definePermission('community.moderation.list', { kind: 'staff', roles: [...moderators, 'admin'] }),
  moderate: definePermission('community.moderation.decide', { kind: 'staff', roles: moderators }),
};
