import {
  InsuranceBondParams,
  InsuranceBondView,
  InsuranceClaimBody,
  InsuranceClaimDecisionBody,
  InsuranceClaimFileParams,
  InsuranceClaimParams,
  InsuranceClaimView,
  InsurancePolicyList,
  InsurancePolicyParams,
  InsurancePolicyView,
  InsuranceProductBody,
  InsuranceProductList,
  InsuranceProductParams,
  InsuranceProductView,
  InsurancePurchaseBody,
  OrgParams,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { sendStoredFile } from '../files';
import { insurancePermissions as perm } from './insurance.policy';
import { presentClaim, presentPolicy, presentProduct } from './insurance.presenter';
import * as service from './insurance.service';

const tags = ['insurance'];

export function insuranceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const presentPolicies = async (rows: service.PolicyRow[], orgId: string) => {
    const d = await service.policyDetails(ctx, rows);
    return rows.map((p) =>
      presentPolicy(p, d.names, d.productNames.get(p.productId) ?? '', d.claims, service.readerRole(p, orgId)),
    );
  };
  const productOut = async (row: service.ProductRow) =>
    presentProduct(row, (await service.orgNames(ctx, [row.insurerOrgId])).get(row.insurerOrgId) ?? '');

  return async (app) => {
    app.get(
      '/api/orgs/:orgId/insurance/products',
      {
        config: { permission: perm.insurerRead },
        schema: { tags, summary: '本机构的履约保证险产品', params: OrgParams, response: { 200: InsuranceProductList } },
      },
      async (request) => {
        const rows = await service.productsOfInsurer(ctx, request.params.orgId);
        const names = await service.orgNames(ctx, [request.params.orgId]);
        return { items: rows.map((p) => presentProduct(p, names.get(p.insurerOrgId) ?? '')) };
      },
    );

    app.post(
      '/api/orgs/:orgId/insurance/products',
      {
        config: { permission: perm.publish },
        schema: {
          tags,
          summary: '发布履约保证险产品',
          params: OrgParams,
          body: InsuranceProductBody,
          response: { 201: InsuranceProductView },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await productOut(await service.publishProduct(ctx, request.params.orgId, request.body))),
    );

    for (const [action, active] of [
      ['pause', false],
      ['resume', true],
    ] as const)
      app.post(
        `/api/orgs/:orgId/insurance/products/:productId/${action}`,
        {
          config: { permission: perm.manage },
          schema: {
            tags,
            summary: active ? '恢复销售保险产品' : '暂停销售保险产品',
            params: InsuranceProductParams,
            response: { 200: InsuranceProductView },
          },
        },
        async (request) => {
          const { orgId, productId } = request.params;
          return productOut(await service.setProductActive(ctx, orgId, productId, active));
        },
      );

    app.get(
      '/api/orgs/:orgId/insurance/bonds/:contractId',
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '合同履约保证金：可投保产品与保单',
          params: InsuranceBondParams,
          response: { 200: InsuranceBondView },
        },
      },
      async (request) => {
        const { orgId, contractId } = request.params;
        const view = await service.bondView(ctx, orgId, contractId);
        return {
          contractId,
          readerRole: view.role,
          bondRequiredFen: view.status.bondRequiredFen,
          bondPostedFen: view.status.bondPostedFen,
          bondDue: view.bondDue,
          walletFen: view.walletFen === null ? null : Number(view.walletFen),
          offers: view.offers.map((o) => ({
            productId: o.product.id,
            productName: o.product.name,
            insurerOrgName: o.insurerName,
            premiumBp: o.product.premiumBp,
            premiumFen: Number(o.premiumFen),
            maxInsuredFen: Number(o.product.maxInsuredFen),
            termDays: o.product.termDays,
            eligible: o.reason === null,
            reason: o.reason,
          })),
          policy: view.policy ? ((await presentPolicies([view.policy], orgId))[0] ?? null) : null,
        };
      },
    );

    app.get(
      '/api/orgs/:orgId/insurance/policies',
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '本组织投保、受益或承保的保单',
          params: OrgParams,
          response: { 200: InsurancePolicyList },
        },
      },
      async (request) => ({
        items: await presentPolicies(await service.policiesOf(ctx, request.params.orgId), request.params.orgId),
      }),
    );

    app.post(
      '/api/orgs/:orgId/insurance/policies',
      {
        config: { permission: perm.buy, idempotent: true },
        schema: {
          tags,
          summary: '投保履约保证险（以保单替代现金保证金）',
          params: OrgParams,
          body: InsurancePurchaseBody,
          response: { 201: InsurancePolicyView },
        },
      },
      async (request, reply) => {
        const { orgId } = request.params;
        const row = await service.buyPolicy(ctx, requireActor(request), orgId, request.body);
        return reply.code(201).send((await presentPolicies([row], orgId))[0] as z.infer<typeof InsurancePolicyView>);
      },
    );

    app.get(
      '/api/orgs/:orgId/insurance/policies/:policyId/policy.pdf',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '保单 PDF', params: InsurancePolicyParams, response: { 200: z.any() } },
      },
      async (request, reply) =>
        sendStoredFile(ctx, reply, await service.policyPdf(ctx, request.params.orgId, request.params.policyId)),
    );

    app.post(
      '/api/orgs/:orgId/insurance/policies/:policyId/claims',
      {
        config: { permission: perm.claim },
        schema: {
          tags,
          summary: '受益人申请理赔',
          params: InsurancePolicyParams,
          body: InsuranceClaimBody,
          response: { 201: InsuranceClaimView },
        },
      },
      async (request, reply) => {
        const { orgId, policyId } = request.params;
        const claim = await service.fileClaim(ctx, requireActor(request), orgId, policyId, request.body);
        const policy = await service.policyFor(ctx, orgId, policyId);
        return reply.code(201).send(presentClaim(claim, policy.policyNo, policy.contractId));
      },
    );

    app.get(
      '/api/orgs/:orgId/insurance/claims/:claimId/evidence/:fileId',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '理赔证据文件', params: InsuranceClaimFileParams, response: { 200: z.any() } },
      },
      async (request, reply) => {
        const { orgId, claimId, fileId } = request.params;
        return sendStoredFile(ctx, reply, await service.claimEvidenceFile(ctx, orgId, claimId, fileId));
      },
    );

    app.post(
      '/api/orgs/:orgId/insurance/claims/:claimId/decision',
      {
        config: { permission: perm.decide, idempotent: true },
        schema: {
          tags,
          summary: '保险人审核理赔（批准即赔付）',
          params: InsuranceClaimParams,
          body: InsuranceClaimDecisionBody,
          response: { 200: InsuranceClaimView },
        },
      },
      async (request) => {
        const { orgId, claimId } = request.params;
        const claim = await service.decideClaim(ctx, requireActor(request), orgId, claimId, request.body);
        const { policy } = await service.claimFor(ctx, orgId, claim.id);
        return presentClaim(claim, policy.policyNo, policy.contractId);
      },
    );
  };
}
