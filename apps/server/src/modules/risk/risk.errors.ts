import { defineErrors } from '../../infra/errors';

export const riskErrors = defineErrors({
  RISK_WARNING_NOT_FOUND: { kind: 'not_found', 'zh-CN': '风险预警不存在', en: 'Risk warning not found' },
  RISK_TRANSITION_INVALID: {
    kind: 'conflict',
    'zh-CN': '该预警当前为「{from}」，不能改为「{to}」',
    en: 'This warning is {from} and cannot become {to}',
  },
  RISK_NOTE_REQUIRED: {
    kind: 'invalid',
    'zh-CN': '解除预警或标记为误报时，请说明处理情况或理由（至少 4 个字）',
    en: 'Say what was done, or why it is not a risk, when resolving or dismissing a warning (at least 4 characters)',
  },
  RISK_TENDER_NOT_FOUND: { kind: 'not_found', 'zh-CN': '招标项目不存在', en: 'Tender not found' },
});
