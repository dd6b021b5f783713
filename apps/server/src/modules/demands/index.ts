export { demandErrors } from './demands.errors';
export { demandsRoutes } from './demands.routes';
export {
  createDemandsDirect,
  decideReview,
  demandRow,
  demandSearchDocument,
  getDemand,
  type NewDemand,
  REVIEW_WORKING_DAYS,
} from './demands.service';
