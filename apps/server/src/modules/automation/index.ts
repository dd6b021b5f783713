export { tick } from './automation.engine';
export { automationErrors } from './automation.errors';
export { createAutomationModule } from './automation.module';
export {
  completeTask,
  createFromTemplate,
  createJourney,
  dryRun,
  journeyDetail,
  listJourneys,
  listTasks,
  setStatus,
} from './automation.service';
export { JOURNEY_TEMPLATES } from './automation.templates';
