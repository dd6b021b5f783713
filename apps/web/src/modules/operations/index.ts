export { operationsEn, operationsZhCN } from './operations.i18n';
export { ExperienceReports, MyLeads, OpsOverview, SuccessAssignments } from './operations-views';
