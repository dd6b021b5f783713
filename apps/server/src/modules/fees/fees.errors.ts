import { defineErrors } from '../../infra/errors';

export const feeErrors = defineErrors({
  FEE_ITEM_UNKNOWN: {
    kind: 'invalid',
    'zh-CN': '收费项目「{code}」不在现行收费标准中',
    en: 'The fee item “{code}” is not in the schedule in force',
  },
  FEE_BASE_REQUIRED: {
    kind: 'invalid',
    'zh-CN': '按比例分成的项目须填写计费基数（分）',
    en: 'A share item needs the base amount (fen) it is taken of',
  },
  FEE_ORG_NOT_FOUND: { kind: 'invalid', 'zh-CN': '收费单位不存在', en: 'The organisation does not exist' },
  FEE_SCHEDULE_MISSING: {
    kind: 'conflict',
    'zh-CN': '尚无生效的收费标准',
    en: 'No fee schedule is in force',
  },
  FEE_RECEIPT_NOT_FOUND: { kind: 'not_found', 'zh-CN': '收费凭证不存在', en: 'Receipt not found' },
  FEE_PERIOD_OPEN: {
    kind: 'invalid',
    'zh-CN': '只能为已结束的月份开具凭证（{period} 尚未结束）',
    en: 'Receipts are issued for months that have ended ({period} has not)',
  },
});
