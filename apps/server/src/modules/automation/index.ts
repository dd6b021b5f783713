export { tick } from './automation.engine';
export { automationErrors } from './automation.errors';
export { createAutomationModule } from './automation.module';
export { createFromTemplate, createJourney, dryRun, listTasks, setStatus } from './automation.service';
export { JOURNEY_TEMPLATES } from './automation.templates';
