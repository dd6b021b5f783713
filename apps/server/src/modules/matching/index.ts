export { matchingErrors } from './matching.errors';
export { DEFAULT_TRAIN, evaluate, formatReport, trainModel } from './matching.evaluation';
export { certificateGradeOf, gradeSatisfies, qualificationCovers } from './matching.grades';
export { matchingHome } from './matching.home.repository';
export { defaultModel, formatModel, type MatchingModel, WEIGHTS_FILE } from './matching.model';
export { createMatchingModule } from './matching.module';
export { historyDatabase } from './matching.offline';
export {
  type CreditGrade,
  type CreditGradeProvider,
  type MerchantBoostProvider,
  noCreditGrades,
  staticCreditGrades,
} from './matching.providers';
export {
  answerPush,
  type MatchingProviders,
  NO_PROVIDERS,
  proposeSuppliers,
  pushTimes,
  recordAwardToPushed,
} from './matching.service';
