import { definePermission } from '../../infra/http/access';

export const searchPermissions = {
  /** any logged-in user: what they see is limited by each document's visibility */
  search: definePermission('search.query', { kind: 'user' }),
  map: definePermission('search.map', { kind: 'user' }),
  /** 搜索词排行 the merchants' keyword-ranking report, for members of any organisation */
  keywordRanking: definePermission('search.keywords.ranking', { kind: 'org', param: 'orgId' }),
};
