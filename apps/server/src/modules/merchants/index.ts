export { MERCHANT_AGREEMENT } from './merchants.agreement';
export { merchantErrors } from './merchants.errors';
export { merchantRoutes } from './merchants.routes';
export {
  acceptAgreement,
  activeMerchantOrgIds,
  apply,
  attachInspectionVideo,
  decide,
  evaluateTiers,
  merchantFacts,
  recordInspection,
  registerMerchantJobs,
  scheduleInspection,
  setMerchantPerformanceSource,
} from './merchants.service';
export type { MerchantPerformance, MerchantPerformanceSource } from './merchants.tiers';
