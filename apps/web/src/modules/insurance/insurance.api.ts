import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  InsuranceBondView,
  type InsuranceClaimBody,
  type InsuranceClaimDecisionBody,
  InsuranceClaimView,
  InsurancePolicyList,
  InsurancePolicyView,
  type InsuranceProductBody,
  InsuranceProductList,
  InsuranceProductView,
  type InsurancePurchaseBody,
} from '@zhuhe/contracts';
import { z } from 'zod';
import { apiRequest, apiUpload } from '../../app/api-client';

const keys = {
  all: (orgId: string) => ['insurance', orgId] as const,
};

export function useBond(orgId: string, contractId: string) {
  return useQuery({
    queryKey: [...keys.all(orgId), 'bond', contractId],
    queryFn: () => apiRequest('GET', `/api/orgs/${orgId}/insurance/bonds/${contractId}`, InsuranceBondView),
  });
}

export function usePolicies(orgId: string) {
  return useQuery({
    queryKey: [...keys.all(orgId), 'policies'],
    queryFn: () => apiRequest('GET', `/api/orgs/${orgId}/insurance/policies`, InsurancePolicyList),
  });
}

export function useInsurerProducts(orgId: string) {
  return useQuery({
    queryKey: [...keys.all(orgId), 'products'],
    queryFn: () => apiRequest('GET', `/api/orgs/${orgId}/insurance/products`, InsuranceProductList),
  });
}

/** A policy or a payout changes the contract's money view (the bond rule) and the wallets too. */
function useInvalidate(orgId: string) {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: keys.all(orgId) });
    await client.invalidateQueries({ queryKey: ['escrow'] });
    await client.invalidateQueries({ queryKey: ['wallet'] });
  };
}

export function usePublishProduct(orgId: string) {
  const invalidate = useInvalidate(orgId);
  return useMutation({
    mutationFn: (body: InsuranceProductBody) =>
      apiRequest('POST', `/api/orgs/${orgId}/insurance/products`, InsuranceProductView, { body }),
    onSuccess: invalidate,
  });
}

export function useSetProductActive(orgId: string) {
  const invalidate = useInvalidate(orgId);
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      apiRequest(
        'POST',
        `/api/orgs/${orgId}/insurance/products/${id}/${active ? 'resume' : 'pause'}`,
        InsuranceProductView,
      ),
    onSuccess: invalidate,
  });
}

export function useBuyPolicy(orgId: string) {
  const invalidate = useInvalidate(orgId);
  return useMutation({
    mutationFn: (body: InsurancePurchaseBody) =>
      apiRequest('POST', `/api/orgs/${orgId}/insurance/policies`, InsurancePolicyView, { body }),
    onSuccess: invalidate,
  });
}

/** Uploads the evidence files to the organisation first, then files the claim with their ids. */
export function useFileClaim(orgId: string) {
  const invalidate = useInvalidate(orgId);
  return useMutation({
    mutationFn: async ({
      policyId,
      body,
      files,
    }: {
      policyId: string;
      body: Omit<InsuranceClaimBody, 'evidenceFileIds'>;
      files: File[];
    }) => {
      const evidenceFileIds: string[] = [];
      for (const file of files)
        evidenceFileIds.push((await apiUpload(`/api/orgs/${orgId}/files`, file, z.object({ id: z.string() }))).id);
      return apiRequest('POST', `/api/orgs/${orgId}/insurance/policies/${policyId}/claims`, InsuranceClaimView, {
        body: { ...body, evidenceFileIds },
      });
    },
    onSuccess: invalidate,
  });
}

export const claimEvidenceUrl = (orgId: string, claimId: string, fileId: string) =>
  `/api/orgs/${orgId}/insurance/claims/${claimId}/evidence/${fileId}`;

export function useDecideClaim(orgId: string) {
  const invalidate = useInvalidate(orgId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: InsuranceClaimDecisionBody }) =>
      apiRequest('POST', `/api/orgs/${orgId}/insurance/claims/${id}/decision`, InsuranceClaimView, { body }),
    onSuccess: invalidate,
  });
}

export const policyPdfUrl = (orgId: string, policyId: string) =>
  `/api/orgs/${orgId}/insurance/policies/${policyId}/policy.pdf`;
