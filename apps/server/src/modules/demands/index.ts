export { demandErrors } from './demands.errors';
export type { DemandPublished } from './demands.events';
export { createDemandsModule } from './demands.module';
export {
  createDemandsDirect,
  type DemandRow,
  decideReview,
  demandRow,
  demandSearchDocument,
  findDemandRow,
  getDemand,
  type NewDemand,
  REVIEW_WORKING_DAYS,
} from './demands.service';
