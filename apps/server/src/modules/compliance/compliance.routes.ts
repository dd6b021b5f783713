import {
  BannedTerm,
  BannedTermList,
  BannedTermParams,
  ComplianceCheckBody,
  ComplianceCheckResult,
  CreateBannedTermBody,
  CreateTakedownBody,
  type TAKEDOWN_SUBJECTS,
  TakedownList,
  TakedownParams,
  TakedownRecord,
  UpdateBannedTermBody,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { getOrganisations } from '../organisation';
import { compliancePermissions as perm } from './compliance.policy';
import type { TakedownSubjects } from './compliance.service';
import * as service from './compliance.service';

const tags = ['compliance'];

function presentTerm(row: service.BannedTermRow) {
  return {
    id: row.id,
    term: row.term,
    category: row.category as 'false_promise' | 'absolute_term',
    basis: row.basis,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
  };
}

export function complianceRoutes(ctx: AppContext, subjects: TakedownSubjects): FastifyPluginAsyncZod {
  const presentOne = async (row: service.TakedownRow) => {
    const [presented] = await presentTakedowns([row]);
    if (!presented) throw new Error('takedown not presented');
    return presented;
  };
  async function presentTakedowns(rows: service.TakedownRow[]) {
    const names = new Map(
      (
        await getOrganisations(
          ctx,
          rows.map((r) => r.orgId),
        )
      ).map((o) => [o.id, o.name]),
    );
    return rows.map((r) => ({
      id: r.id,
      subjectKind: r.subjectKind as (typeof TAKEDOWN_SUBJECTS)[number],
      orgId: r.orgId,
      orgName: names.get(r.orgId) ?? '—',
      subjectId: r.subjectId,
      reason: r.reason,
      takenDownBy: r.takenDownByName,
      takenDownAt: r.takenDownAt.toISOString(),
      liftedAt: r.liftedAt?.toISOString() ?? null,
      liftedBy: r.liftedByName,
    }));
  }

  return async (app) => {
    app.post(
      '/api/compliance/check',
      {
        config: { permission: perm.check },
        schema: {
          tags,
          summary: '内容合规检查（违规用语高亮）',
          body: ComplianceCheckBody,
          response: { 200: ComplianceCheckResult },
        },
      },
      async (request) => {
        const hits = await service.checkTexts(ctx, request.body.texts);
        return { ok: hits.length === 0, hits };
      },
    );

    app.get(
      '/api/staff/banned-terms',
      {
        config: { permission: perm.listTerms },
        schema: { tags, summary: '违规用语库', response: { 200: BannedTermList } },
      },
      async () => ({ items: (await service.listTerms(ctx)).map(presentTerm) }),
    );

    app.post(
      '/api/staff/banned-terms',
      {
        config: { permission: perm.manageTerms },
        schema: { tags, summary: '新增违规用语', body: CreateBannedTermBody, response: { 201: BannedTerm } },
      },
      async (request, reply) =>
        reply.status(201).send(presentTerm(await service.addTerm(ctx, requireActor(request), request.body))),
    );

    app.patch(
      '/api/staff/banned-terms/:termId',
      {
        config: { permission: perm.manageTerms },
        schema: {
          tags,
          summary: '启用/停用违规用语',
          params: BannedTermParams,
          body: UpdateBannedTermBody,
          response: { 200: BannedTerm },
        },
      },
      async (request) => presentTerm(await service.setTermActive(ctx, request.params.termId, request.body.active)),
    );

    app.get(
      '/api/staff/takedowns',
      {
        config: { permission: perm.listTakedowns },
        schema: { tags, summary: '下架记录', response: { 200: TakedownList } },
      },
      async () => ({ items: await presentTakedowns(await service.listTakedowns(ctx)) }),
    );

    app.post(
      '/api/staff/takedowns',
      {
        config: { permission: perm.takeDown },
        schema: {
          tags,
          summary: '下架（附理由，商家可见）',
          body: CreateTakedownBody,
          response: { 201: TakedownRecord },
        },
      },
      async (request, reply) => {
        const row = await service.takeDown(ctx, subjects, requireActor(request), request.body);
        request.auditOverride = { orgId: row.orgId, target: `takedown ${row.id} ${row.subjectKind} ${row.subjectId}` };
        return reply.status(201).send(await presentOne(row));
      },
    );

    app.post(
      '/api/staff/takedowns/:takedownId/lift',
      {
        config: { permission: perm.lift },
        schema: { tags, summary: '撤销下架', params: TakedownParams, response: { 200: TakedownRecord } },
      },
      async (request) => {
        const row = await service.liftTakedown(ctx, requireActor(request), request.params.takedownId);
        request.auditOverride = { orgId: row.orgId, target: `takedown ${row.id} lifted` };
        return presentOne(row);
      },
    );
  };
}
