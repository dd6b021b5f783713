import { defineErrors } from '../../infra/errors';

export const workspaceErrors = defineErrors({
  WORKSPACE_ROLE_NOT_HELD: {
    kind: 'invalid',
    'zh-CN': '本组织没有“{role}”业务角色，无法打开该角色的工作台',
    en: 'Your organisation does not hold the business role {role}, so its workspace cannot be opened',
  },
});
