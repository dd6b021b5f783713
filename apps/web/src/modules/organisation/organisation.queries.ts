import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BusinessRole } from '@zhuhe/contracts';
import { identityKeys, type MeData, refreshMe, storeMe, useAuthedMe } from '../identity';
import {
  acceptInvitation,
  activateContext,
  type CreateInvitationInput,
  type CreateOrganisationInput,
  createInvitation,
  createOrganisation,
  declineInvitation,
  fetchMembers,
  fetchMyInvitations,
  fetchOrganisation,
  fetchOrgInvitations,
  type OrganisationData,
  removeMember,
  revokeInvitation,
  type UpdateOrganisationInput,
  updateMember,
  updateOrganisation,
} from './organisation.api';

export const organisationKeys = {
  all: ['organisation'] as const,
  detail: (orgId: string) => ['organisation', orgId, 'detail'] as const,
  members: (orgId: string) => ['organisation', orgId, 'members'] as const,
  invitations: (orgId: string) => ['organisation', orgId, 'invitations'] as const,
  myInvitations: ['organisation', 'my-invitations'] as const,
};

export type MembershipSummaryData = MeData['memberships'][number];

/** The membership of the active organisation, or null when none is active. */
export function useActiveMembership(): MembershipSummaryData | null {
  const me = useAuthedMe();
  return me.memberships.find((membership) => membership.orgId === me.activeOrgId) ?? null;
}

export interface ActiveContext {
  orgId: string;
  role: BusinessRole;
  membership: MembershipSummaryData;
}

/** The active organisation and role inside routes guarded by RequireActiveContext. */
export function useActiveContext(): ActiveContext {
  const me = useAuthedMe();
  const membership = me.memberships.find((candidate) => candidate.orgId === me.activeOrgId);
  if (!membership || !me.activeRole) throw new Error('useActiveContext needs RequireActiveContext around the route');
  return { orgId: membership.orgId, role: me.activeRole, membership };
}

/** An organisation by id; nothing is asked while there is no id yet (a user without an organisation). */
export function useOrganisation(orgId: string) {
  return useQuery({
    queryKey: organisationKeys.detail(orgId),
    queryFn: () => fetchOrganisation(orgId),
    enabled: orgId !== '',
  });
}

export function useMembers(orgId: string) {
  return useQuery({ queryKey: organisationKeys.members(orgId), queryFn: () => fetchMembers(orgId) });
}

export function useOrgInvitations(orgId: string) {
  return useQuery({ queryKey: organisationKeys.invitations(orgId), queryFn: () => fetchOrgInvitations(orgId) });
}

export function useMyInvitations() {
  return useQuery({ queryKey: organisationKeys.myInvitations, queryFn: fetchMyInvitations });
}

export function useActivateContext() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ orgId, role }: { orgId: string; role: BusinessRole }) => activateContext(orgId, { role }),
    onSuccess: (me) => {
      storeMe(queryClient, me);
      void queryClient.invalidateQueries({ queryKey: organisationKeys.all });
    },
  });
}

/**
 * Creates an organisation; the creator becomes its owner and it becomes the active one. Should the server leave no
 * active role, the first business role is activated so the workspace can open.
 */
export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateOrganisationInput): Promise<OrganisationData> => {
      const organisation = await createOrganisation(body);
      const me = await refreshMe(queryClient);
      const firstRole = organisation.businessRoles[0];
      if (me && firstRole && (me.activeOrgId !== organisation.id || me.activeRole === null)) {
        storeMe(queryClient, await activateContext(organisation.id, { role: firstRole }));
      }
      queryClient.setQueryData(organisationKeys.detail(organisation.id), organisation);
      return organisation;
    },
  });
}

export function useUpdateOrganisation(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateOrganisationInput) => updateOrganisation(orgId, body),
    onSuccess: (organisation) => {
      queryClient.setQueryData(organisationKeys.detail(orgId), organisation);
      // Me carries the organisation's name and business roles in its memberships.
      void queryClient.invalidateQueries({ queryKey: identityKeys.me });
    },
  });
}

export function useUpdateMember(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: MembershipSummaryData['membershipRole'] }) =>
      updateMember(orgId, userId, { role }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: organisationKeys.members(orgId) });
      void queryClient.invalidateQueries({ queryKey: identityKeys.me });
    },
  });
}

export function useRemoveMember(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => removeMember(orgId, userId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationKeys.members(orgId) }),
  });
}

export function useCreateInvitation(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInvitationInput) => createInvitation(orgId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationKeys.invitations(orgId) }),
  });
}

export function useRevokeInvitation(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) => revokeInvitation(orgId, invitationId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationKeys.invitations(orgId) }),
  });
}

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptInvitation,
    onSuccess: (me) => {
      storeMe(queryClient, me);
      void queryClient.invalidateQueries({ queryKey: organisationKeys.all });
    },
  });
}

export function useDeclineInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: declineInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationKeys.myInvitations }),
  });
}
