import { defineErrors } from '../../infra/errors';

export const searchErrors = defineErrors({
  SEARCH_CURSOR_INVALID: {
    kind: 'invalid',
    'zh-CN': '翻页参数无效，请从第一页重新搜索',
    en: 'The page cursor is not valid; search again from the first page',
  },
});
