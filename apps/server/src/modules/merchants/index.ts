export { MERCHANT_AGREEMENT } from './merchants.agreement';
export { merchantErrors } from './merchants.errors';
export { createMerchantsModule } from './merchants.module';
export {
  acceptAgreement,
  activeMerchantOrgIds,
  apply,
  attachInspectionVideo,
  currentApplication,
  decide,
  evaluateTiers,
  merchantFacts,
  onboardingClocks,
  recordInspection,
  salesPerformance,
  scheduleInspection,
} from './merchants.service';
export type { MerchantPerformance, MerchantPerformanceSource } from './merchants.tiers';
