export { channelOf } from './analytics.collection';
export { evaluateKpis, kpiBoard } from './analytics.kpis';
export { type EventCount, type EventCountsQuery, eventCountsByActor } from './analytics.metrics';
export { createAnalyticsModule } from './analytics.module';
export { saveAnalysis } from './analytics.saved';
export {
  addChannelCost,
  behaviourBetween,
  lastActivity,
  linkVisitor,
  listProductEvents,
  type ProductEventInput,
  productEventsSince,
  recordProductEvent,
  recordProductEvents,
  silentOrganisations,
} from './analytics.service';
