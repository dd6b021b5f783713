import {
  AuditList,
  AuditVerifyResult,
  type DecideBody,
  DualControlList,
  DualControlRequest,
  type GrantStaffRoleBody,
  ProductEventList,
  type RevokeStaffRoleBody,
  StaffOrganisationList,
  StaffUserList,
} from '@zhuhe/contracts';
import type { z } from 'zod';
import { apiRequest } from '../../app/api-client';

export type StaffUserData = z.infer<typeof StaffUserList>['items'][number];
export type StaffOrganisationData = z.infer<typeof StaffOrganisationList>['items'][number];
export type DualControlRequestData = z.infer<typeof DualControlRequest>;
export type AuditEntryData = z.infer<typeof AuditList>['items'][number];
export type AuditVerifyResultData = z.infer<typeof AuditVerifyResult>;
export type ProductEventData = z.infer<typeof ProductEventList>['items'][number];
export type StaffRoleChangeInput = z.input<typeof GrantStaffRoleBody> & z.input<typeof RevokeStaffRoleBody>;
export type DecideInput = z.input<typeof DecideBody>;

export async function fetchStaffUsers(q: string): Promise<StaffUserData[]> {
  return (await apiRequest('GET', '/api/staff/users', StaffUserList, { query: { q: q.trim() || undefined } })).items;
}

export async function fetchStaffOrganisations(): Promise<StaffOrganisationData[]> {
  return (await apiRequest('GET', '/api/staff/organisations', StaffOrganisationList)).items;
}

/** Asks for a staff role to be granted; it takes effect when a second staff admin approves (双人复核). */
export function requestStaffRoleGrant(body: StaffRoleChangeInput): Promise<DualControlRequestData> {
  return apiRequest('POST', '/api/staff/role-grants', DualControlRequest, { body });
}

/** Asks for a staff role to be revoked; it takes effect when a second staff admin approves (双人复核). */
export function requestStaffRoleRevocation(body: StaffRoleChangeInput): Promise<DualControlRequestData> {
  return apiRequest('POST', '/api/staff/role-revocations', DualControlRequest, { body });
}

export async function fetchDualControlRequests(): Promise<DualControlRequestData[]> {
  return (await apiRequest('GET', '/api/staff/dual-control', DualControlList)).items;
}

export function decideDualControlRequest(
  requestId: string,
  decision: 'approve' | 'reject',
  body: DecideInput,
): Promise<DualControlRequestData> {
  return apiRequest(
    'POST',
    `/api/staff/dual-control/${encodeURIComponent(requestId)}/${decision}`,
    DualControlRequest,
    {
      body,
    },
  );
}

export async function fetchAuditEntries(limit: number, beforeSeq: number | undefined): Promise<AuditEntryData[]> {
  return (await apiRequest('GET', '/api/staff/audit', AuditList, { query: { limit, beforeSeq } })).items;
}

export function verifyAuditChain(): Promise<AuditVerifyResultData> {
  return apiRequest('GET', '/api/staff/audit/verify', AuditVerifyResult);
}

export async function fetchProductEvents(name: string, limit: number): Promise<ProductEventData[]> {
  const query = { name: name.trim() || undefined, limit };
  return (await apiRequest('GET', '/api/staff/product-events', ProductEventList, { query })).items;
}
