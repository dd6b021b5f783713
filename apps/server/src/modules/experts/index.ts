export { expertErrors } from './experts.errors';
export type { ExpertAnswerAccepted, ExpertAnswered, ExpertDecided, ExpertQuestionAsked } from './experts.events';
export { createExpertsModule } from './experts.module';
export {
  accept,
  answer,
  apply,
  ask,
  decideApplication,
  EXPERT_FILES_OWNER,
  rate,
  uploadCertificate,
} from './experts.service';
