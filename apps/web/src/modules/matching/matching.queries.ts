import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MatchingCapacityBody, PushAnswer } from '@zhuhe/contracts';
import * as api from './matching.api';

export const matchingKeys = {
  all: ['matching'] as const,
  demand: (demandId: string) => ['matching', 'demand', demandId] as const,
  pushes: (orgId: string) => ['matching', 'pushes', orgId] as const,
  figures: ['matching', 'figures'] as const,
  capacity: (orgId: string) => ['matching', 'capacity', orgId] as const,
  notifications: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
};

/** The buyer's matches; polled every 2 s while the matching job has not run yet, every 15 s for answers. */
export function useDemandMatches(orgId: string, demandId: string, enabled: boolean) {
  return useQuery({
    queryKey: matchingKeys.demand(demandId),
    queryFn: () => api.fetchDemandMatches(orgId, demandId),
    enabled,
    refetchInterval: (query) => (query.state.data?.state === 'pending' ? 2_000 : 15_000),
  });
}

export function useRematch(orgId: string, demandId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.rematch(orgId, demandId),
    onSuccess: (data) => client.setQueryData(matchingKeys.demand(demandId), data),
  });
}

export function usePushes(orgId: string) {
  return useQuery({ queryKey: matchingKeys.pushes(orgId), queryFn: () => api.fetchPushes(orgId) });
}

export function useAnswerPush(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { pushId: string; answer: PushAnswer }) => api.answerPush(orgId, input.pushId, input.answer),
    onSuccess: () => client.invalidateQueries({ queryKey: matchingKeys.pushes(orgId) }),
  });
}

export function useMatchingFigures() {
  return useQuery({ queryKey: matchingKeys.figures, queryFn: api.fetchFigures });
}

export function useUnreadCount() {
  return useQuery({ queryKey: matchingKeys.unread, queryFn: api.fetchUnread, refetchInterval: 10_000 });
}

export function useNotifications(enabled: boolean) {
  return useQuery({ queryKey: matchingKeys.notifications, queryFn: api.fetchNotifications, enabled });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string): Promise<void> => {
      if (id === 'all') await api.markAllRead();
      else await api.markRead(id);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: matchingKeys.notifications }),
  });
}

export function useCapacity(orgId: string) {
  return useQuery({ queryKey: matchingKeys.capacity(orgId), queryFn: () => api.fetchCapacity(orgId) });
}

export function useDeclareCapacity(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MatchingCapacityBody) => api.declareCapacity(orgId, body),
    onSuccess: (data) => client.setQueryData(matchingKeys.capacity(orgId), data),
  });
}
