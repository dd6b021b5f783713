export { procurementErrors } from './procurement.errors';
export { generateBasket, MATERIAL_CATALOGUE, mulberry32 } from './procurement.generator';
export { createProcurementModule } from './procurement.module';
export {
  type BasketLine,
  type Binding,
  type InfeasibleReason,
  naiveChoice,
  type Offer,
  optimisePlan,
  type PlanResult,
  type PlanRules,
  type Supplier,
  tierPrice,
} from './procurement.optimiser';
export { explain, materialOf, roadKm, unitFactor } from './procurement.rules';
export { latestPlanOf, planForDemand, planSavings, recordSupplierTerms } from './procurement.service';
