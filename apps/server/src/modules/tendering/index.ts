export { tenderErrors } from './tendering.errors';
export { createTenderingModule } from './tendering.module';
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
