export { automationEn, automationZhCN } from './automation.i18n';
export { FollowUpTasksView } from './follow-up-tasks';
export { JourneyDetailView } from './journey-detail';
export { JourneyForm } from './journey-form';
export { JourneyListView } from './journey-list';
