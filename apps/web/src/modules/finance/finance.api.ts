import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type FinanceApplicationBody,
  FinanceApplicationList,
  FinanceApplicationView,
  FinanceBorrowerView,
  type FinanceDecisionBody,
  FinancePortfolioView,
  type FinanceProductBody,
  FinanceProductList,
  FinanceProductView,
} from '@zhuhe/contracts';
import { apiRequest } from '../../app/api-client';

const keys = {
  all: (orgId: string) => ['finance', orgId] as const,
};

export function useBorrower(orgId: string) {
  return useQuery({
    queryKey: [...keys.all(orgId), 'borrower'],
    queryFn: () => apiRequest('GET', `/api/orgs/${orgId}/finance/borrower`, FinanceBorrowerView),
  });
}

export function useLenderProducts(orgId: string) {
  return useQuery({
    queryKey: [...keys.all(orgId), 'products'],
    queryFn: () => apiRequest('GET', `/api/orgs/${orgId}/finance/products`, FinanceProductList),
  });
}

export function useLenderQueue(orgId: string) {
  return useQuery({
    queryKey: [...keys.all(orgId), 'queue'],
    queryFn: () => apiRequest('GET', `/api/orgs/${orgId}/finance/queue`, FinanceApplicationList),
  });
}

export function usePortfolio(orgId: string) {
  return useQuery({
    queryKey: [...keys.all(orgId), 'portfolio'],
    queryFn: () => apiRequest('GET', `/api/orgs/${orgId}/finance/portfolio`, FinancePortfolioView),
  });
}

function useInvalidate(orgId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: keys.all(orgId) });
}

export function useApply(orgId: string) {
  const invalidate = useInvalidate(orgId);
  return useMutation({
    mutationFn: (body: FinanceApplicationBody) =>
      apiRequest('POST', `/api/orgs/${orgId}/finance/applications`, FinanceApplicationView, { body }),
    onSuccess: invalidate,
  });
}

export function usePublishProduct(orgId: string) {
  const invalidate = useInvalidate(orgId);
  return useMutation({
    mutationFn: (body: FinanceProductBody) =>
      apiRequest('POST', `/api/orgs/${orgId}/finance/products`, FinanceProductView, { body }),
    onSuccess: invalidate,
  });
}

export function useDecide(orgId: string) {
  const invalidate = useInvalidate(orgId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: FinanceDecisionBody }) =>
      apiRequest('POST', `/api/orgs/${orgId}/finance/applications/${id}/decision`, FinanceApplicationView, { body }),
    onSuccess: invalidate,
  });
}
