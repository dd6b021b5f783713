export { channelOf } from './analytics.collection';
export { evaluateKpis, kpiBoard } from './analytics.kpis';
export { createAnalyticsModule } from './analytics.module';
export {
  addChannelCost,
  linkVisitor,
  listProductEvents,
  type ProductEventInput,
  recordProductEvent,
  recordProductEvents,
} from './analytics.service';
