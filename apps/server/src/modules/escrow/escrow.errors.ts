import { defineErrors } from '../../infra/errors';

export const escrowErrors = defineErrors({
  ESCROW_NOT_FOUND: { kind: 'not_found', 'zh-CN': '该合同尚未开设资金监管账户', en: 'This contract has no escrow' },
  ESCROW_EXISTS: {
    kind: 'conflict',
    'zh-CN': '该合同已开设资金监管账户（条款不同）',
    en: 'This contract already has an escrow (with different terms)',
  },
  ESCROW_TERMS_INVALID: {
    kind: 'invalid',
    'zh-CN': '资金监管条款无效：{detail}',
    en: 'Invalid escrow terms: {detail}',
  },
  ESCROW_BOND_REQUIRED_FOR_ADVANCE: {
    kind: 'invalid',
    'zh-CN': '预付款比例超过 30% 时须缴纳合同额 5%–10% 的履约保证金',
    en: 'An advance payment over 30% requires a performance bond of 5–10% of the contract amount',
  },
  ESCROW_BOND_NOT_POSTED: {
    kind: 'conflict',
    'zh-CN': '履约保证金尚未缴足（应缴 {required} 元，已缴 {posted} 元），不能开工',
    en: 'The performance bond is not fully posted (required ¥{required}, posted ¥{posted}); work may not start',
  },
  ESCROW_BOND_NOT_DUE: {
    kind: 'conflict',
    'zh-CN': '该合同没有待缴的履约保证金（无须缴纳、已缴足或已有保单替代）',
    en: 'This contract has no performance bond due (none required, fully posted, or already replaced by a policy)',
  },
  ESCROW_BOND_POLICY_TOO_SMALL: {
    kind: 'invalid',
    'zh-CN': '保单保险金额 {insured} 元低于应缴履约保证金 {required} 元，不能替代现金保证金',
    en: 'The policy insures ¥{insured}, less than the required bond of ¥{required}; it cannot replace the cash bond',
  },
  ESCROW_SCHEDULE_INVALID: {
    kind: 'invalid',
    'zh-CN': '付款计划无效：{detail}',
    en: 'Invalid payment schedule: {detail}',
  },
  ESCROW_MILESTONE_NOT_SCHEDULED: {
    kind: 'not_found',
    'zh-CN': '付款计划中没有该节点',
    en: 'This milestone is not in the payment schedule',
  },
  ESCROW_MILESTONE_PAID: {
    kind: 'conflict',
    'zh-CN': '该节点款项已放款',
    en: 'This milestone has already been released',
  },
  ESCROW_RELEASE_INVALID: {
    kind: 'invalid',
    'zh-CN': '放款金额无效：{detail}',
    en: 'Invalid release amounts: {detail}',
  },
  ESCROW_RELEASE_CONFLICT: {
    kind: 'unprocessable',
    'zh-CN': '客户端编号已用于另一笔不同内容的放款',
    en: 'This client id was already used for a different release',
  },
  ESCROW_FROZEN: {
    kind: 'locked',
    'zh-CN': '该合同监管资金已冻结，须经平台双人复核解冻后才能放款',
    en: 'This escrow is frozen; it must be unfrozen by platform dual control before any release',
  },
  ESCROW_NOT_FROZEN: { kind: 'conflict', 'zh-CN': '该合同监管资金未冻结', en: 'This escrow is not frozen' },
  ESCROW_UNDERFUNDED: {
    kind: 'conflict',
    'zh-CN': '监管账户余额不足：需 {needed} 元，可用 {available} 元',
    en: 'Escrow underfunded: ¥{needed} needed, ¥{available} available',
  },
  ESCROW_STATEMENT_INVALID: {
    kind: 'invalid',
    'zh-CN': '银行流水文件无法读取：{detail}',
    en: 'The bank statement cannot be read: {detail}',
  },
  ESCROW_STATEMENT_NOT_FOUND: { kind: 'not_found', 'zh-CN': '导入记录不存在', en: 'Import not found' },
  ESCROW_PAYOUT_NOT_FOUND: { kind: 'not_found', 'zh-CN': '出金记录不存在', en: 'Payout not found' },
  ESCROW_PAYOUT_INVALID: {
    kind: 'invalid',
    'zh-CN': '付款指令无效：{detail}',
    en: 'Invalid payout instruction: {detail}',
  },
  ESCROW_PAYOUT_CLIENT_ID_REUSED: {
    kind: 'unprocessable',
    'zh-CN': '该付款指令编号（clientId）已用于金额或收款人不同的另一笔付款，请使用新的编号',
    en: 'This payout clientId was already used for a payout with another amount or beneficiary; use a new clientId',
  },
  ESCROW_BANK_UNAVAILABLE: {
    kind: 'dependency_unavailable',
    'zh-CN': '银行处理延迟，暂不能发出新的付款指令，请稍后再试；未扣款',
    en: 'The bank is delayed; no new payout can be sent for now. Try again later; nothing was taken',
  },
  ESCROW_PAYOUT_REFUSED: {
    kind: 'unavailable',
    'zh-CN': '银行拒绝了付款指令：{detail}',
    en: 'The bank refused the payout: {detail}',
  },
  ESCROW_RISK_CASE_NOT_FOUND: { kind: 'not_found', 'zh-CN': '风险案件不存在', en: 'Risk case not found' },
});
