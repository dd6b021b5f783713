import { defineErrors } from '../../infra/errors';

export const contractErrors = defineErrors({
  CONTRACT_NOT_FOUND: { kind: 'not_found', 'zh-CN': '合同不存在', en: 'Contract not found' },
  CONTRACT_VERSION_NOT_FOUND: { kind: 'not_found', 'zh-CN': '合同版本不存在', en: 'Contract version not found' },
  CONTRACT_COUNTERPARTY_INVALID: {
    kind: 'invalid',
    'zh-CN': '合同相对方无效：须为平台上的其他组织',
    en: 'The counterparty must be another organisation on the platform',
  },
  CONTRACT_FIELD_MISSING: {
    kind: 'invalid',
    'zh-CN': '缺少合同必填项：{field}',
    en: 'Missing contract field: {field}',
  },
  CONTRACT_FIELD_INVALID: {
    kind: 'invalid',
    'zh-CN': '合同字段格式不正确：{field}',
    en: 'Invalid contract field: {field}',
  },
  CONTRACT_FIELD_UNKNOWN: {
    kind: 'invalid',
    'zh-CN': '模板中没有此字段：{field}',
    en: 'The template has no field {field}',
  },
  CONTRACT_NOT_CURRENT_VERSION: {
    kind: 'conflict',
    'zh-CN': '只能签署最新版本（当前为第 {current} 版），请先查看变更',
    en: 'Only the latest version can be signed (currently version {current}); review the changes first',
  },
  CONTRACT_ALREADY_SIGNED: {
    kind: 'conflict',
    'zh-CN': '本组织已签署该版本',
    en: 'Your organisation has already signed this version',
  },
  CONTRACT_VERSION_SIGNED: {
    kind: 'conflict',
    'zh-CN': '该版本已完成签署，如需修改请发起变更',
    en: 'This version is already signed; propose an amendment to change it',
  },
});
