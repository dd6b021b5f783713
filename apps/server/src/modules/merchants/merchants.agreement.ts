import { createHash } from 'node:crypto';

/**
 * 平台商家入驻协议 the agreement a merchant accepts online. Versioned: the version and the SHA-256 of the exact
 * text accepted are stored with the acceptance and written to the audit chain, so what was agreed can be shown
 * later even after the text changes.
 */
const TEXT = `筑合平台商家入驻协议（2026-11 版）

一、商家承诺所提交的营业执照、法定代表人身份证及资质证书真实、合法、有效，证照到期前主动更新；证照过期的，平台暂停其相关权限，直至更新材料审核通过。
二、商家发布的店铺及商品信息应真实准确，不得使用“高回报”“零风险”等虚假承诺或《广告法》禁止的绝对化用语；违规内容平台有权下架并告知理由。
三、佣金、入驻费及各项扶持政策按平台公示的现行政策版本执行，政策调整经双人复核后生效并留存版本，历史账期按当时有效的版本计算。
四、平台依据销售额、用户评价与服务质量定期评估商家层级（品牌商家 / 潜力商家）。
五、交易资金通过平台第三方托管结算，商家不得诱导买方绕开平台付款。
六、本协议以在线方式签署，签署时须完成动态口令二次验证，签署记录写入平台审计链。`;

export const MERCHANT_AGREEMENT = {
  version: '2026-11',
  title: '筑合平台商家入驻协议',
  text: TEXT,
  sha256: createHash('sha256').update(TEXT).digest('hex'),
} as const;
