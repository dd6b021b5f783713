import { defineErrors } from '../../infra/errors';

export const analyticsErrors = defineErrors({
  ANALYTICS_RANGE_INVALID: {
    kind: 'invalid',
    'zh-CN': '统计区间无效：结束日期须不早于开始日期，且跨度不超过 400 天',
    en: 'Invalid range: the end may not precede the start, and the range spans at most 400 days',
  },
  /** no organisation has been created with this id (as far as its product events tell) */
  ANALYTICS_ORG_NOT_FOUND: { kind: 'not_found', 'zh-CN': '组织不存在', en: 'Organisation not found' },
  ANALYTICS_TASK_NOT_FOUND: { kind: 'not_found', 'zh-CN': '改进任务不存在', en: 'Improvement task not found' },
});
