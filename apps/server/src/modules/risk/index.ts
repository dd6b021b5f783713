export { riskErrors } from './risk.errors';
export { metrics, replay, splitByContract, train } from './risk.evaluation';
export type { RiskWarningChanged, RiskWarningOpened } from './risk.events';
export { generateHistories, mulberry32 } from './risk.generator';
export { riskHome, riskStaffHome } from './risk.home.repository';
export { EARLY_WARNING_MODEL, FEATURES, type LogisticModel } from './risk.model';
export { createRiskModule } from './risk.module';
export { frequentAmendments, largePayoutToNewAccount } from './risk.rules';
export {
  computeTenderFlags,
  openWarning,
  runRiskScan,
  transitionWarning,
  warningsOfOrg,
} from './risk.service';
