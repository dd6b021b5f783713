export { matchingErrors } from './matching.errors';
export { DEFAULT_TRAIN, evaluate, formatReport, trainModel } from './matching.evaluation';
export { certificateGradeOf, gradeSatisfies, qualificationCovers } from './matching.grades';
export { defaultModel, formatModel, type MatchingModel, WEIGHTS_FILE } from './matching.model';
export { historyDatabase } from './matching.offline';
export {
  type CreditGrade,
  type CreditGradeProvider,
  type MerchantBoostProvider,
  noCreditGrades,
  staticCreditGrades,
} from './matching.providers';
export { type MatchingRoutesOptions, matchingRoutes } from './matching.routes';
export { answerPush, matchDemand, proposeSuppliers, recordAwardToPushed } from './matching.service';
