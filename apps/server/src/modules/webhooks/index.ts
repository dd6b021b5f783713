export { checkWebhookTarget, isAllowedAddress, type LookupAll } from './webhooks.address';
export { webhookErrors } from './webhooks.errors';
export { createWebhooksModule } from './webhooks.module';
export { attemptDelivery, fanOut, RETRY_WINDOW_MS, retryDelayMs, type WebhookDeps } from './webhooks.service';
export {
  DEFAULT_TOLERANCE_SECONDS,
  SIGNATURE_HEADER,
  signWebhook,
  verifyWebhookSignature,
} from './webhooks.signature';
