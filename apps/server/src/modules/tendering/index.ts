export { answerAward, contractFromAward, lapseAward } from './tendering.award';
export { confirmBid, submitBid, withdrawBid } from './tendering.bids';
export { tenderErrors } from './tendering.errors';
export { openTender } from './tendering.opening';
export { viewTender } from './tendering.presenter';
export { addAddendum, createTender, publishTender } from './tendering.publish';
export { registerTenderingJobs, tenderingRoutes } from './tendering.routes';
export { demandGradeToQualificationGrade } from './tendering.rules';
export { addEvaluator, enterScore, finaliseEvaluation } from './tendering.scoring';
