import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  DualControlList,
  DualControlRequest,
  EscrowStatus,
  FinanceOverview,
  OverdueRunResult,
  type PayoutBody,
  RevealedPayoutAccount,
  StatementImportReport,
  UnfreezeRequested,
  Wallet,
} from '@zhuhe/contracts';
import type { z } from 'zod';
import { apiRequest } from '../../app/api-client';

export type PayoutInput = z.input<typeof PayoutBody>;
const Payout = Wallet.shape.payouts.element;

const keys = {
  money: (orgId: string, contractId: string) => ['escrow', orgId, contractId] as const,
  wallet: (orgId: string) => ['wallet', orgId] as const,
  finance: ['finance'] as const,
  pending: ['finance', 'pending-unfreeze'] as const,
};

export const walletStatementUrl = (orgId: string) => `/api/orgs/${orgId}/wallet/statement.csv`;

export const useContractMoney = (orgId: string, contractId: string) =>
  useQuery({
    queryKey: keys.money(orgId, contractId),
    queryFn: () => apiRequest('GET', `/api/orgs/${orgId}/escrow/${contractId}`, EscrowStatus),
  });

export const useWallet = (orgId: string) =>
  useQuery({ queryKey: keys.wallet(orgId), queryFn: () => apiRequest('GET', `/api/orgs/${orgId}/wallet`, Wallet) });

export function usePayout(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PayoutInput) => apiRequest('POST', `/api/orgs/${orgId}/wallet/payouts`, Payout, { body }),
    onSettled: () => client.invalidateQueries({ queryKey: keys.wallet(orgId) }),
  });
}

export const useFinanceOverview = () =>
  useQuery({ queryKey: keys.finance, queryFn: () => apiRequest('GET', '/api/staff/finance', FinanceOverview) });

/** 显示完整收款账号 one payout's whole account, for finance staff; the server audits each reveal. */
export const useRevealPayoutAccount = () =>
  useMutation({
    mutationFn: (payoutId: string) =>
      apiRequest(
        'POST',
        `/api/staff/finance/payouts/${encodeURIComponent(payoutId)}/reveal-account`,
        RevealedPayoutAccount,
      ),
  });

export const usePendingUnfreezes = () =>
  useQuery({
    queryKey: keys.pending,
    queryFn: async () =>
      (
        await apiRequest('GET', '/api/staff/dual-control', DualControlList, { query: { status: 'pending' } })
      ).items.filter((r) => r.action === 'escrow.unfreeze'),
  });

function useFinanceMutation<A, R>(fn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => client.invalidateQueries({ queryKey: keys.finance }),
  });
}

export const useImportStatement = () =>
  useFinanceMutation((body: { filename: string; csv: string }) =>
    apiRequest('POST', '/api/staff/finance/statements', StatementImportReport, { body }),
  );
export const useImportReport = (id: string | null) =>
  useQuery({
    queryKey: ['finance', 'import', id],
    queryFn: () => apiRequest('GET', `/api/staff/finance/statements/${id}`, StatementImportReport),
    enabled: Boolean(id),
  });
export const useRequestUnfreeze = () =>
  useFinanceMutation((args: { contractId: string; reason: string }) =>
    apiRequest('POST', `/api/staff/finance/escrows/${args.contractId}/unfreeze`, UnfreezeRequested, {
      body: { reason: args.reason },
    }),
  );
export const useApproveUnfreeze = () =>
  useFinanceMutation((requestId: string) =>
    apiRequest('POST', `/api/staff/dual-control/${requestId}/approve`, DualControlRequest, { body: {} }),
  );
export const useRunOverdueCheck = () =>
  useFinanceMutation(() => apiRequest('POST', '/api/staff/finance/overdue-check', OverdueRunResult));
