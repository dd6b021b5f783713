export { openDemandItems, publishedDemandFacts } from './demands.board.repository';
export { demandErrors } from './demands.errors';
export type { DemandPublished } from './demands.events';
export { demandsByRegion } from './demands.heat.repository';
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
  publicationTimes,
  REVIEW_WORKING_DAYS,
  readTenderFile,
  reviewClocks,
} from './demands.service';
