export { type EventCount, type EventCountsQuery, eventCountsByActor } from './analytics.metrics';
export { createAnalyticsModule } from './analytics.module';
export { listProductEvents, type ProductEventInput, recordProductEvent } from './analytics.service';
