import {
  EscrowParams,
  EscrowStatus,
  FinanceOverview,
  OverdueRunResult,
  PayoutBody,
  RevealedPayoutAccount,
  StaffEscrowParams,
  StatementImportBody,
  StatementImportParams,
  StatementImportReport,
  UnfreezeBody,
  UnfreezeRequested,
  Wallet,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import type { BankAdapter } from './escrow.bank';
import { escrowErrors } from './escrow.errors';
import { freezeOverdueEscrows, requestUnfreeze } from './escrow.overdue';
import { requestPayout, revealPayoutAccount } from './escrow.payouts';
import { escrowPermissions as perm } from './escrow.policy';
import { escrowStatus, financeOverview, isEscrowParty } from './escrow.queries';
import { getImport, importStatement } from './escrow.reconciliation';
import { walletOf, walletStatementCsv } from './escrow.wallet';

const tags = ['escrow'];
const OrgParams = z.object({ orgId: z.uuid() });

export function escrowRoutes(ctx: AppContext, bank: BankAdapter): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/escrow/:contractId',
      {
        config: { permission: perm.readContract },
        schema: { tags, summary: '合同资金监管视图', params: EscrowParams, response: { 200: EscrowStatus } },
      },
      async (request) => {
        const { orgId, contractId } = request.params;
        // only the payer and the payee see it; anyone else is told it does not exist
        if (!(await isEscrowParty(ctx, contractId, orgId))) throw escrowErrors.raise('ESCROW_NOT_FOUND');
        return escrowStatus(ctx, contractId);
      },
    );

    app.get(
      '/api/orgs/:orgId/wallet',
      {
        config: { permission: perm.readWallet },
        schema: { tags, summary: '组织钱包', params: OrgParams, response: { 200: Wallet } },
      },
      async (request) => walletOf(ctx, request.params.orgId),
    );

    app.get(
      '/api/orgs/:orgId/wallet/statement.csv',
      {
        config: { permission: perm.readWallet },
        schema: { tags, summary: '钱包对账单 CSV', params: OrgParams, response: { 200: z.any() } },
      },
      async (request, reply) => {
        const csv = await walletStatementCsv(ctx, request.params.orgId);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="wallet-statement.csv"`)
          .send(csv);
      },
    );

    app.post(
      '/api/orgs/:orgId/wallet/payouts',
      {
        config: { permission: perm.payout, idempotent: true },
        schema: {
          tags,
          summary: '提现（付款指令）',
          params: OrgParams,
          body: PayoutBody,
          response: { 200: Wallet.shape.payouts.element },
        },
      },
      async (request) => requestPayout(ctx, bank, { orgId: request.params.orgId, ...request.body }),
    );

    app.get(
      '/api/staff/finance',
      {
        config: { permission: perm.financeRead },
        schema: { tags, summary: '财务控制台', response: { 200: FinanceOverview } },
      },
      async () => financeOverview(ctx),
    );

    app.post(
      '/api/staff/finance/payouts/:payoutId/reveal-account',
      {
        config: { permission: perm.revealPayoutAccount },
        schema: {
          tags,
          summary: '显示完整收款账号（财务，记审计） reveal a payout account',
          params: z.object({ payoutId: z.string().uuid() }),
          response: { 200: RevealedPayoutAccount },
        },
      },
      async (request) => ({ account: await revealPayoutAccount(ctx, request.params.payoutId) }),
    );

    app.post(
      '/api/staff/finance/statements',
      {
        config: { permission: perm.importStatement },
        schema: {
          tags,
          summary: '导入银行流水并对账',
          body: StatementImportBody,
          response: { 200: StatementImportReport },
        },
      },
      async (request) => importStatement(ctx, requireActor(request), request.body),
    );

    app.get(
      '/api/staff/finance/statements/:importId',
      {
        config: { permission: perm.financeRead },
        schema: { tags, summary: '对账报告', params: StatementImportParams, response: { 200: StatementImportReport } },
      },
      async (request) => getImport(ctx, request.params.importId),
    );

    app.get(
      '/api/staff/finance/escrows/:contractId',
      {
        config: { permission: perm.financeRead },
        schema: { tags, summary: '合同监管资金（平台）', params: StaffEscrowParams, response: { 200: EscrowStatus } },
      },
      async (request) => escrowStatus(ctx, request.params.contractId),
    );

    app.post(
      '/api/staff/finance/escrows/:contractId/unfreeze',
      {
        config: { permission: perm.requestUnfreeze, idempotent: true },
        schema: {
          tags,
          summary: '申请解冻（双人复核）',
          params: StaffEscrowParams,
          body: UnfreezeBody,
          response: { 200: UnfreezeRequested },
        },
      },
      async (request) =>
        requestUnfreeze(ctx, requireActor(request), {
          contractId: request.params.contractId,
          reason: request.body.reason,
        }),
    );

    app.post(
      '/api/staff/finance/overdue-check',
      {
        config: { permission: perm.runOverdueCheck },
        schema: { tags, summary: '立即执行逾期冻结检查', response: { 200: OverdueRunResult } },
      },
      async () => ({ frozen: await freezeOverdueEscrows(ctx) }),
    );
  };
}
