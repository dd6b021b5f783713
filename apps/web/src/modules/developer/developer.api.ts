import {
  API_KEY_SCOPES,
  ApiKey,
  ApiKeyCallList,
  ApiKeyList,
  type ApiKeyScope,
  type CreateApiKeyBody,
  CreatedApiKey,
} from '@zhuhe/contracts';
import { apiRequest } from '../../app/api-client';

export { API_KEY_SCOPES, type ApiKeyScope };

export const developerKeys = {
  keys: (orgId: string) => ['developer', 'keys', orgId] as const,
  calls: (orgId: string, keyId: string) => ['developer', 'calls', orgId, keyId] as const,
};

export const fetchApiKeys = (orgId: string) => apiRequest('GET', `/api/orgs/${orgId}/api-keys`, ApiKeyList);
export const createApiKey = (orgId: string, body: CreateApiKeyBody) =>
  apiRequest('POST', `/api/orgs/${orgId}/api-keys`, CreatedApiKey, { body });
export const revokeApiKey = (orgId: string, keyId: string) =>
  apiRequest('POST', `/api/orgs/${orgId}/api-keys/${keyId}/revoke`, ApiKey);
export const fetchApiKeyCalls = (orgId: string, keyId: string) =>
  apiRequest('GET', `/api/orgs/${orgId}/api-keys/${keyId}/calls`, ApiKeyCallList);
