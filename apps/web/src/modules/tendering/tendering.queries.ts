import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as api from './tendering.api';

export const tenderKeys = {
  list: (orgId: string, scope: string) => ['tenders', orgId, 'list', scope] as const,
  detail: (orgId: string, id: string) => ['tenders', orgId, 'detail', id] as const,
  prequal: (orgId: string, id: string, bidder?: string) => ['tenders', orgId, 'prequal', id, bidder ?? ''] as const,
  members: (orgId: string) => ['tenders', orgId, 'members'] as const,
};

export const useTenders = (orgId: string, scope: 'mine' | 'market') =>
  useQuery({ queryKey: tenderKeys.list(orgId, scope), queryFn: () => api.fetchTenders(orgId, scope) });
export const useTender = (orgId: string, id: string) =>
  useQuery({
    queryKey: tenderKeys.detail(orgId, id),
    queryFn: () => api.fetchTender(orgId, id),
    // The deadline passes while the page is open: refresh so 已截标 and the opening appear.
    refetchInterval: 10_000,
  });
export const usePrequal = (orgId: string, id: string, bidder?: string) =>
  useQuery({ queryKey: tenderKeys.prequal(orgId, id, bidder), queryFn: () => api.fetchPrequal(orgId, id, bidder) });
export const useMemberOptions = (orgId: string, enabled: boolean) =>
  useQuery({ queryKey: tenderKeys.members(orgId), queryFn: () => api.fetchMembers(orgId), enabled });

/** A mutation that refreshes the tender (and lists) afterwards. */
export function useTenderMutation<A, R>(orgId: string, fn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['tenders', orgId] });
    },
  });
}

export const useCreateTender = (orgId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Parameters<typeof api.createTender>[1]) => api.createTender(orgId, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['tenders', orgId] }),
  });
};
