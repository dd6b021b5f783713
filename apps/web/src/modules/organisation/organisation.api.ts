import {
  type CreateInvitationBody,
  type CreateOrganisationBody,
  Invitation,
  InvitationList,
  Me,
  Member,
  MemberList,
  Organisation,
  type SwitchContextBody,
  type UpdateMemberBody,
  type UpdateOrganisationBody,
} from '@zhuhe/contracts';
import type { z } from 'zod';
import { apiRequest, apiRequestVoid } from '../../app/api-client';

export type OrganisationData = z.infer<typeof Organisation>;
export type MemberData = z.infer<typeof Member>;
export type InvitationData = z.infer<typeof Invitation>;
export type CreateOrganisationInput = z.input<typeof CreateOrganisationBody>;
export type UpdateOrganisationInput = z.input<typeof UpdateOrganisationBody>;
export type CreateInvitationInput = z.input<typeof CreateInvitationBody>;
export type UpdateMemberInput = z.input<typeof UpdateMemberBody>;
export type SwitchContextInput = z.input<typeof SwitchContextBody>;

const orgPath = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;

export function createOrganisation(body: CreateOrganisationInput): Promise<OrganisationData> {
  return apiRequest('POST', '/api/orgs', Organisation, { body });
}

export function fetchOrganisation(orgId: string): Promise<OrganisationData> {
  return apiRequest('GET', orgPath(orgId), Organisation);
}

export function updateOrganisation(orgId: string, body: UpdateOrganisationInput): Promise<OrganisationData> {
  return apiRequest('PATCH', orgPath(orgId), Organisation, { body });
}

/** 切换组织与业务角色 switches the active organisation and business role in one call. */
export function activateContext(orgId: string, body: SwitchContextInput) {
  return apiRequest('POST', `${orgPath(orgId)}/activate`, Me, { body });
}

export async function fetchMembers(orgId: string): Promise<MemberData[]> {
  return (await apiRequest('GET', `${orgPath(orgId)}/members`, MemberList)).items;
}

export function updateMember(orgId: string, userId: string, body: UpdateMemberInput): Promise<MemberData> {
  return apiRequest('PATCH', `${orgPath(orgId)}/members/${encodeURIComponent(userId)}`, Member, { body });
}

export function removeMember(orgId: string, userId: string): Promise<void> {
  return apiRequestVoid('DELETE', `${orgPath(orgId)}/members/${encodeURIComponent(userId)}`);
}

export async function fetchOrgInvitations(orgId: string): Promise<InvitationData[]> {
  return (await apiRequest('GET', `${orgPath(orgId)}/invitations`, InvitationList)).items;
}

export function createInvitation(orgId: string, body: CreateInvitationInput): Promise<InvitationData> {
  return apiRequest('POST', `${orgPath(orgId)}/invitations`, Invitation, { body });
}

export function revokeInvitation(orgId: string, invitationId: string): Promise<void> {
  return apiRequestVoid('DELETE', `${orgPath(orgId)}/invitations/${encodeURIComponent(invitationId)}`);
}

export async function fetchMyInvitations(): Promise<InvitationData[]> {
  return (await apiRequest('GET', '/api/invitations', InvitationList)).items;
}

export function acceptInvitation(invitationId: string) {
  return apiRequest('POST', `/api/invitations/${encodeURIComponent(invitationId)}/accept`, Me);
}

export function declineInvitation(invitationId: string): Promise<void> {
  return apiRequestVoid('POST', `/api/invitations/${encodeURIComponent(invitationId)}/decline`);
}
