import {
  POLICY_CATEGORIES,
  type PolicyCategory,
  PolicyDetail,
  PolicySearchResult,
  type PolicyStatus,
  PolicySubscription,
  PolicySubscriptionList,
  PolicyVersion,
  StaffPolicyList,
} from '@zhuhe/contracts';
import { apiRequest, apiRequestVoid } from '../../app/api-client';

export { POLICY_CATEGORIES, type PolicyCategory, type PolicyStatus };

export interface PolicyFilters {
  q?: string | undefined;
  region?: string | undefined;
  category?: PolicyCategory | undefined;
  issuer?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  status?: 'published' | 'withdrawn' | undefined;
  page: number;
}

export const policyKeys = {
  all: ['policies'] as const,
  search: (f: PolicyFilters) => ['policies', 'search', f] as const,
  detail: (id: string) => ['policies', 'detail', id] as const,
  version: (id: string, n: number) => ['policies', 'version', id, n] as const,
  subscriptions: ['policies', 'subscriptions'] as const,
  staff: ['policies', 'staff'] as const,
  staffDetail: (id: string) => ['policies', 'staff', id] as const,
};

export const PAGE_SIZE = 10;

export function searchPolicies(f: PolicyFilters) {
  const query: Record<string, string | undefined> = {
    q: f.q || undefined,
    region: f.region,
    category: f.category,
    issuer: f.issuer || undefined,
    from: f.from,
    to: f.to,
    status: f.status,
    page: String(f.page),
    pageSize: String(PAGE_SIZE),
  };
  return apiRequest('GET', '/api/policies', PolicySearchResult, { query });
}

export const fetchPolicy = (id: string) => apiRequest('GET', `/api/policies/${id}`, PolicyDetail);
export const fetchPolicyVersion = (id: string, n: number) =>
  apiRequest('GET', `/api/policies/${id}/versions/${n}`, PolicyVersion);
export const pdfUrl = (id: string, n?: number) => `/api/policies/${id}/pdf${n ? `?version=${n}` : ''}`;

export const fetchSubscriptions = () => apiRequest('GET', '/api/policy-subscriptions', PolicySubscriptionList);
export const createSubscription = (body: {
  regionCode: string | null;
  category: string | null;
  keyword: string | null;
}) => apiRequest('POST', '/api/policy-subscriptions', PolicySubscription, { body });
export const deleteSubscription = (id: string) => apiRequestVoid('DELETE', `/api/policy-subscriptions/${id}`);

export const fetchStaffPolicies = () => apiRequest('GET', '/api/staff/policies', StaffPolicyList);
export const fetchStaffPolicy = (id: string) => apiRequest('GET', `/api/staff/policies/${id}`, PolicyDetail);
export const createPolicy = (body: unknown) => apiRequest('POST', '/api/staff/policies', PolicyDetail, { body });
export const updatePolicy = (id: string, body: unknown) =>
  apiRequest('PUT', `/api/staff/policies/${id}`, PolicyDetail, { body });
export const publishPolicy = (id: string) => apiRequest('POST', `/api/staff/policies/${id}/publish`, PolicyDetail);
export const withdrawPolicy = (id: string, reason: string) =>
  apiRequest('POST', `/api/staff/policies/${id}/withdraw`, PolicyDetail, { body: { reason } });
