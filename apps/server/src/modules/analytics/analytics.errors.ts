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
  ANALYTICS_SAVED_QUERY_INVALID: {
    kind: 'invalid',
    'zh-CN': '保存的查询无效：请按该分析页面的条件保存（日期、步骤、周期等）',
    en: 'The saved query is invalid: save it with the conditions of its analysis page (dates, steps, period …)',
  },
  ANALYTICS_SAVED_NOT_FOUND: { kind: 'not_found', 'zh-CN': '已保存的分析不存在', en: 'Saved analysis not found' },
  ANALYTICS_SAVED_NOT_OWNER: {
    kind: 'forbidden',
    'zh-CN': '只能修改或删除自己保存的分析',
    en: 'Only the one who saved an analysis may rename or delete it',
  },
  ANALYTICS_ALERT_NOT_FOUND: { kind: 'not_found', 'zh-CN': '商家预警不存在', en: 'Merchant alert not found' },
});
