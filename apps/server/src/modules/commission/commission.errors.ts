import { defineErrors } from '../../infra/errors';

export const commissionErrors = defineErrors({
  COMMISSION_POLICY_NOT_FOUND: {
    kind: 'not_found',
    'zh-CN': '政策不存在，或与原政策类型不同（类型不能更改）',
    en: 'Policy not found, or of a different kind (a policy keeps its kind)',
  },
  COMMISSION_ORG_NOT_FOUND: { kind: 'not_found', 'zh-CN': '商家不存在', en: 'Merchant not found' },
  COMMISSION_PLATFORM_FEE_MISSING: {
    kind: 'conflict',
    'zh-CN': '当前没有生效的平台服务费政策，暂不能放款，请运营人员先配置',
    en: 'No platform fee policy is in force, so nothing can be released; staff must configure one first',
  },
});
