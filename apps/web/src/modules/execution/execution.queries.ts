import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as api from './execution.api';

export const executionKeys = {
  list: (orgId: string) => ['execution', orgId, 'list'] as const,
  defaults: (orgId: string, id: string) => ['execution', orgId, 'defaults', id] as const,
  plan: (orgId: string, id: string) => ['execution', orgId, 'plan', id] as const,
  logs: (orgId: string, id: string) => ['execution', orgId, 'logs', id] as const,
  settlements: (orgId: string, id: string) => ['execution', orgId, 'settlements', id] as const,
};

export const useExecutionContracts = (orgId: string) =>
  useQuery({ queryKey: executionKeys.list(orgId), queryFn: () => api.fetchExecutionContracts(orgId) });
export const usePlanDefaults = (orgId: string, id: string, enabled: boolean) =>
  useQuery({ queryKey: executionKeys.defaults(orgId, id), queryFn: () => api.fetchPlanDefaults(orgId, id), enabled });
export const usePlan = (orgId: string, id: string) =>
  useQuery({ queryKey: executionKeys.plan(orgId, id), queryFn: () => api.fetchPlan(orgId, id), retry: false });
export const useLogs = (orgId: string, id: string, enabled: boolean) =>
  useQuery({ queryKey: executionKeys.logs(orgId, id), queryFn: () => api.fetchLogs(orgId, id), enabled });
export const useSettlements = (orgId: string, id: string, enabled: boolean) =>
  useQuery({ queryKey: executionKeys.settlements(orgId, id), queryFn: () => api.fetchSettlements(orgId, id), enabled });

/** A mutation after which everything shown about the contract's execution is fetched again. */
export function useExecutionMutation<A, R>(orgId: string, contractId: string, fn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      for (const key of [
        executionKeys.plan(orgId, contractId),
        executionKeys.logs(orgId, contractId),
        executionKeys.settlements(orgId, contractId),
        executionKeys.list(orgId),
      ])
        void client.invalidateQueries({ queryKey: key });
      void client.invalidateQueries({ queryKey: ['escrow'] });
    },
  });
}
