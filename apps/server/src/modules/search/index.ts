export { searchErrors } from './search.errors';
export {
  noRankingBoost,
  type RankingBoostProvider,
  staticRankingBoost,
} from './search.ranking-boost';
export { type SearchRoutesOptions, searchRoutes } from './search.routes';
export { indexDocuments, removeDocument, type SearchDocumentInput } from './search.service';
