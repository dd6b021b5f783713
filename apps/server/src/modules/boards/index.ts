export { boardErrors } from './boards.errors';
export { type BoardsDeps, createBoardsModule } from './boards.module';
export { aggregate, forecastRise, MIN_GROUP_SIZE } from './boards.rules';
export { addThreshold, govBoard, grantGovernmentScope, raiseCostWarnings } from './boards.service';
