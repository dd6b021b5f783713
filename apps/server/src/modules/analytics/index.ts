export { channelOf } from './analytics.collection';
export { evaluateKpis, kpiBoard } from './analytics.kpis';
export { createAnalyticsModule } from './analytics.module';
export {
  addChannelCost,
  lastActivity,
  linkVisitor,
  listProductEvents,
  type ProductEventInput,
  productEventsSince,
  recordProductEvent,
  recordProductEvents,
  silentOrganisations,
} from './analytics.service';
