import { defineErrors } from '../../infra/errors';

export const procurementErrors = defineErrors({
  PROCUREMENT_DEMAND_NOT_FOUND: { kind: 'not_found', 'zh-CN': '需求不存在', en: 'Demand not found' },
  PROCUREMENT_NO_ITEMS: {
    kind: 'invalid',
    'zh-CN': '该需求没有材料清单，无法计算采购方案',
    en: 'This demand has no bill of materials to plan',
  },
  PROCUREMENT_DATE_PAST: {
    kind: 'invalid',
    'zh-CN': '到场日期不能早于今天',
    en: 'The required date cannot be before today',
  },
});
