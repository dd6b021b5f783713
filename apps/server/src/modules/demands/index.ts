export { openDemandItems, publishedDemandFacts } from './demands.board.repository';
export { demandErrors } from './demands.errors';
export type { DemandPublished } from './demands.events';
export { createDemandsModule } from './demands.module';
export {
  createDemand,
  createDemandsDirect,
  type DemandRow,
  decideReview,
  demandRow,
  demandSearchDocument,
  findDemandRow,
  getDemand,
  listOrgDemands,
  type NewDemand,
  REVIEW_WORKING_DAYS,
} from './demands.service';
