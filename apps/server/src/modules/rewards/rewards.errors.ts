import { defineErrors } from '../../infra/errors';

export const rewardsErrors = defineErrors({
  /** redeeming more than the organisation holds; nothing is deducted */
  POINTS_INSUFFICIENT: {
    kind: 'conflict',
    'zh-CN': '积分不足：兑换需要 {needed} 积分，当前余额 {balance} 积分',
    en: 'Not enough points: this needs {needed} points and the balance is {balance}',
  },
  POINTS_ITEM_UNKNOWN: {
    kind: 'invalid',
    'zh-CN': '兑换目录中没有「{code}」',
    en: 'There is no “{code}” in the catalogue',
  },
  POINTS_AMOUNT_INVALID: {
    kind: 'invalid',
    'zh-CN': '积分必须是非零整数',
    en: 'Points must be a whole number other than zero',
  },
  POINTS_ENTRY_NOT_FOUND: { kind: 'not_found', 'zh-CN': '积分流水不存在', en: 'Points entry not found' },
  /** a redemption staff reversed: its points are back and it delivers nothing */
  POINTS_REDEMPTION_REVERSED: {
    kind: 'conflict',
    'zh-CN': '这次兑换已冲正，积分已退回，不能再领取',
    en: 'This redemption was reversed and its points returned; there is nothing to collect',
  },
  POINTS_ALREADY_REVERSED: {
    kind: 'conflict',
    'zh-CN': '这笔积分流水已经冲正过',
    en: 'This points entry has been reversed already',
  },
  /** a repeated source key whose stored entry differs from the request */
  POINTS_SOURCE_CONFLICT: {
    kind: 'conflict',
    'zh-CN': '同一来源已记录过不同的积分流水',
    en: 'A different points entry was already recorded for this source',
  },
  REWARDS_BUSY: {
    kind: 'conflict',
    'zh-CN': '系统繁忙，请稍后重试',
    en: 'The system is busy; please try again',
  },
  VOUCHER_NOT_FOUND: { kind: 'not_found', 'zh-CN': '优惠券不存在', en: 'Voucher not found' },
  VOUCHER_ALREADY_USED: {
    kind: 'conflict',
    'zh-CN': '该优惠券已使用，每家单位限用 {uses} 次',
    en: 'This voucher has been used; each organisation may use it {uses} time(s)',
  },
  VOUCHER_EXPIRED: {
    kind: 'conflict',
    'zh-CN': '优惠券已过期（有效期至 {until}）',
    en: 'The voucher expired ({until})',
  },
  VOUCHER_NOT_YET_VALID: {
    kind: 'conflict',
    'zh-CN': '优惠券尚未生效（{from} 起可用）',
    en: 'The voucher is not valid yet (from {from})',
  },
  VOUCHER_NOT_ELIGIBLE: {
    kind: 'conflict',
    'zh-CN': '该优惠券不适用于这项服务',
    en: 'The voucher does not apply to this service',
  },
  VOUCHER_CHARGE_NOT_OPEN: {
    kind: 'conflict',
    'zh-CN': '这笔费用不存在、已开具凭证或不属于本单位，不能用券',
    en: 'This charge does not exist, is on a receipt already or is not your organisation’s',
  },
  VOUCHER_CHARGE_DISCOUNTED: {
    kind: 'conflict',
    'zh-CN': '这笔费用已经用过优惠券',
    en: 'A voucher has been redeemed against this charge already',
  },
  REFERRAL_CODE_INVALID: {
    kind: 'invalid',
    'zh-CN': '邀请码格式不正确（8 位大写字母或数字）',
    en: 'The referral code must be 8 capital letters or digits',
  },
  REFERRAL_CODE_UNKNOWN: { kind: 'not_found', 'zh-CN': '邀请码不存在', en: 'Unknown referral code' },
  REFERRAL_SELF: {
    kind: 'conflict',
    'zh-CN': '不能使用自己的邀请码',
    en: 'You cannot use your own referral code',
  },
  REFERRAL_ALREADY_RECORDED: {
    kind: 'conflict',
    'zh-CN': '您已登记过邀请码',
    en: 'A referral code is already recorded for you',
  },
  REFERRAL_TOO_LATE: {
    kind: 'conflict',
    'zh-CN': '邀请码须在注册后 {hours} 小时内登记',
    en: 'A referral code must be recorded within {hours} hours of registering',
  },
});
