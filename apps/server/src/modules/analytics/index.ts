export { analyticsRoutes } from './analytics.routes';
export { listProductEvents, type ProductEventInput, recordProductEvent } from './analytics.service';
