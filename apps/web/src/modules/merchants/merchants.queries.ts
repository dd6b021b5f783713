import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MerchantApplicationInput } from '@zhuhe/contracts';
import { organisationKeys } from '../organisation';
import * as api from './merchants.api';

export const merchantKeys = {
  categories: ['merchants', 'categories'] as const,
  mine: (orgId: string) => ['merchants', 'mine', orgId] as const,
  board: ['merchants', 'board'] as const,
  staff: (id: string) => ['merchants', 'staff', id] as const,
};

export function useCategories() {
  return useQuery({ queryKey: merchantKeys.categories, queryFn: api.fetchCategories, staleTime: 60_000 });
}

export function useMyApplication(orgId: string) {
  return useQuery({ queryKey: merchantKeys.mine(orgId), queryFn: () => api.fetchMyApplication(orgId) });
}

export function useApplyAsMerchant(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MerchantApplicationInput) => api.applyAsMerchant(orgId, body),
    onSuccess: (data) => {
      client.setQueryData(merchantKeys.mine(orgId), data);
      void client.invalidateQueries({ queryKey: organisationKeys.detail(orgId) });
    },
  });
}

export function useMerchantMutation<T>(orgId: string, fn: (input: T) => Promise<api.MerchantApplicationData>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => client.setQueryData(merchantKeys.mine(orgId), data),
  });
}

export function useBoard() {
  return useQuery({ queryKey: merchantKeys.board, queryFn: api.fetchBoard, refetchInterval: 60_000 });
}

export function useStaffApplication(id: string) {
  return useQuery({ queryKey: merchantKeys.staff(id), queryFn: () => api.fetchStaffApplication(id) });
}

export function useStaffAction<T>(id: string, fn: (input: T) => Promise<api.MerchantApplicationData>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      client.setQueryData(merchantKeys.staff(id), data);
      void client.invalidateQueries({ queryKey: merchantKeys.board });
    },
  });
}
