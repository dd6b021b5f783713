import { definePermission } from '../../infra/http/access';

/**
 * 专家智库: every signed-in person browses verified experts and the public Q&A, applies to be an expert, and
 * (as a verified expert) answers. Any member of an organisation asks in its name. A private consultation is
 * checked by the service: only the asking organisation's members and the chosen expert see it (others get 404;
 * no staff role reads it, ADR 0130). Reviewers (审核员, who verify organisations) decide applications; platform
 * admins may look at the queue.
 */
export const expertPermissions = {
  read: definePermission('experts.read', { kind: 'user' }),
  apply: definePermission('experts.apply', { kind: 'user' }),
  answer: definePermission('experts.answer', { kind: 'user' }),
  ask: definePermission('experts.ask', { kind: 'org', param: 'orgId' }),
  orgQuestions: definePermission('experts.org_questions', { kind: 'org', param: 'orgId' }),
  staffList: definePermission('experts.staff.list', { kind: 'staff', roles: ['reviewer', 'admin'] }),
  staffDecide: definePermission('experts.staff.decide', { kind: 'staff', roles: ['reviewer'] }),
};
