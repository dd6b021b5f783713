import { defineErrors } from '../../infra/errors';

export const automationErrors = defineErrors({
  JOURNEY_NOT_FOUND: { kind: 'not_found', 'zh-CN': '旅程不存在', en: 'Journey not found' },
  JOURNEY_TEMPLATE_NOT_FOUND: { kind: 'not_found', 'zh-CN': '旅程模板不存在', en: 'Journey template not found' },
  FOLLOW_UP_TASK_NOT_FOUND: { kind: 'not_found', 'zh-CN': '跟进任务不存在', en: 'Follow-up task not found' },
  /** the step graph loops back on itself: an enrolment would never end; nothing was saved */
  JOURNEY_CYCLE: {
    kind: 'invalid',
    'zh-CN': '旅程的步骤形成了循环（{path}），成员将永远无法结束；未保存任何更改',
    en: 'The journey’s steps form a cycle ({path}), so an enrolment would never end; nothing was saved',
  },
  JOURNEY_STEP_UNKNOWN: {
    kind: 'invalid',
    'zh-CN': '步骤 {from} 指向不存在的步骤 {to}；未保存任何更改',
    en: 'Step {from} points to step {to}, which does not exist; nothing was saved',
  },
  JOURNEY_STEP_DUPLICATE: {
    kind: 'invalid',
    'zh-CN': '步骤编号 {id} 重复；未保存任何更改',
    en: 'Step id {id} is used twice; nothing was saved',
  },
  /** a sales task needs its SLA; the other channels must not carry one */
  JOURNEY_TASK_SLA_REQUIRED: {
    kind: 'invalid',
    'zh-CN': '销售跟进任务（步骤 {id}）须填写跟进时限（小时）',
    en: 'The sales follow-up task (step {id}) needs an SLA in hours',
  },
  /** a voucher action needs its value and an organisation to hold it */
  JOURNEY_VOUCHER_INVALID: {
    kind: 'invalid',
    'zh-CN': '优惠券（步骤 {id}）须填写面额，且只能发给单位（单位旅程）；未保存任何更改',
    en: 'The voucher (step {id}) needs a value and can only go to organisations (an organisation journey); nothing was saved',
  },
  /** a user journey cannot use organisation-only segment fields and the reverse */
  JOURNEY_SEGMENT_MISMATCH: {
    kind: 'invalid',
    'zh-CN': '人群条件「{field}」不适用于{audience}旅程',
    en: 'The segment condition “{field}” does not apply to a journey for {audience}',
  },
});
