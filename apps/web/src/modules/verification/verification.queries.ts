import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { VerificationPackage } from '@zhuhe/contracts';
import { organisationKeys } from '../organisation';
import {
  decideVerification,
  fetchStaffVerifications,
  fetchVerification,
  type ReviewDecisionInput,
  submitVerification,
} from './verification.api';

export const verificationKeys = {
  mine: (orgId: string) => ['verification', orgId] as const,
  staff: (status: string | undefined) => ['verification', 'staff', status ?? 'all'] as const,
};

export function useVerification(orgId: string) {
  return useQuery({ queryKey: verificationKeys.mine(orgId), queryFn: () => fetchVerification(orgId) });
}

export function useSubmitVerification(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: VerificationPackage) => submitVerification(orgId, body),
    onSuccess: (data) => {
      client.setQueryData(verificationKeys.mine(orgId), data);
      void client.invalidateQueries({ queryKey: organisationKeys.detail(orgId) });
    },
  });
}

export function useStaffVerifications(status: string | undefined) {
  return useQuery({ queryKey: verificationKeys.staff(status), queryFn: () => fetchStaffVerifications(status) });
}

export function useDecideVerification() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReviewDecisionInput }) => decideVerification(id, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['verification', 'staff'] }),
  });
}
