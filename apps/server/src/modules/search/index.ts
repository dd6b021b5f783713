export { searchErrors } from './search.errors';
export { createSearchModule } from './search.module';
export {
  noRankingBoost,
  type RankingBoostProvider,
  staticRankingBoost,
} from './search.ranking-boost';
export { indexDocuments, removeDocument, type SearchDocumentInput } from './search.service';
