export { createAnalyticsModule } from './analytics.module';
export {
  lastActivity,
  listProductEvents,
  type ProductEventInput,
  productEventsSince,
  recordProductEvent,
  silentOrganisations,
} from './analytics.service';
