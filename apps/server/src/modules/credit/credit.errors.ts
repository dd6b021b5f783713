import { defineErrors } from '../../infra/errors';

export const creditErrors = defineErrors({
  CREDIT_ORG_NOT_FOUND: { kind: 'not_found', 'zh-CN': '组织不存在', en: 'Organisation not found' },
});
