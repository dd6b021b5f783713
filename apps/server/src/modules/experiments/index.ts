export { experimentErrors } from './experiments.errors';
export { createExperimentsModule } from './experiments.module';
export {
  assign,
  changeStatus,
  createExperiment,
  experimentResults,
  listExperiments,
  recordExposures,
} from './experiments.service';
