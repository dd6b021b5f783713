export { createAnalyticsModule } from './analytics.module';
export { listProductEvents, type ProductEventInput, recordProductEvent } from './analytics.service';
