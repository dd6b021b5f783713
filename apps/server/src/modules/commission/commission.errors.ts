import { defineErrors } from '../../infra/errors';

export const commissionErrors = defineErrors({
  COMMISSION_POLICY_NOT_FOUND: {
    kind: 'not_found',
    'zh-CN': '政策不存在，或与原政策类型不同（类型不能更改）',
    en: 'Policy not found, or of a different kind (a policy keeps its kind)',
  },
  COMMISSION_ORG_NOT_FOUND: { kind: 'not_found', 'zh-CN': '商家不存在', en: 'Merchant not found' },
});
