export { demandErrors } from './demands.errors';
export { demandsRoutes } from './demands.routes';
export {
  createDemandsDirect,
  type DemandRow,
  decideReview,
  demandRow,
  demandSearchDocument,
  findDemandRow,
  getDemand,
  type NewDemand,
  onDemandPublished,
  REVIEW_WORKING_DAYS,
} from './demands.service';
