import { defineErrors } from '../../infra/errors';

export const boardErrors = defineErrors({
  BOARD_NO_SCOPE: {
    kind: 'forbidden',
    'zh-CN': '本组织尚未由平台开通政府监管辖区，暂不能查看看板',
    en: 'The platform has not yet given this organisation a supervised region; the board is not available',
  },
  BOARD_REGION_UNKNOWN: {
    kind: 'invalid',
    'zh-CN': '地区代码 {code} 不存在，请从地区列表中选择',
    en: 'Region code {code} does not exist; choose one from the list',
  },
  BOARD_ORG_NOT_VERIFIED: {
    kind: 'conflict',
    'zh-CN': '只有已通过实名核验的组织可以开通政府监管角色',
    en: 'Only a verified organisation can be given the government viewer role',
  },
  COST_MATERIAL_UNKNOWN: {
    kind: 'invalid',
    'zh-CN': '材料 {material} 不在材料目录中',
    en: 'Material {material} is not in the catalogue',
  },
  COST_THRESHOLD_NOT_FOUND: { kind: 'not_found', 'zh-CN': '预警阈值不存在', en: 'Threshold not found' },
  COST_THRESHOLD_LIMIT: {
    kind: 'conflict',
    'zh-CN': '每个组织最多设置 {max} 条预警阈值',
    en: 'An organisation can set at most {max} thresholds',
  },
});
