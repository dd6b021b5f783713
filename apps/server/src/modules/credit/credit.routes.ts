import {
  ContractRatingsParams,
  CreditGradeParams,
  CreditGradesQuery,
  CreditGradesView,
  CreditGradeView,
  CreditPolicyBody,
  CreditPolicyView,
  CreditProfileView,
  CreditReviewBody,
  OrgParams,
  PendingRequestView,
  RatingBody,
  RatingView,
  RecalculateBody,
  SetCreditGradeBody,
  TaxDeclarationBody,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { creditErrors } from './credit.errors';
import { creditPermissions as perm } from './credit.policy';
import { presentProfile, presentRating } from './credit.presenter';
import * as service from './credit.service';

const tags = ['credit'];
const present = (g: service.CreditGradeInfo) => ({
  orgId: g.orgId,
  grade: g.grade,
  assessedAt: g.assessedAt.toISOString(),
  source: g.source,
});

export function creditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.put(
      '/api/staff/credit-grades/:gradedOrgId',
      {
        config: { permission: perm.setGrade },
        schema: {
          tags,
          summary: '记录外部信用评级 record an outside credit assessment',
          params: CreditGradeParams,
          body: SetCreditGradeBody,
          response: { 200: CreditGradeView },
        },
      },
      async (request) =>
        present(await service.setCreditGrade(ctx, requireActor(request), request.params.gradedOrgId, request.body)),
    );

    app.get(
      '/api/orgs/:orgId/credit-grade',
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '本组织信用等级',
          params: OrgParams,
          response: { 200: z.object({ grade: CreditGradeView.nullable() }) },
        },
      },
      async (request) => {
        const grade = (await service.creditGradeOf(ctx, [request.params.orgId])).get(request.params.orgId);
        return { grade: grade ? present(grade) : null };
      },
    );

    app.get(
      '/api/credit-grades',
      {
        config: { permission: perm.readGrades },
        schema: {
          tags,
          summary: '信用等级徽章 grades of the organisations on a page',
          querystring: CreditGradesQuery,
          response: { 200: CreditGradesView },
        },
      },
      async (request) => {
        const grades = await service.creditGradeOf(ctx, request.query.orgIds);
        return { items: [...grades.values()].map((g) => ({ orgId: g.orgId, grade: g.grade })) };
      },
    );

    app.get(
      '/api/orgs/:orgId/credit',
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '信用档案 five dimensions, history',
          params: OrgParams,
          response: { 200: CreditProfileView },
        },
      },
      async (request) => presentProfile(await service.creditProfile(ctx, request.params.orgId)),
    );

    app.post(
      '/api/orgs/:orgId/credit/ratings',
      {
        config: { permission: perm.rate },
        schema: {
          tags,
          summary: '评价合同对方 rate the other party',
          params: OrgParams,
          body: RatingBody,
          response: { 201: RatingView },
        },
      },
      async (request, reply) => {
        const saved = await service.rateCounterparty(ctx, requireActor(request), request.params.orgId, request.body);
        return reply.code(201).send(presentRating(saved));
      },
    );

    app.get(
      '/api/orgs/:orgId/contracts/:contractId/ratings',
      {
        config: { permission: perm.readRatings },
        schema: {
          tags,
          summary: '合同双方的评价',
          params: ContractRatingsParams,
          response: { 200: z.object({ items: z.array(RatingView) }) },
        },
      },
      async (request) => ({
        items: (await service.ratingsOfContract(ctx, request.params.orgId, request.params.contractId)).map(
          presentRating,
        ),
      }),
    );

    app.put(
      '/api/orgs/:orgId/credit/tax-years',
      {
        config: { permission: perm.declareTax },
        schema: { tags, summary: '申报纳税情况 declare a tax year', params: OrgParams, body: TaxDeclarationBody },
      },
      async (request, reply) => {
        await service.declareTaxYear(ctx, requireActor(request), request.params.orgId, request.body);
        return reply.code(204).send();
      },
    );

    app.get(
      '/api/staff/credit/:gradedOrgId',
      {
        config: { permission: perm.staffRead },
        schema: {
          tags,
          summary: '组织信用档案（员工）',
          params: CreditGradeParams,
          response: { 200: CreditProfileView },
        },
      },
      async (request) => presentProfile(await service.creditProfile(ctx, request.params.gradedOrgId)),
    );

    app.post(
      '/api/staff/credit/:gradedOrgId/reviews',
      {
        config: { permission: perm.review },
        schema: {
          tags,
          summary: '人工复核 request a manual review (dual control)',
          params: CreditGradeParams,
          body: CreditReviewBody,
          response: { 202: PendingRequestView },
        },
      },
      async (request, reply) =>
        reply
          .code(202)
          .send(
            await service.requestCreditReview(ctx, requireActor(request), request.params.gradedOrgId, request.body),
          ),
    );

    app.get(
      '/api/staff/credit-policy',
      {
        config: { permission: perm.staffRead },
        schema: { tags, summary: '信用评级政策', response: { 200: CreditPolicyView } },
      },
      async () => service.currentPolicy(ctx.db),
    );

    app.post(
      '/api/staff/credit-policy',
      {
        config: { permission: perm.policy },
        schema: {
          tags,
          summary: '修改评级政策 (dual control)',
          body: CreditPolicyBody,
          response: { 202: PendingRequestView },
        },
      },
      async (request, reply) =>
        reply.code(202).send(await service.requestCreditPolicyChange(ctx, requireActor(request), request.body)),
    );

    app.post(
      '/api/staff/credit/recalculate',
      {
        config: { permission: perm.recalculate },
        schema: {
          tags,
          summary: '立即重算月度评级',
          body: RecalculateBody,
          response: { 200: z.object({ rated: z.number(), month: z.string() }) },
        },
      },
      async (request) => {
        const month = request.body.month ?? service.monthOfInstant(ctx.clock.now());
        if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw creditErrors.raise('CREDIT_MONTH_INVALID');
        return service.recalculateMonth(ctx, month);
      },
    );
  };
}
