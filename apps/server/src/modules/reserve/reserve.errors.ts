import { defineErrors } from '../../infra/errors';

export const reserveErrors = defineErrors({
  RESERVE_CLAIM_NOT_FOUND: { kind: 'not_found', 'zh-CN': '赔付案件不存在', en: 'Claim not found' },
  RESERVE_ORG_NOT_FOUND: {
    kind: 'invalid',
    'zh-CN': '受偿单位不存在，请核对后重新选择',
    en: 'The organisation to compensate does not exist; check and choose again',
  },
  RESERVE_INSUFFICIENT: {
    kind: 'conflict',
    'zh-CN': '风险准备金可用余额（{available} 元）不足以赔付 {amount} 元',
    en: 'The risk reserve holds ¥{available}, not enough to pay ¥{amount}',
  },
  RESERVE_CLAIM_DECIDED: {
    kind: 'conflict',
    'zh-CN': '该赔付申请已处理，不能重复审批',
    en: 'This claim has already been decided',
  },
  RESERVE_NOT_PAID: {
    kind: 'conflict',
    'zh-CN': '只有已赔付的案件才能登记追偿',
    en: 'Recoveries can only be recorded on a paid claim',
  },
  RESERVE_RECOVERY_EXCEEDS: {
    kind: 'invalid',
    'zh-CN': '追偿金额超过尚未追回的赔付金额（{outstanding} 元）',
    en: 'The recovery exceeds what is still outstanding (¥{outstanding})',
  },
});
