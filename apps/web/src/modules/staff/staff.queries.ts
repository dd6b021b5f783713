import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type AuditEntryData,
  type DecideInput,
  decideDualControlRequest,
  fetchAuditEntries,
  fetchDualControlRequests,
  fetchProductEvents,
  fetchStaffOrganisations,
  fetchStaffUsers,
  requestStaffRoleGrant,
  requestStaffRoleRevocation,
  type StaffRoleChangeInput,
  verifyAuditChain,
} from './staff.api';

export const AUDIT_PAGE_SIZE = 50;

export const staffKeys = {
  all: ['staff'] as const,
  users: (q: string) => ['staff', 'users', q] as const,
  organisations: ['staff', 'organisations'] as const,
  dualControl: ['staff', 'dual-control'] as const,
  audit: ['staff', 'audit'] as const,
  productEvents: (name: string, limit: number) => ['staff', 'product-events', name, limit] as const,
};

export function useStaffUsers(q: string) {
  return useQuery({
    queryKey: staffKeys.users(q),
    queryFn: () => fetchStaffUsers(q),
    placeholderData: keepPreviousData,
  });
}

export function useStaffOrganisations() {
  return useQuery({ queryKey: staffKeys.organisations, queryFn: fetchStaffOrganisations });
}

export function useRequestStaffRoleChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, ...body }: StaffRoleChangeInput & { kind: 'grant' | 'revoke' }) =>
      kind === 'grant' ? requestStaffRoleGrant(body) : requestStaffRoleRevocation(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKeys.dualControl }),
  });
}

export function useDualControlRequests() {
  return useQuery({ queryKey: staffKeys.dualControl, queryFn: fetchDualControlRequests });
}

export function useDecideDualControl() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      requestId,
      decision,
      body,
    }: {
      requestId: string;
      decision: 'approve' | 'reject';
      body: DecideInput;
    }) => decideDualControlRequest(requestId, decision, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: staffKeys.dualControl });
      // An approved grant or revocation changes the users list.
      void queryClient.invalidateQueries({ queryKey: ['staff', 'users'] });
    },
  });
}

const auditEntries = {
  queryKey: staffKeys.audit,
  queryFn: ({ pageParam }: { pageParam: number | undefined }) => fetchAuditEntries(AUDIT_PAGE_SIZE, pageParam),
  initialPageParam: undefined as number | undefined,
  getNextPageParam: (page: AuditEntryData[]) => {
    const lowest = Math.min(...page.map((entry) => entry.seq));
    return page.length < AUDIT_PAGE_SIZE || lowest <= 1 ? undefined : lowest;
  },
};

/** The audit log, newest first, one page of AUDIT_PAGE_SIZE entries at a time (cursor: the lowest seq seen). */
export function useAuditEntries() {
  return useInfiniteQuery(auditEntries);
}

/**
 * Starts fetching the first audit page during render, above the component that waits for the staff texts: without
 * it the request only left once the texts had loaded, one round trip later.
 */
export function usePrefetchAuditEntries() {
  // what react-query's usePrefetchInfiniteQuery does, without its own chunk
  const client = useQueryClient();
  if (!client.getQueryState(staffKeys.audit)) void client.prefetchInfiniteQuery(auditEntries);
}

export function useVerifyAuditChain() {
  return useMutation({ mutationFn: verifyAuditChain });
}

export function useProductEvents(name: string, limit: number) {
  return useQuery({
    queryKey: staffKeys.productEvents(name, limit),
    queryFn: () => fetchProductEvents(name, limit),
    placeholderData: keepPreviousData,
  });
}
