export { tenderErrors } from './tendering.errors';
export { registerTenderingJobs, tenderingRoutes } from './tendering.routes';
export { demandGradeToQualificationGrade } from './tendering.rules';
export {
  addAddendum,
  addEvaluator,
  answerAward,
  confirmBid,
  contractFromAward,
  createTender,
  enterScore,
  finaliseEvaluation,
  lapseAward,
  openTender,
  publishTender,
  submitBid,
  viewTender,
  withdrawBid,
} from './tendering.service';
