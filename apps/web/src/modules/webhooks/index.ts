export { webhooksEn, webhooksZhCN } from './webhooks.i18n';
export { WebhooksView } from './webhooks-view';
