import { defineErrors } from '../../infra/errors';

export const matchingErrors = defineErrors({
  MATCHING_DEMAND_NOT_FOUND: { kind: 'not_found', 'zh-CN': '需求不存在或无权查看', en: 'Demand not found' },
  MATCHING_PUSH_NOT_FOUND: { kind: 'not_found', 'zh-CN': '推送不存在', en: 'Push not found' },
  MATCHING_NOT_PUBLISHED: {
    kind: 'conflict',
    'zh-CN': '需求尚未发布，不能匹配',
    en: 'The demand is not published, so it cannot be matched',
  },
  MATCHING_PUSH_CLOSED: {
    kind: 'conflict',
    'zh-CN': '该需求已关闭，不能再回复',
    en: 'The demand is closed; the push can no longer be answered',
  },
});
