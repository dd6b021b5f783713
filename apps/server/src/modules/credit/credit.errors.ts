import { defineErrors } from '../../infra/errors';

export const creditErrors = defineErrors({
  CREDIT_ORG_NOT_FOUND: { kind: 'not_found', 'zh-CN': '组织不存在', en: 'Organisation not found' },
  CREDIT_STARS_OUT_OF_RANGE: {
    kind: 'invalid',
    'zh-CN': '每项评分须为 1 至 5 星',
    en: 'Each aspect must be rated from 1 to 5 stars',
  },
  CREDIT_NO_CONTRACT: {
    kind: 'unprocessable',
    'zh-CN': '只能评价与本组织签订过该合同的对方',
    en: 'You can only rate the other party of a contract your organisation signed',
  },
  CREDIT_CONTRACT_NOT_FOUND: { kind: 'not_found', 'zh-CN': '合同不存在', en: 'Contract not found' },
  CREDIT_ALREADY_RATED: {
    kind: 'conflict',
    'zh-CN': '本组织已评价过该合同的对方，每份合同每方只能评价一次',
    en: 'Your organisation has already rated the other party of this contract; one rating per contract and side',
  },
  CREDIT_WEIGHTS_NOT_100: {
    kind: 'invalid',
    'zh-CN': '五个维度的权重之和须为 100（当前为 {sum}）',
    en: 'The five weights must add up to 100 (they add up to {sum})',
  },
  CREDIT_THRESHOLDS_ORDER: {
    kind: 'invalid',
    'zh-CN': '等级分数线须满足 AAA > AA > A > B',
    en: 'Grade thresholds must satisfy AAA > AA > A > B',
  },
  CREDIT_REVIEW_EXPIRY_PAST: {
    kind: 'invalid',
    'zh-CN': '复核结果的有效期须晚于今天',
    en: 'The review must expire after today',
  },
  CREDIT_MONTH_INVALID: { kind: 'invalid', 'zh-CN': '月份格式应为 YYYY-MM', en: 'Month must be YYYY-MM' },
});
