import { definePermission } from '../../infra/http/access';

/**
 * 自动化营销 is run by platform operators (运营) and admins; sales follow-up tasks are worked by the same operators.
 * Organisations and their members never reach these routes; other staff roles (finance, risk …) get 403.
 */
const marketers = ['operator', 'admin'] as const;

export const automationPermissions = {
  read: definePermission('automation.read', { kind: 'staff', roles: [...marketers] }),
  manage: definePermission('automation.manage', { kind: 'staff', roles: [...marketers] }),
  /** 试运行 reads only, but shows recipients' names: the same roles */
  dryRun: definePermission('automation.dry_run', { kind: 'staff', roles: [...marketers] }),
  tasks: definePermission('automation.tasks', { kind: 'staff', roles: [...marketers] }),
};
