export { searchErrors } from './search.errors';
export { keywordSearchers, recordSearchKeywords } from './search.keywords.repository';
export { createSearchModule } from './search.module';
export {
  noRankingBoost,
  type RankingBoostProvider,
  staticRankingBoost,
} from './search.ranking-boost';
/** The segmenter, for a module that keeps its own index with the platform's Chinese search (the policy library). */
export {
  documentTerms,
  planQuery,
  type QueryPlan,
  trigramText,
  tsqueryLiteral,
  tsvectorLiteral,
} from './search.segmenter';
export { indexDocuments, removeDocument, type SearchDocumentInput } from './search.service';
