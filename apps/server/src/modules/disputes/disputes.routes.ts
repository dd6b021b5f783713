import {
  ArbitrationVoteBody,
  Dispute,
  DisputeBoard,
  DisputeDigestList,
  DisputeList,
  DisputeMessageBody,
  DisputeParams,
  FileDisputeBody,
  MediationResultBody,
  Ok,
  OrgParams,
  StaffDisputeParams,
} from '@zhuhe/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { fileErrors } from '../files';
import * as decisions from './disputes.decisions';
import type { ArbitrationInstitution } from './disputes.institution';
import { disputePermissions as perm } from './disputes.policy';
import * as queries from './disputes.queries';
import * as service from './disputes.service';

const tags = ['disputes'];
const EvidenceParams = DisputeParams.extend({ evidenceId: z.uuid() });
const StaffEvidenceParams = StaffDisputeParams.extend({ evidenceId: z.uuid() });
const HandOverReceipt = z.object({ institution: z.string(), reference: z.string(), manifestSha256: z.string() });

function send(reply: FastifyReply, file: { name: string; mime: string; bytes: Buffer }) {
  return reply
    .type(file.mime)
    .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('content-security-policy', 'sandbox')
    .header('cache-control', 'private, max-age=300')
    .send(file.bytes);
}

export function disputesRoutes(ctx: AppContext, deps: { institution: ArbitrationInstitution }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/disputes',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '我的纠纷', params: OrgParams, response: { 200: DisputeList } },
      },
      async (request) => ({ items: await queries.listForOrg(ctx, request.params.orgId) }),
    );

    app.post(
      '/api/orgs/:orgId/disputes',
      {
        config: { permission: perm.file },
        schema: { tags, summary: '提起纠纷', params: OrgParams, body: FileDisputeBody, response: { 201: Dispute } },
      },
      async (request, reply) => {
        const id = await service.fileDispute(ctx, requireActor(request), request.params.orgId, request.body);
        return reply.code(201).send(await queries.disputeForParty(ctx, request.params.orgId, id));
      },
    );

    app.get(
      '/api/orgs/:orgId/disputes/:disputeId',
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '纠纷详情（进度、期限、证据、留言）',
          params: DisputeParams,
          response: { 200: Dispute },
        },
      },
      async (request) => queries.disputeForParty(ctx, request.params.orgId, request.params.disputeId),
    );

    app.post(
      '/api/orgs/:orgId/disputes/:disputeId/evidence',
      {
        config: { permission: perm.evidence },
        schema: {
          tags,
          summary: '补充证据 (multipart field "file"; PDF or image)',
          params: DisputeParams,
          consumes: ['multipart/form-data'],
          response: { 200: Dispute },
        },
      },
      async (request) => {
        // the file is read only once the service has checked that the organisation is a party of the case
        const read = async () => {
          if (!request.isMultipart()) throw fileErrors.raise('FILE_MISSING');
          const part = await request.file();
          if (!part) throw fileErrors.raise('FILE_MISSING');
          try {
            return { name: part.filename, bytes: await part.toBuffer() };
          } catch (error) {
            if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
              throw fileErrors.raise('FILE_TOO_LARGE', { maxMb: Math.round(ctx.config.fileMaxBytes / 1_048_576) });
            throw error;
          }
        };
        const { orgId, disputeId } = request.params;
        await service.uploadEvidence(ctx, requireActor(request), orgId, disputeId, read);
        return queries.disputeForParty(ctx, orgId, disputeId);
      },
    );

    app.post(
      '/api/orgs/:orgId/disputes/:disputeId/messages',
      {
        config: { permission: perm.message },
        schema: { tags, summary: '案件留言', params: DisputeParams, body: DisputeMessageBody, response: { 200: Ok } },
      },
      async (request) => {
        const { orgId, disputeId } = request.params;
        await service.postMessage(ctx, requireActor(request), { orgId }, disputeId, request.body.body);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/orgs/:orgId/disputes/:disputeId/withdraw',
      {
        config: { permission: perm.file },
        schema: { tags, summary: '撤回纠纷', params: DisputeParams, response: { 200: Ok } },
      },
      async (request) => {
        await decisions.withdrawDispute(ctx, request.params.orgId, request.params.disputeId);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/orgs/:orgId/disputes/:disputeId/evidence/:evidenceId',
      { config: { permission: perm.read }, schema: { tags, summary: '证据文件', params: EvidenceParams } },
      async (request, reply) => {
        const { orgId, disputeId, evidenceId } = request.params;
        return send(reply, await queries.partyEvidenceFile(ctx, orgId, disputeId, evidenceId));
      },
    );

    app.get(
      '/api/orgs/:orgId/disputes/:disputeId/decision.pdf',
      { config: { permission: perm.read }, schema: { tags, summary: '裁决书 PDF', params: DisputeParams } },
      async (request, reply) =>
        send(reply, await queries.partyDecisionPdf(ctx, request.params.orgId, request.params.disputeId)),
    );

    app.get(
      '/api/disputes/digests',
      {
        config: { permission: perm.digests },
        schema: { tags, summary: '案例公示（匿名）', response: { 200: DisputeDigestList } },
      },
      async () => ({ items: await queries.digests(ctx) }),
    );

    app.get(
      '/api/staff/disputes',
      {
        config: { permission: perm.board },
        schema: { tags, summary: '纠纷看板', response: { 200: DisputeBoard } },
      },
      async () => queries.board(ctx),
    );

    app.get(
      '/api/staff/disputes/mine',
      {
        config: { permission: perm.caseStaff },
        schema: { tags, summary: '我承办或仲裁的案件', response: { 200: DisputeList } },
      },
      async (request) => ({ items: await queries.casesOfStaff(ctx, requireActor(request)) }),
    );

    app.get(
      '/api/staff/disputes/:disputeId',
      {
        config: { permission: perm.caseStaff },
        schema: { tags, summary: '案件（仲裁室）', params: StaffDisputeParams, response: { 200: Dispute } },
      },
      async (request) => queries.disputeForStaff(ctx, requireActor(request), request.params.disputeId),
    );

    app.post(
      '/api/staff/disputes/:disputeId/messages',
      {
        config: { permission: perm.caseStaff },
        schema: {
          tags,
          summary: '案件留言（平台）',
          params: StaffDisputeParams,
          body: DisputeMessageBody,
          response: { 200: Ok },
        },
      },
      async (request) => {
        await service.postMessage(
          ctx,
          requireActor(request),
          { staff: true },
          request.params.disputeId,
          request.body.body,
        );
        return { ok: true as const };
      },
    );

    app.post(
      '/api/staff/disputes/:disputeId/mediation',
      {
        config: { permission: perm.handle },
        schema: {
          tags,
          summary: '登记调解结果',
          params: StaffDisputeParams,
          body: MediationResultBody,
          response: { 200: Dispute },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await decisions.recordMediation(ctx, actor, request.params.disputeId, request.body);
        return queries.disputeForStaff(ctx, actor, request.params.disputeId);
      },
    );

    app.post(
      '/api/staff/disputes/:disputeId/votes',
      {
        config: { permission: perm.arbitrate },
        schema: {
          tags,
          summary: '仲裁表决',
          params: StaffDisputeParams,
          body: ArbitrationVoteBody,
          response: { 200: Dispute },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await decisions.castVote(ctx, actor, request.params.disputeId, request.body);
        return queries.disputeForStaff(ctx, actor, request.params.disputeId);
      },
    );

    app.post(
      '/api/staff/disputes/:disputeId/hand-over',
      {
        config: { permission: perm.handle },
        schema: { tags, summary: '移交第三方仲裁机构', params: StaffDisputeParams, response: { 200: HandOverReceipt } },
      },
      async (request) => decisions.handOver(ctx, requireActor(request), request.params.disputeId, deps.institution),
    );

    app.post(
      '/api/staff/disputes/:disputeId/external-award',
      {
        config: { permission: perm.handle },
        schema: {
          tags,
          summary: '登记仲裁机构裁决',
          params: StaffDisputeParams,
          body: ArbitrationVoteBody,
          response: { 200: Dispute },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await decisions.recordExternalAward(ctx, actor, request.params.disputeId, request.body);
        return queries.disputeForStaff(ctx, actor, request.params.disputeId);
      },
    );

    app.get(
      '/api/staff/disputes/:disputeId/evidence/:evidenceId',
      { config: { permission: perm.caseStaff }, schema: { tags, summary: '证据文件', params: StaffEvidenceParams } },
      async (request, reply) => {
        const { disputeId, evidenceId } = request.params;
        return send(reply, await queries.staffEvidenceFile(ctx, requireActor(request), disputeId, evidenceId));
      },
    );

    app.get(
      '/api/staff/disputes/:disputeId/decision.pdf',
      { config: { permission: perm.caseStaff }, schema: { tags, summary: '裁决书 PDF', params: StaffDisputeParams } },
      async (request, reply) =>
        send(reply, await queries.staffDecisionPdf(ctx, requireActor(request), request.params.disputeId)),
    );
  };
}
