import { defineErrors } from '../../infra/errors';

export const executionErrors = defineErrors({
  EXECUTION_CONTRACT_NOT_FOUND: { kind: 'not_found', 'zh-CN': '合同不存在', en: 'Contract not found' },
  EXECUTION_CONTRACT_NOT_SIGNED: {
    kind: 'conflict',
    'zh-CN': '合同尚未签署，签署后才能制定施工计划',
    en: 'The contract is not signed yet; a plan is set on a signed contract',
  },
  EXECUTION_NOT_PAYER: {
    kind: 'forbidden',
    'zh-CN': '只有甲方（总包或采购方）可以执行此操作',
    en: 'Only the paying party (general contractor or buyer) can do this',
  },
  EXECUTION_NOT_PAYEE: {
    kind: 'forbidden',
    'zh-CN': '只有乙方（分包或供应商）可以填写施工日志',
    en: 'Only the subcontractor or supplier files construction logs',
  },
  EXECUTION_PLAN_EXISTS: {
    kind: 'conflict',
    'zh-CN': '该合同已有施工计划',
    en: 'This contract already has a plan',
  },
  EXECUTION_PLAN_NOT_FOUND: {
    kind: 'not_found',
    'zh-CN': '该合同还没有施工计划',
    en: 'This contract has no plan yet',
  },
  EXECUTION_SHARES_NOT_100: {
    kind: 'invalid',
    'zh-CN': '各节点付款比例之和须恰好为 100%（当前 {sum}）',
    en: 'The milestone payment shares must add up to exactly 100% (now {sum})',
  },
  EXECUTION_PERCENT_WHOLE: {
    kind: 'invalid',
    'zh-CN': '预付款、质保金、人工费和履约保证金比例须为整数百分比',
    en: 'Advance, retention, labour and bond percentages must be whole percents',
  },
  EXECUTION_MILESTONE_DATES: {
    kind: 'invalid',
    'zh-CN': '节点日期须不早于开工日期且按顺序排列',
    en: 'Milestone dates must be on or after the start date and in order',
  },
  EXECUTION_CURVE_INVALID: {
    kind: 'invalid',
    'zh-CN': '计划进度曲线须按日期递增、进度不减，且以 100% 结束',
    en: 'The planned curve must rise by date, never fall, and end at 100%',
  },
  EXECUTION_BOQ_DUPLICATE: {
    kind: 'invalid',
    'zh-CN': '清单编码重复：{code}',
    en: 'Duplicate bill-of-quantities code: {code}',
  },
  EXECUTION_LOG_LINE_UNKNOWN: {
    kind: 'invalid',
    'zh-CN': '日志中的清单项不属于本合同',
    en: 'A log line refers to a bill-of-quantities line of another contract',
  },
  EXECUTION_LOG_DATE_INVALID: {
    kind: 'invalid',
    'zh-CN': '日志日期须在开工日期之后且不晚于今天',
    en: 'The log date must be between the start date and today',
  },
  EXECUTION_LOG_NOT_FOUND: { kind: 'not_found', 'zh-CN': '施工日志不存在', en: 'Construction log not found' },
  EXECUTION_LOG_NOT_REVISABLE: {
    kind: 'conflict',
    'zh-CN': '只能修订被要求修改的日志',
    en: 'Only a log with a change request can be revised',
  },
  EXECUTION_LOG_REVIEWED: {
    kind: 'conflict',
    'zh-CN': '该日志已确认或已被修订，不能再审阅',
    en: 'This log is already accepted or revised',
  },
  EXECUTION_PHOTO_NOT_IMAGE: {
    kind: 'invalid',
    'zh-CN': '现场照片须为图片文件',
    en: 'Site photos must be images',
  },
  EXECUTION_PHOTO_NOT_FOUND: { kind: 'not_found', 'zh-CN': '照片不存在', en: 'Photo not found' },
  EXECUTION_SUPERVISOR_INVALID: {
    kind: 'invalid',
    'zh-CN': '监理单位须为平台上具有监理（SVR）角色的其他组织',
    en: 'The supervisor must be another organisation on the platform with the supervisor (SVR) role',
  },
});
