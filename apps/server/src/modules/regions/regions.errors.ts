import { defineErrors } from '../../infra/errors';

export const regionErrors = defineErrors({
  REGION_UNKNOWN: {
    kind: 'invalid',
    'zh-CN': '行政区划代码 {code} 不存在（GB/T 2260）',
    en: 'Region code {code} does not exist (GB/T 2260)',
  },
});
