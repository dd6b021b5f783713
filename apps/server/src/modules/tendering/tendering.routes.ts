import {
  AddendumBody,
  BidBody,
  BidReceipt,
  ConfirmBody,
  CreateTenderBody,
  DeclineBody,
  EvaluatorBody,
  OrgParams,
  PrequalQuery,
  PrequalReportList,
  ScoreBody,
  Tender,
  TenderContractBody,
  TenderList,
  TenderListQuery,
  TenderParams,
} from '@zhuhe/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { answerAward, contractFromAward } from './tendering.award';
import { confirmBid, myReceipt, submitBid, withdrawBid } from './tendering.bids';
import { openTender } from './tendering.opening';
import { tenderPermissions as perm } from './tendering.policy';
import { prequalPdf, prequalReports } from './tendering.prequalification';
import { viewTender } from './tendering.presenter';
import { addAddendum, createTender, publishTender } from './tendering.publish';
import { documentPdf, listTenders } from './tendering.queries';
import { addEvaluator, enterScore, finaliseEvaluation } from './tendering.scoring';

const tags = ['tendering'];

function sendPdf(reply: FastifyReply, pdf: { name: string; bytes: Buffer }) {
  return reply
    .type('application/pdf')
    .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(pdf.name)}`)
    .header('content-security-policy', 'sandbox')
    .send(pdf.bytes);
}

export function tenderingRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const base = '/api/orgs/:orgId/tenders';
    const one = `${base}/:tenderId`;

    app.get(
      base,
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '招标列表',
          params: OrgParams,
          querystring: TenderListQuery,
          response: { 200: TenderList },
        },
      },
      async (request) => ({
        items: await listTenders(ctx, request.params.orgId, request.query.scope),
        minBiddingSeconds: ctx.config.tendering.minBiddingSeconds,
      }),
    );

    app.post(
      base,
      {
        config: { permission: perm.manage },
        schema: { tags, summary: '起草招标', params: OrgParams, body: CreateTenderBody, response: { 201: Tender } },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const id = await createTender(ctx, actor, request.params.orgId, request.body);
        request.auditOverride = { target: `tender ${id}` };
        return reply.status(201).send(await viewTender(ctx, actor, request.params.orgId, id));
      },
    );

    app.get(
      one,
      {
        config: { permission: perm.read },
        schema: { tags, summary: '招标详情', params: TenderParams, response: { 200: Tender } },
      },
      async (request) => viewTender(ctx, requireActor(request), request.params.orgId, request.params.tenderId),
    );

    const buyerAction = (
      path: string,
      summary: string,
      run: (actor: { userId: string }, orgId: string, tenderId: string, body: never) => Promise<unknown>,
      body?: z.ZodType,
    ) =>
      app.post(
        `${one}${path}`,
        {
          config: { permission: perm.manage },
          schema: { tags, summary, params: TenderParams, ...(body ? { body } : {}), response: { 200: Tender } },
        },
        async (request) => {
          const actor = requireActor(request);
          const { orgId, tenderId } = request.params;
          await run(actor, orgId, tenderId, request.body as never);
          return viewTender(ctx, actor, orgId, tenderId);
        },
      );

    buyerAction('/publish', '发布招标', (a, o, t) => publishTender(ctx, a, o, t));
    buyerAction(
      '/addenda',
      '发布补遗（投标人须重新确认）',
      (a, o, t, body: z.output<typeof AddendumBody>) => addAddendum(ctx, a, o, t, body),
      AddendumBody,
    );
    buyerAction('/open', '开标（截止后）', (a, o, t) => openTender(ctx, a, o, t));
    buyerAction(
      '/evaluators',
      '指定评标专家',
      (a, o, t, body: z.output<typeof EvaluatorBody>) => addEvaluator(ctx, a, o, t, body.userId),
      EvaluatorBody,
    );
    buyerAction('/evaluation/finalise', '评标定稿并定标', (a, o, t) => finaliseEvaluation(ctx, a, o, t));

    app.post(
      `${one}/scores`,
      {
        config: { permission: perm.score },
        schema: { tags, summary: '录入技术分', params: TenderParams, body: ScoreBody, response: { 200: Tender } },
      },
      async (request) => {
        const actor = requireActor(request);
        const { orgId, tenderId } = request.params;
        await enterScore(ctx, actor, orgId, tenderId, request.body);
        return viewTender(ctx, actor, orgId, tenderId);
      },
    );

    app.post(
      `${one}/contract`,
      {
        config: { permission: perm.manage },
        schema: {
          tags,
          summary: '由中标结果生成合同',
          params: TenderParams,
          body: TenderContractBody,
          response: { 201: z.object({ contractId: z.uuid() }) },
        },
      },
      async (request, reply) => {
        const { orgId, tenderId } = request.params;
        const contractId = await contractFromAward(ctx, requireActor(request), orgId, tenderId, request.body);
        return reply.status(201).send({ contractId });
      },
    );

    app.get(
      `${one}/bid`,
      {
        config: { permission: perm.read },
        schema: { tags, summary: '本单位投标回执', params: TenderParams, response: { 200: BidReceipt } },
      },
      async (request) => myReceipt(ctx, request.params.orgId, request.params.tenderId),
    );

    app.put(
      `${one}/bid`,
      {
        config: { permission: perm.bid },
        schema: {
          tags,
          summary: '递交（或修改）密封投标',
          params: TenderParams,
          body: BidBody,
          response: { 200: BidReceipt },
        },
      },
      async (request) =>
        submitBid(ctx, requireActor(request), request.params.orgId, request.params.tenderId, request.body),
    );

    app.post(
      `${one}/bid/confirm`,
      {
        config: { permission: perm.bid },
        schema: { tags, summary: '确认补遗', params: TenderParams, body: ConfirmBody, response: { 200: BidReceipt } },
      },
      async (request) =>
        confirmBid(
          ctx,
          requireActor(request),
          request.params.orgId,
          request.params.tenderId,
          request.body.tenderVersion,
        ),
    );

    app.delete(
      `${one}/bid`,
      {
        config: { permission: perm.bid },
        schema: { tags, summary: '撤回投标（截止前）', params: TenderParams, response: { 200: BidReceipt } },
      },
      async (request) => withdrawBid(ctx, requireActor(request), request.params.orgId, request.params.tenderId),
    );

    app.post(
      `${one}/award/accept`,
      {
        config: { permission: perm.bid },
        schema: { tags, summary: '接受中标', params: TenderParams, response: { 200: Tender } },
      },
      async (request) => {
        const actor = requireActor(request);
        const { orgId, tenderId } = request.params;
        await answerAward(ctx, actor, orgId, tenderId, { accept: true });
        return viewTender(ctx, actor, orgId, tenderId);
      },
    );

    app.post(
      `${one}/award/decline`,
      {
        config: { permission: perm.bid },
        schema: {
          tags,
          summary: '放弃中标（顺延至下一名）',
          params: TenderParams,
          body: DeclineBody,
          response: { 200: Tender },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const { orgId, tenderId } = request.params;
        await answerAward(ctx, actor, orgId, tenderId, { accept: false, reason: request.body.reason });
        return viewTender(ctx, actor, orgId, tenderId);
      },
    );

    app.get(
      `${one}/prequalification`,
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '资格预审报告',
          params: TenderParams,
          querystring: PrequalQuery,
          response: { 200: PrequalReportList },
        },
      },
      async (request) => ({
        items: (await prequalReports(ctx, request.params.orgId, request.params.tenderId, request.query.bidderOrgId))
          .reports,
      }),
    );

    app.get(
      `${one}/prequalification.pdf`,
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '资格预审报告 PDF',
          params: TenderParams,
          querystring: PrequalQuery,
          response: { 200: z.any() },
        },
      },
      async (request, reply) =>
        sendPdf(reply, await prequalPdf(ctx, request.params.orgId, request.params.tenderId, request.query.bidderOrgId)),
    );

    app.get(
      `${one}/opening.pdf`,
      {
        config: { permission: perm.read },
        schema: { tags, summary: '开标记录 PDF', params: TenderParams, response: { 200: z.any() } },
      },
      async (request, reply) =>
        sendPdf(reply, await documentPdf(ctx, request.params.orgId, request.params.tenderId, 'opening')),
    );

    app.get(
      `${one}/evaluation.pdf`,
      {
        config: { permission: perm.read },
        schema: { tags, summary: '评分表 PDF', params: TenderParams, response: { 200: z.any() } },
      },
      async (request, reply) =>
        sendPdf(reply, await documentPdf(ctx, request.params.orgId, request.params.tenderId, 'evaluation')),
    );
  };
}
