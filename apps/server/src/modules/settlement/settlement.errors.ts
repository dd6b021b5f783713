import { defineErrors } from '../../infra/errors';

export const settlementErrors = defineErrors({
  SETTLEMENT_NOT_FOUND: { kind: 'not_found', 'zh-CN': '结算不存在', en: 'Settlement not found' },
  SETTLEMENT_MILESTONE_UNKNOWN: {
    kind: 'invalid',
    'zh-CN': '该节点不属于本合同',
    en: 'The milestone is not one of this contract',
  },
  SETTLEMENT_SUPERVISOR_REQUIRED: {
    kind: 'conflict',
    'zh-CN': '请先邀请监理单位，验收须由施工方、总包和监理三方确认',
    en: 'Invite the supervisor first: acceptance needs the subcontractor, the GC and the supervisor',
  },
  SETTLEMENT_EXISTS: {
    kind: 'conflict',
    'zh-CN': '该节点已有结算',
    en: 'This milestone already has a settlement',
  },
  SETTLEMENT_OPEN_EXISTS: {
    kind: 'conflict',
    'zh-CN': '上一节点的结算尚未完成',
    en: 'The previous milestone’s settlement is not finished yet',
  },
  SETTLEMENT_NOT_PAYER: {
    kind: 'forbidden',
    'zh-CN': '只有甲方（总包或采购方）可以执行此操作',
    en: 'Only the paying party (general contractor or buyer) can do this',
  },
  SETTLEMENT_NOT_MEASURING: {
    kind: 'conflict',
    'zh-CN': '结算单已生成，工程量不能再变更',
    en: 'The statement has been generated; quantities can no longer change',
  },
  SETTLEMENT_LINE_UNKNOWN: {
    kind: 'invalid',
    'zh-CN': '清单项不属于本合同',
    en: 'The bill-of-quantities line is not one of this contract',
  },
  SETTLEMENT_QUANTITY_OVER_PLAN: {
    kind: 'invalid',
    'zh-CN': '确认工程量超过清单工程量，超出部分请按变更处理',
    en: 'The quantity exceeds the bill of quantities; record the excess as a variation',
  },
  SETTLEMENT_PROPOSAL_NOT_FOUND: { kind: 'not_found', 'zh-CN': '工程量提议不存在', en: 'Quantity proposal not found' },
  SETTLEMENT_PROPOSAL_SUPERSEDED: {
    kind: 'conflict',
    'zh-CN': '该提议已被新的提议取代，请对最新提议表态',
    en: 'A newer proposal replaced this one; respond to the latest',
  },
  SETTLEMENT_ALREADY_VOTED: {
    kind: 'conflict',
    'zh-CN': '本组织已对该提议表态；如有不同意见请提出新的工程量',
    en: 'Your organisation has already responded; propose a new quantity to disagree',
  },
  SETTLEMENT_QUANTITIES_OPEN: {
    kind: 'conflict',
    'zh-CN': '还有 {count} 项清单的工程量未经三方确认',
    en: '{count} bill-of-quantities lines are not yet confirmed by all three parties',
  },
  SETTLEMENT_NEGATIVE: {
    kind: 'invalid',
    'zh-CN': '本期应付金额为负，请核对扣款',
    en: 'The amount payable now would be negative; check the deductions',
  },
  SETTLEMENT_NO_STATEMENT: {
    kind: 'conflict',
    'zh-CN': '结算单尚未生成',
    en: 'The settlement statement has not been generated yet',
  },
  SETTLEMENT_ALREADY_SIGNED: {
    kind: 'conflict',
    'zh-CN': '本组织已签署该结算单',
    en: 'Your organisation has already signed this statement',
  },
  SETTLEMENT_NOT_RELEASABLE: {
    kind: 'conflict',
    'zh-CN': '结算单须经三方签署后才能放款',
    en: 'The statement must be signed by all three parties before release',
  },
});
