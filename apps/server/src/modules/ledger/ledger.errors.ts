import { defineErrors } from '../../infra/errors';

export const ledgerErrors = defineErrors({
  LEDGER_ACCOUNT_NOT_FOUND: { kind: 'not_found', 'zh-CN': '账户不存在', en: 'Account not found' },
  LEDGER_AMOUNT_INVALID: {
    kind: 'invalid',
    'zh-CN': '金额必须是大于零的整数（分）',
    en: 'The amount must be a whole number of fen greater than zero',
  },
  LEDGER_SAME_ACCOUNT: {
    kind: 'invalid',
    'zh-CN': '借方与贷方不能是同一账户',
    en: 'Debit and credit accounts must differ',
  },
  LEDGER_CURRENCY_MISMATCH: {
    kind: 'invalid',
    'zh-CN': '借贷双方账户币种不同',
    en: 'The two accounts hold different currencies',
  },
  LEDGER_INSUFFICIENT_FUNDS: {
    kind: 'conflict',
    'zh-CN': '账户 {account} 可用余额不足',
    en: 'Account {account} has insufficient available balance',
  },
  LEDGER_IDEMPOTENCY_CONFLICT: {
    kind: 'unprocessable',
    'zh-CN': '客户端编号 {clientId} 已用于另一笔不同内容的转账',
    en: 'Client id {clientId} was already used for a different transfer',
  },
  LEDGER_HOLD_NOT_FOUND: { kind: 'not_found', 'zh-CN': '冻结（预授权）不存在', en: 'Hold not found' },
  LEDGER_HOLD_RESOLVED: {
    kind: 'conflict',
    'zh-CN': '该冻结已入账、撤销或过期',
    en: 'The hold was already posted, voided or expired',
  },
  LEDGER_HOLD_NOT_EXPIRED: { kind: 'conflict', 'zh-CN': '该冻结尚未到期', en: 'The hold has not expired yet' },
  LEDGER_POST_EXCEEDS_HOLD: {
    kind: 'invalid',
    'zh-CN': '入账金额不能超过冻结金额',
    en: 'The posted amount cannot exceed the held amount',
  },
  LEDGER_NOT_REVERSIBLE: {
    kind: 'conflict',
    'zh-CN': '该转账不能冲正（已冲正，或不是已入账转账）',
    en: 'This transfer cannot be reversed (already reversed, or not a posted transfer)',
  },
  LEDGER_BUSY: {
    kind: 'unavailable',
    'zh-CN': '账户繁忙，请稍后重试',
    en: 'The accounts are busy; try again shortly',
  },
});
