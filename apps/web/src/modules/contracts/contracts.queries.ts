import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as api from './contracts.api';

export const contractKeys = {
  templates: ['contracts', 'templates'] as const,
  list: (orgId: string) => ['contracts', orgId, 'list'] as const,
  detail: (orgId: string, id: string) => ['contracts', orgId, 'detail', id] as const,
  diff: (orgId: string, id: string, to: number, from: number) => ['contracts', orgId, 'diff', id, to, from] as const,
};

export const useTemplates = () =>
  useQuery({ queryKey: contractKeys.templates, queryFn: api.fetchTemplates, staleTime: 3_600_000 });
export const useContracts = (orgId: string) =>
  useQuery({ queryKey: contractKeys.list(orgId), queryFn: () => api.fetchContracts(orgId) });
export const useContract = (orgId: string, id: string) =>
  useQuery({ queryKey: contractKeys.detail(orgId, id), queryFn: () => api.fetchContract(orgId, id) });
export const useDiff = (orgId: string, id: string, to: number, from: number | null) =>
  useQuery({
    queryKey: contractKeys.diff(orgId, id, to, from ?? 0),
    queryFn: () => api.fetchDiff(orgId, id, to, from ?? 1),
    enabled: from !== null && from !== to,
  });

function useContractMutation<A>(orgId: string, fn: (args: A) => Promise<api.ContractData>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (contract) => {
      client.setQueryData(contractKeys.detail(orgId, contract.id), contract);
      void client.invalidateQueries({ queryKey: contractKeys.list(orgId) });
    },
  });
}

export const useCreateContract = (orgId: string) =>
  useContractMutation(orgId, (input: api.CreateContractInput) => api.createContract(orgId, input));
export const useProposeVersion = (orgId: string, id: string) =>
  useContractMutation(orgId, (input: api.ProposeVersionInput) => api.proposeVersion(orgId, id, input));
export const useSignVersion = (orgId: string, id: string) =>
  useContractMutation(orgId, (versionNo: number) => api.signVersion(orgId, id, versionNo));
