export { insuranceErrors } from './insurance.errors';
export type { InsuranceClaimDecided, InsurancePolicyIssued } from './insurance.events';
export { insuranceHome } from './insurance.home.repository';
export { createInsuranceModule } from './insurance.module';
export {
  buyPolicy,
  decideClaim,
  fileClaim,
  insurancePool,
  publishProduct as publishInsuranceProduct,
  setProductActive as setInsuranceProductActive,
} from './insurance.service';
