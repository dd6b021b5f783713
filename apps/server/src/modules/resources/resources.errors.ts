import { defineErrors } from '../../infra/errors';

export const resourceErrors = defineErrors({
  RESOURCE_LISTING_NOT_FOUND: {
    kind: 'not_found',
    'zh-CN': '资源不存在或已下架',
    en: 'Listing not found or withdrawn',
  },
  RESOURCE_MERCHANTS_ONLY: {
    kind: 'forbidden',
    'zh-CN': '只有材料供应商或分包商（SUP/SUB）可以发布资源',
    en: 'Only suppliers and subcontractors (SUP/SUB) list resources',
  },
  RESOURCE_KIND_UNKNOWN: { kind: 'invalid', 'zh-CN': '未知的资源品类：{kind}', en: 'Unknown resource kind: {kind}' },
  RESOURCE_UNIT_INVALID: {
    kind: 'invalid',
    'zh-CN': '{kind}的计价单位应为：{units}',
    en: 'The price unit of {kind} must be one of: {units}',
  },
  RESOURCE_PARAM_MISSING: { kind: 'invalid', 'zh-CN': '请填写参数：{param}', en: 'Parameter required: {param}' },
  RESOURCE_PARAM_INVALID: {
    kind: 'invalid',
    'zh-CN': '参数“{param}”的值不合法{hint}',
    en: 'Parameter “{param}” has an invalid value{hint}',
  },
  RESOURCE_PARAM_UNKNOWN: {
    kind: 'invalid',
    'zh-CN': '{kind}没有参数“{param}”',
    en: '{kind} has no parameter “{param}”',
  },
  RESOURCE_COMPARE_MISSING: {
    kind: 'not_found',
    'zh-CN': '对比的资源中有已下架或不存在的',
    en: 'Some listings to compare do not exist or were withdrawn',
  },
});
