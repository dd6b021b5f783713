import {
  FinanceApplicationBody,
  FinanceApplicationList,
  FinanceApplicationParams,
  FinanceApplicationView,
  FinanceBorrowerView,
  FinanceDecisionBody,
  FinancePortfolioView,
  FinanceProductBody,
  FinanceProductList,
  FinanceProductView,
  OrgParams,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { financePermissions as perm } from './finance.policy';
import { presentApplication, presentPortfolio, presentProduct } from './finance.presenter';
import { portfolioOf } from './finance.queries';
import * as service from './finance.service';

const tags = ['finance'];

export function financeRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const present = async (apps: service.ApplicationRow[], reader: 'lender' | 'applicant') => {
    const [names, repayments] = await Promise.all([
      service.namesOf(ctx, apps),
      service.repaymentsOf(
        ctx,
        apps.map((a) => a.id),
      ),
    ]);
    const now = ctx.clock.now();
    return apps.map((a) => presentApplication(a, names(a), repayments, reader, now));
  };

  return async (app) => {
    app.get(
      '/api/orgs/:orgId/finance/products',
      {
        config: { permission: perm.lenderRead },
        schema: { tags, summary: '本机构的融资产品', params: OrgParams, response: { 200: FinanceProductList } },
      },
      async (request) => {
        const rows = await service.productsOfLender(ctx, request.params.orgId);
        const names = await service.lenderNames(ctx, [request.params.orgId]);
        return { items: rows.map((p) => presentProduct(p, names.get(p.finOrgId) ?? '')) };
      },
    );

    app.post(
      '/api/orgs/:orgId/finance/products',
      {
        config: { permission: perm.publish },
        schema: {
          tags,
          summary: '发布融资产品',
          params: OrgParams,
          body: FinanceProductBody,
          response: { 201: FinanceProductView },
        },
      },
      async (request, reply) => {
        const row = await service.publishProduct(ctx, request.params.orgId, request.body);
        const names = await service.lenderNames(ctx, [row.finOrgId]);
        return reply.code(201).send(presentProduct(row, names.get(row.finOrgId) ?? ''));
      },
    );

    app.get(
      '/api/orgs/:orgId/finance/queue',
      {
        config: { permission: perm.lenderRead },
        schema: { tags, summary: '融资申请队列', params: OrgParams, response: { 200: FinanceApplicationList } },
      },
      async (request) => ({
        items: await present(await service.applicationsOfLender(ctx, request.params.orgId), 'lender'),
      }),
    );

    app.post(
      '/api/orgs/:orgId/finance/applications/:applicationId/decision',
      {
        config: { permission: perm.decide },
        schema: {
          tags,
          summary: '审批融资申请（批准即放款）',
          params: FinanceApplicationParams,
          body: FinanceDecisionBody,
          response: { 200: FinanceApplicationView },
        },
      },
      async (request) => {
        const { orgId, applicationId } = request.params;
        const row = await service.decideApplication(ctx, requireActor(request), orgId, applicationId, request.body);
        return (await present([row], 'lender'))[0] as z.infer<typeof FinanceApplicationView>;
      },
    );

    app.get(
      '/api/orgs/:orgId/finance/portfolio',
      {
        config: { permission: perm.lenderRead },
        schema: { tags, summary: '资金流向', params: OrgParams, response: { 200: FinancePortfolioView } },
      },
      async (request) => {
        const portfolio = await portfolioOf(ctx, request.params.orgId);
        const names = await service.namesOf(
          ctx,
          portfolio.loans.map((l) => l.app),
        );
        return presentPortfolio(
          portfolio,
          new Map(portfolio.loans.map((l) => [l.app.applicantOrgId, names(l.app).applicant])),
        );
      },
    );

    app.get(
      '/api/orgs/:orgId/finance/borrower',
      {
        config: { permission: perm.borrowerRead },
        schema: {
          tags,
          summary: '工程e贷：可融资标的与申请',
          params: OrgParams,
          response: { 200: FinanceBorrowerView },
        },
      },
      async (request) => {
        const view = await service.borrowerView(ctx, request.params.orgId);
        return {
          assets: view.assets.map((a) => ({
            kind: a.kind,
            contractId: a.contractId,
            milestoneId: a.milestoneId,
            title: a.title,
            counterpartyOrgId: a.counterpartyOrgId,
            baseFen: Number(a.baseFen),
            dueDate: a.dueDate,
            settled: a.settled,
            financed: a.financed,
            offers: a.offers.map((o) => ({
              productId: o.product.id,
              productName: o.product.name,
              finOrgName: o.finOrgName,
              minFen: Number(o.minFen),
              maxFen: Number(o.maxFen),
              feeBp: o.feeBp,
              feeBasis: o.product.feeBasis as 'annual' | 'flat',
              eligible: o.reason === null,
              reason: o.reason,
            })),
          })),
          applications: await present(view.applications, 'applicant'),
        };
      },
    );

    app.post(
      '/api/orgs/:orgId/finance/applications',
      {
        config: { permission: perm.apply },
        schema: {
          tags,
          summary: '申请融资',
          params: OrgParams,
          body: FinanceApplicationBody,
          response: { 201: FinanceApplicationView },
        },
      },
      async (request, reply) => {
        const row = await service.applyForFinance(ctx, requireActor(request), request.params.orgId, request.body);
        return reply.code(201).send((await present([row], 'applicant'))[0] as z.infer<typeof FinanceApplicationView>);
      },
    );
  };
}
