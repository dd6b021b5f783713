import {
  CannedAnswerList,
  CreateCannedAnswerBody,
  EscalateTicketBody,
  OpenTicketBody,
  OrgParams,
  RateTicketBody,
  ResolveTicketBody,
  StaffTicketParams,
  StaffTicketReplyBody,
  Ticket,
  TicketBoard,
  TicketBoardQuery,
  TicketList,
  TicketParams,
  TicketQueueQuery,
  TicketReplyBody,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { sendStoredFile } from '../files';
import { ticketPermissions as perm } from './tickets.policy';
import * as queries from './tickets.queries';
import * as service from './tickets.service';

const tags = ['tickets'];
const AttachmentParams = StaffTicketParams.extend({ attachmentId: z.uuid() });
/** the web page says so; anything else calling the route is the API channel */
const ChannelQuery = z.object({ channel: z.enum(['web', 'api']).default('api') });

export function ticketsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/tickets',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '我的工单', params: OrgParams, response: { 200: TicketList } },
      },
      async (request) => queries.listForOrg(ctx, request.params.orgId),
    );

    app.post(
      '/api/orgs/:orgId/tickets',
      {
        config: { permission: perm.open },
        schema: {
          tags,
          summary: '提交工单（网页或 API；附件先经 /api/orgs/:orgId/files 上传）',
          params: OrgParams,
          querystring: ChannelQuery,
          body: OpenTicketBody,
          response: { 201: Ticket },
        },
      },
      async (request, reply) => {
        const { orgId } = request.params;
        const id = await service.openForMember(ctx, requireActor(request), orgId, request.body, request.query.channel);
        return reply.code(201).send(await queries.ticketForOrg(ctx, orgId, id));
      },
    );

    app.get(
      '/api/orgs/:orgId/tickets/:ticketId',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '工单详情与对话', params: TicketParams, response: { 200: Ticket } },
      },
      async (request) => queries.ticketForOrg(ctx, request.params.orgId, request.params.ticketId),
    );

    app.post(
      '/api/orgs/:orgId/tickets/:ticketId/messages',
      {
        config: { permission: perm.reply },
        schema: { tags, summary: '补充说明', params: TicketParams, body: TicketReplyBody, response: { 200: Ticket } },
      },
      async (request) => {
        const { orgId, ticketId } = request.params;
        await service.requesterReply(ctx, requireActor(request), orgId, ticketId, request.body.body);
        return queries.ticketForOrg(ctx, orgId, ticketId);
      },
    );

    app.post(
      '/api/orgs/:orgId/tickets/:ticketId/rating',
      {
        config: { permission: perm.reply },
        schema: {
          tags,
          summary: '评价解决结果（1–5 星）',
          params: TicketParams,
          body: RateTicketBody,
          response: { 200: Ticket },
        },
      },
      async (request) => {
        const { orgId, ticketId } = request.params;
        await service.rate(ctx, orgId, ticketId, request.body);
        return queries.ticketForOrg(ctx, orgId, ticketId);
      },
    );

    app.post(
      '/api/orgs/:orgId/tickets/:ticketId/reopen',
      {
        config: { permission: perm.reply },
        schema: {
          tags,
          summary: '重新打开（解决后 7 天内）',
          params: TicketParams,
          body: TicketReplyBody,
          response: { 200: Ticket },
        },
      },
      async (request) => {
        const { orgId, ticketId } = request.params;
        await service.reopen(ctx, requireActor(request), orgId, ticketId, request.body.body);
        return queries.ticketForOrg(ctx, orgId, ticketId);
      },
    );

    app.get(
      '/api/staff/tickets',
      {
        config: { permission: perm.desk },
        schema: {
          tags,
          summary: '工单队列（按支持线、状态）',
          querystring: TicketQueueQuery,
          response: { 200: TicketList },
        },
      },
      async (request) => queries.queueForStaff(ctx, request.query),
    );

    app.get(
      '/api/staff/tickets/board',
      {
        config: { permission: perm.desk },
        schema: {
          tags,
          summary: '工单看板（当月解决率、响应与解决时长中位数）',
          querystring: TicketBoardQuery,
          response: { 200: TicketBoard },
        },
      },
      async (request) => queries.board(ctx, request.query.month),
    );

    app.get(
      '/api/staff/tickets/canned-answers',
      {
        config: { permission: perm.desk },
        schema: { tags, summary: '快捷回复', response: { 200: CannedAnswerList } },
      },
      async () => queries.cannedAnswers(ctx),
    );

    app.post(
      '/api/staff/tickets/canned-answers',
      {
        config: { permission: perm.canned },
        schema: { tags, summary: '新增快捷回复', body: CreateCannedAnswerBody, response: { 201: CannedAnswerList } },
      },
      async (request, reply) => {
        await service.createCannedAnswer(ctx, requireActor(request), request.body);
        return reply.code(201).send(await queries.cannedAnswers(ctx));
      },
    );

    app.get(
      '/api/staff/tickets/:ticketId',
      {
        config: { permission: perm.desk },
        schema: { tags, summary: '工单详情（含内部备注）', params: StaffTicketParams, response: { 200: Ticket } },
      },
      async (request) => queries.ticketForStaff(ctx, request.params.ticketId),
    );

    app.get(
      '/api/staff/tickets/:ticketId/attachments/:attachmentId',
      { config: { permission: perm.desk }, schema: { tags, summary: '工单附件', params: AttachmentParams } },
      async (request, reply) =>
        sendStoredFile(
          ctx,
          reply,
          await queries.staffAttachment(ctx, request.params.ticketId, request.params.attachmentId),
        ),
    );

    app.post(
      '/api/staff/tickets/:ticketId/messages',
      {
        config: { permission: perm.handle },
        schema: {
          tags,
          summary: '回复或内部备注',
          params: StaffTicketParams,
          body: StaffTicketReplyBody,
          response: { 200: Ticket },
        },
      },
      async (request) => {
        await service.agentReply(ctx, requireActor(request), request.params.ticketId, request.body);
        return queries.ticketForStaff(ctx, request.params.ticketId);
      },
    );

    app.post(
      '/api/staff/tickets/:ticketId/escalate',
      {
        config: { permission: perm.handle },
        schema: {
          tags,
          summary: '升级至下一支持线',
          params: StaffTicketParams,
          body: EscalateTicketBody,
          response: { 200: Ticket },
        },
      },
      async (request) => {
        await service.escalate(ctx, requireActor(request), request.params.ticketId, request.body.reason);
        return queries.ticketForStaff(ctx, request.params.ticketId);
      },
    );

    app.post(
      '/api/staff/tickets/:ticketId/resolve',
      {
        config: { permission: perm.handle },
        schema: {
          tags,
          summary: '解决工单',
          params: StaffTicketParams,
          body: ResolveTicketBody,
          response: { 200: Ticket },
        },
      },
      async (request) => {
        await service.resolve(ctx, requireActor(request), request.params.ticketId, request.body.resolution);
        return queries.ticketForStaff(ctx, request.params.ticketId);
      },
    );
  };
}
