import {
  type CreateWebhookEndpointBody,
  type UpdateWebhookEndpointBody,
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookEndpoint,
  WebhookEndpointList,
  WebhookEndpointWithSecret,
} from '@zhuhe/contracts';
import { apiRequest, apiRequestVoid } from '../../app/api-client';

const base = (orgId: string) => `/api/orgs/${orgId}/webhooks`;

export const listEndpoints = (orgId: string) => apiRequest('GET', `${base(orgId)}/endpoints`, WebhookEndpointList);
export const createEndpoint = (orgId: string, body: CreateWebhookEndpointBody) =>
  apiRequest('POST', `${base(orgId)}/endpoints`, WebhookEndpointWithSecret, { body });
export const updateEndpoint = (orgId: string, id: string, body: UpdateWebhookEndpointBody) =>
  apiRequest('PATCH', `${base(orgId)}/endpoints/${id}`, WebhookEndpoint, { body });
export const deleteEndpoint = (orgId: string, id: string) => apiRequestVoid('DELETE', `${base(orgId)}/endpoints/${id}`);
export const rollSecret = (orgId: string, id: string) =>
  apiRequest('POST', `${base(orgId)}/endpoints/${id}/roll-secret`, WebhookEndpointWithSecret);
export const sendTestEvent = (orgId: string, id: string) =>
  apiRequest('POST', `${base(orgId)}/endpoints/${id}/ping`, WebhookDelivery);
export const endpointDeliveries = (orgId: string, id: string, page: number) =>
  apiRequest('GET', `${base(orgId)}/endpoints/${id}/deliveries?page=${page}&pageSize=10`, WebhookDeliveryPage);
export const deadLetters = (orgId: string, page: number) =>
  apiRequest('GET', `${base(orgId)}/dead-letters?page=${page}&pageSize=10`, WebhookDeliveryPage);
export const redeliver = (orgId: string, deliveryId: string) =>
  apiRequest('POST', `${base(orgId)}/deliveries/${deliveryId}/redeliver`, WebhookDelivery);
