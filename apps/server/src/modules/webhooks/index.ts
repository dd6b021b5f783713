export { checkWebhookTarget, isAllowedAddress, type LookupAll } from './webhooks.address';
export { webhookErrors } from './webhooks.errors';
export { createWebhooksModule } from './webhooks.module';
export {
  attemptDelivery,
  createEndpoint,
  fanOut,
  RETRY_WINDOW_MS,
  recordPastDelivery,
  retryDelayMs,
  type WebhookDeps,
} from './webhooks.service';
export {
  DEFAULT_TOLERANCE_SECONDS,
  SIGNATURE_HEADER,
  signWebhook,
  verifyWebhookSignature,
} from './webhooks.signature';
