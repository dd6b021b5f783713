import { defineErrors } from '../../infra/errors';

/** 履约保证险 error codes; every refusal says why in both languages and writes nothing. */
export const insuranceErrors = defineErrors({
  INSURANCE_PRODUCT_PREMIUM: {
    kind: 'invalid',
    'zh-CN': '保费率须在 1% 至 3% 之间',
    en: 'The premium rate must be between 1% and 3%',
  },
  INSURANCE_PRODUCT_COVERAGE: {
    kind: 'invalid',
    'zh-CN': '保障比例须在应缴保证金的 100% 至 150% 之间',
    en: 'The coverage must be between 100% and 150% of the required bond',
  },
  INSURANCE_PRODUCT_NOT_FOUND: {
    kind: 'not_found',
    'zh-CN': '保险产品不存在或已暂停',
    en: 'Insurance product not found or paused',
  },
  INSURANCE_BOND_NOT_FOUND: {
    kind: 'not_found',
    'zh-CN': '没有找到该合同的履约保证金，或贵组织不是其当事方',
    en: 'No performance bond of this contract that your organisation is a party to',
  },
  INSURANCE_BOND_NOT_DUE: {
    kind: 'conflict',
    'zh-CN': '该合同没有待缴的履约保证金（无须缴纳、已缴足或已有保单替代），无须投保',
    en: 'This contract has no performance bond due (none required, fully posted, or already insured)',
  },
  INSURANCE_INSURED_BELOW_BOND: {
    kind: 'invalid',
    'zh-CN': '保险金额 ¥{insured} 低于应缴履约保证金 ¥{required}，不能替代现金保证金',
    en: 'The insured amount ¥{insured} is below the required bond of ¥{required}; it cannot replace the cash bond',
  },
  INSURANCE_INSURED_OVER_LIMIT: {
    kind: 'invalid',
    'zh-CN': '保险金额 ¥{insured} 超过本产品上限 ¥{max}',
    en: 'The insured amount ¥{insured} is above this product’s limit of ¥{max}',
  },
  INSURANCE_GRADE_TOO_LOW: {
    kind: 'forbidden',
    'zh-CN': '本产品要求信用等级 {required} 及以上，贵组织当前为 {grade}',
    en: 'This product requires credit grade {required} or better; your organisation is {grade}',
  },
  INSURANCE_REGION_NOT_SERVED: {
    kind: 'forbidden',
    'zh-CN': '本产品不覆盖贵组织所在地区',
    en: 'This product does not insure in your organisation’s region',
  },
  INSURANCE_PREMIUM_OVER_BALANCE: {
    kind: 'conflict',
    'zh-CN': '钱包可用余额 ¥{available} 不足以支付保费 ¥{premium}',
    en: 'The wallet’s available ¥{available} does not cover the premium of ¥{premium}',
  },
  INSURANCE_POLICY_NOT_FOUND: { kind: 'not_found', 'zh-CN': '保单不存在', en: 'Policy not found' },
  INSURANCE_NOT_BENEFICIARY: {
    kind: 'forbidden',
    'zh-CN': '只有保单受益人可以申请理赔',
    en: 'Only the policy’s beneficiary may file a claim',
  },
  INSURANCE_POLICY_NOT_ACTIVE: {
    kind: 'conflict',
    'zh-CN': '保单不在保障期内或已赔付，不能申请理赔',
    en: 'The policy is not in force (expired or already paid out); no claim can be filed',
  },
  INSURANCE_CLAIM_OVER_INSURED: {
    kind: 'invalid',
    'zh-CN': '理赔金额 ¥{amount} 超过保险金额 ¥{insured}',
    en: 'The claim of ¥{amount} is above the insured amount of ¥{insured}',
  },
  INSURANCE_CLAIM_OPEN: {
    kind: 'conflict',
    'zh-CN': '该保单已有待处理的理赔申请',
    en: 'This policy already has a claim awaiting a decision',
  },
  INSURANCE_CLAIM_NOT_FOUND: { kind: 'not_found', 'zh-CN': '理赔申请不存在', en: 'Claim not found' },
  INSURANCE_CLAIM_DECIDED: {
    kind: 'conflict',
    'zh-CN': '该理赔申请已处理（{status}），不能再次审核',
    en: 'This claim was already decided ({status})',
  },
});
