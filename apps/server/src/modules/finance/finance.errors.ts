import { defineErrors } from '../../infra/errors';

/** 工程e贷 error codes; every refusal says why in both languages and writes nothing. */
export const financeErrors = defineErrors({
  FINANCE_PRODUCT_RATIO: {
    kind: 'invalid',
    'zh-CN': '{type}的融资比例须在 {min}% 至 {max}% 之间',
    en: 'A {typeEn} product lends between {min}% and {max}% of the asset',
  },
  FINANCE_PRODUCT_FEE: {
    kind: 'invalid',
    'zh-CN': '服务费率须在 1.5% 至 3% 之间',
    en: 'The service fee must be between 1.5% and 3%',
  },
  FINANCE_PRODUCT_DEADLINE: {
    kind: 'invalid',
    'zh-CN': '审批时限须为 3 至 5 个工作日',
    en: 'The decision deadline must be 3 to 5 working days',
  },
  FINANCE_PRODUCT_NOT_FOUND: { kind: 'not_found', 'zh-CN': '融资产品不存在或已下架', en: 'Finance product not found' },
  FINANCE_ASSET_NOT_FOUND: {
    kind: 'not_found',
    'zh-CN': '融资标的不存在，或不是本组织可融资的资产（须为本组织收款的、尚未放款的监管节点）',
    en: 'No such asset to finance for this organisation (a scheduled, not yet released escrow payment it receives)',
  },
  FINANCE_ASSET_KIND_MISMATCH: {
    kind: 'invalid',
    'zh-CN': '该产品只接受{type}标的',
    en: 'This product only finances {typeEn} assets',
  },
  FINANCE_AMOUNT_OVER_LIMIT: {
    kind: 'invalid',
    'zh-CN': '申请金额 ¥{amount} 超过上限 ¥{max}（标的金额 ¥{base} 的 {ratio}%）',
    en: 'The amount ¥{amount} is above the limit ¥{max} ({ratio}% of the asset’s ¥{base})',
  },
  FINANCE_AMOUNT_UNDER_MIN: {
    kind: 'invalid',
    'zh-CN': '申请金额 ¥{amount} 低于下限 ¥{min}（合同金额 ¥{base} 的 {ratio}%）',
    en: 'The amount ¥{amount} is below the minimum ¥{min} ({ratio}% of the contract’s ¥{base})',
  },
  FINANCE_GRADE_TOO_LOW: {
    kind: 'forbidden',
    'zh-CN': '本产品要求信用等级 {required} 及以上，贵组织当前为 {grade}',
    en: 'This product requires credit grade {required} or better; your organisation is {grade}',
  },
  FINANCE_REGION_NOT_SERVED: {
    kind: 'forbidden',
    'zh-CN': '本产品不覆盖贵组织所在地区',
    en: 'This product does not lend in your organisation’s region',
  },
  FINANCE_ROLE_NOT_SERVED: {
    kind: 'forbidden',
    'zh-CN': '本产品不面向{role}',
    en: 'This product does not lend to {roleEn}',
  },
  FINANCE_TERM_TOO_LONG: {
    kind: 'invalid',
    'zh-CN': '期限 {term} 天超过产品上限 {max} 天',
    en: 'The term of {term} days is longer than the product’s {max} days',
  },
  FINANCE_ALREADY_FINANCED: {
    kind: 'conflict',
    'zh-CN': '该标的已有在途的融资申请或贷款，同一标的不能重复融资',
    en: 'This asset already has an open application or loan; it cannot be financed twice',
  },
  FINANCE_ESCROW_FROZEN: {
    kind: 'conflict',
    'zh-CN': '该合同的监管账户已冻结，暂不能融资',
    en: 'The contract’s escrow is frozen; it cannot be financed now',
  },
  FINANCE_APPLICATION_NOT_FOUND: { kind: 'not_found', 'zh-CN': '融资申请不存在', en: 'Finance application not found' },
  FINANCE_NOT_PENDING: {
    kind: 'conflict',
    'zh-CN': '该申请已处理（{status}），不能再次审批',
    en: 'This application was already decided ({status})',
  },
  FINANCE_APPROVAL_OVER_REQUEST: {
    kind: 'invalid',
    'zh-CN': '批准金额 ¥{amount} 不能超过申请金额 ¥{requested}',
    en: 'The approved amount ¥{amount} cannot exceed the requested ¥{requested}',
  },
});
