import { defineErrors } from '../../infra/errors';

export const inquiryErrors = defineErrors({
  /** also what a merchant that was not asked, or another organisation, gets: the inquiry does not exist for it */
  INQUIRY_NOT_FOUND: { kind: 'not_found', 'zh-CN': '询价单不存在', en: 'Inquiry not found' },
  INQUIRY_ENGAGEMENT_NOT_FOUND: {
    kind: 'not_found',
    'zh-CN': '该商家不在此询价单中',
    en: 'This merchant is not part of the inquiry',
  },
  FAVOURITE_TARGET_NOT_FOUND: {
    kind: 'not_found',
    'zh-CN': '要收藏的对象不存在或无权查看',
    en: 'The item to favourite does not exist or is not visible to you',
  },
  /** a merchant id that is no organisation, or the buyer itself */
  INQUIRY_MERCHANT_INVALID: {
    kind: 'invalid',
    'zh-CN': '询价对象必须是其他组织（不能向本组织询价）',
    en: 'Inquiries go to other organisations (not your own)',
  },
  INQUIRY_DEADLINE_INVALID: {
    kind: 'invalid',
    'zh-CN': '报价截止时间必须晚于现在',
    en: 'The response deadline must be in the future',
  },
  INQUIRY_DEADLINE_PASSED: {
    kind: 'conflict',
    'zh-CN': '报价截止时间已过，不能再报价',
    en: 'The response deadline has passed; quotes are no longer accepted',
  },
  /** the quote's prices do not match the inquiry's lines one for one */
  INQUIRY_QUOTE_LINES_MISMATCH: {
    kind: 'invalid',
    'zh-CN': '请为清单中的每一行填写单价（共 {lines} 行）',
    en: 'Give a unit price for every line of the bill ({lines} lines)',
  },
  INQUIRY_ALREADY_ANSWERED: {
    kind: 'conflict',
    'zh-CN': '贵方已对此询价报价或谢绝，不能重复提交',
    en: 'You have already quoted or declined this inquiry',
  },
  INQUIRY_CLOSED: {
    kind: 'conflict',
    'zh-CN': '询价已结束（买方已接受报价）',
    en: 'The inquiry is closed (the buyer has accepted a quote)',
  },
  INQUIRY_ALREADY_ACCEPTED: {
    kind: 'conflict',
    'zh-CN': '此询价已接受过报价，不能再次接受',
    en: 'A quote has already been accepted for this inquiry',
  },
  INQUIRY_QUOTE_NOT_ACCEPTABLE: {
    kind: 'conflict',
    'zh-CN': '只能接受已报价且仍在有效期内的报价',
    en: 'Only a quote that was given and is still valid can be accepted',
  },
  INQUIRY_NOT_ACCEPTED: {
    kind: 'conflict',
    'zh-CN': '请先接受一份报价再生成合同',
    en: 'Accept a quote before drafting the contract',
  },
  INQUIRY_CONTRACT_EXISTS: {
    kind: 'conflict',
    'zh-CN': '此订单已生成合同',
    en: 'A contract has already been drafted for this order',
  },
});
