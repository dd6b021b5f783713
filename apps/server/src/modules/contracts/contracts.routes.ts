import {
  Contract,
  ContractList,
  ContractParams,
  ContractTemplateList,
  ContractVersionParams,
  CreateContractBody,
  DiffQuery,
  OrgParams,
  ProposeVersionBody,
  VersionDiff,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { getUsers } from '../identity';
import { contractErrors } from './contracts.errors';
import { contractPermissions as perm } from './contracts.policy';
import { presentContract } from './contracts.presenter';
import * as service from './contracts.service';

const tags = ['contracts'];

export function contractRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const load = async (orgId: string, contractId: string) => {
    const loaded = await service.getContract(ctx, orgId, contractId);
    const users = await getUsers(
      ctx,
      loaded.versions.map((v) => v.proposedByUserId),
    );
    return presentContract(loaded, new Map(users.map((u) => [u.id, u.displayName])));
  };

  return async (app) => {
    app.get(
      '/api/contract-templates',
      {
        config: { permission: perm.templates },
        schema: { tags, summary: '合同模板', response: { 200: ContractTemplateList } },
      },
      async () => ({ items: service.listTemplates().map(({ clauses: _clauses, ...template }) => template) }),
    );

    app.get(
      '/api/orgs/:orgId/contracts',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '合同列表', params: OrgParams, response: { 200: ContractList } },
      },
      async (request) => ({
        items: (await service.listContracts(ctx, request.params.orgId)).map(({ contract, counterparty }) => ({
          id: contract.id,
          kind: contract.kind as z.infer<typeof ContractList>['items'][number]['kind'],
          title: contract.title,
          status: contract.status as z.infer<typeof ContractList>['items'][number]['status'],
          counterparty,
          currentVersion: contract.currentVersion,
          amendmentCount: contract.amendmentCount,
          updatedAt: contract.updatedAt.toISOString(),
        })),
      }),
    );

    app.post(
      '/api/orgs/:orgId/contracts',
      {
        config: { permission: perm.create, idempotent: true },
        schema: {
          tags,
          summary: '起草合同 draft a contract from a template',
          params: OrgParams,
          body: CreateContractBody,
          response: { 201: Contract },
        },
      },
      async (request, reply) => {
        const id = await service.createContract(ctx, requireActor(request), request.params.orgId, request.body);
        request.auditOverride = { target: `contract ${id}` };
        return reply.status(201).send(await load(request.params.orgId, id));
      },
    );

    app.get(
      '/api/orgs/:orgId/contracts/:contractId',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '合同详情', params: ContractParams, response: { 200: Contract } },
      },
      async (request) => load(request.params.orgId, request.params.contractId),
    );

    app.post(
      '/api/orgs/:orgId/contracts/:contractId/versions',
      {
        config: { permission: perm.propose, idempotent: true },
        schema: {
          tags,
          summary: '提出新版本（协商或变更）',
          params: ContractParams,
          body: ProposeVersionBody,
          response: { 201: Contract },
        },
      },
      async (request, reply) => {
        await service.proposeVersion(
          ctx,
          requireActor(request),
          request.params.orgId,
          request.params.contractId,
          request.body,
        );
        return reply.status(201).send(await load(request.params.orgId, request.params.contractId));
      },
    );

    app.get(
      '/api/orgs/:orgId/contracts/:contractId/versions/:versionNo/diff',
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '版本差异',
          params: ContractVersionParams,
          querystring: DiffQuery,
          response: { 200: VersionDiff },
        },
      },
      async (request) =>
        service.diffVersions(
          ctx,
          request.params.orgId,
          request.params.contractId,
          request.params.versionNo,
          request.query.against,
        ),
    );

    app.post(
      '/api/orgs/:orgId/contracts/:contractId/versions/:versionNo/sign',
      {
        config: { permission: perm.sign, idempotent: true },
        schema: {
          tags,
          summary: '签署（需二次验证）sign with step-up 2FA',
          params: ContractVersionParams,
          response: { 200: Contract },
        },
      },
      async (request) => {
        const { orgId, contractId, versionNo } = request.params;
        await service.signVersion(ctx, requireActor(request), orgId, contractId, versionNo);
        return load(orgId, contractId);
      },
    );

    app.get(
      '/api/orgs/:orgId/contracts/:contractId/signed.pdf',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '已签署合同 PDF', params: ContractParams, response: { 200: z.any() } },
      },
      async (request, reply) => {
        const pdf = await service.signedPdf(ctx, request.params.orgId, request.params.contractId);
        if (!pdf) throw contractErrors.raise('CONTRACT_NOT_FOUND');
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(pdf.name)}`)
          .header('content-security-policy', 'sandbox')
          .send(pdf.bytes);
      },
    );
  };
}
