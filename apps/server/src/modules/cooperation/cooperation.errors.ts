import { defineErrors } from '../../infra/errors';

export const cooperationErrors = defineErrors({
  COOPERATION_IMPORT_EMPTY: {
    kind: 'invalid',
    'zh-CN': '导入文件为空或缺少表头',
    en: 'The import file is empty or has no header row',
  },
  COOPERATION_IMPORT_COLUMNS: {
    kind: 'invalid',
    'zh-CN': '导入文件缺少必需的列：{columns}',
    en: 'The import file lacks required columns: {columns}',
  },
  COOPERATION_RECORD_INVALID: {
    kind: 'invalid',
    'zh-CN': '合作记录无效：{reason}',
    en: 'Invalid cooperation record: {reason}',
  },
});
