export { ApplyForm } from './apply-form';
export { ExpertDirectory } from './expert-directory';
export { ExpertPage } from './expert-page';
export { expertsEn, expertsZhCN } from './experts.i18n';
export { ExpertInbox, MyQuestions } from './my-questions';
export { QuestionPage } from './question-page';
export { StaffExpertReview } from './staff-expert-review';
