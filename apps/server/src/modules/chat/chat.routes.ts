import {
  ChatHistoryQuery,
  ChatMessage,
  ChatMessagePage,
  ChatMessageParams,
  ChatUnread,
  Conversation,
  ConversationList,
  ConversationParams,
  MarkReadBody,
  OpenConversationBody,
  OrgParams,
  PostChatMessageBody,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { fileErrors, sendStoredFile } from '../files';
import type { ChatFanout } from './chat.fanout';
import { chatPermissions as perm } from './chat.policy';
import * as service from './chat.service';
import { ChatHub } from './chat.socket';

const tags = ['chat'];
const base = '/api/orgs/:orgId/chat';

export function chatRoutes(ctx: AppContext, fanout: ChatFanout, onHub?: (hub: ChatHub) => void): FastifyPluginAsyncZod {
  return async (app) => {
    const hub = new ChatHub(ctx, fanout);
    await fanout.start();
    hub.start();
    onHub?.(hub);
    app.addHook('onClose', async () => {
      await hub.stop();
      await fanout.close();
    });
    const actorOf = (request: { actor: unknown; params: { orgId: string } } & Parameters<typeof requireActor>[0]) => ({
      userId: requireActor(request).userId,
      orgId: request.params.orgId,
    });

    app.get(
      '/api/chat/ws',
      {
        websocket: true,
        config: { permission: perm.socket },
        schema: {
          tags,
          summary: '实时消息 WebSocket（会话 cookie 认证；帧格式见 ChatClientFrame / ChatServerFrame）',
          hide: true,
        },
      },
      (socket, request) => hub.attach(socket, request),
    );

    app.get(
      `${base}/conversations`,
      {
        config: { permission: perm.read },
        schema: { tags, summary: '本组织的会话（含未读数）', params: OrgParams, response: { 200: ConversationList } },
      },
      async (request) => service.listConversations(ctx, actorOf(request)),
    );

    app.get(
      `${base}/unread`,
      {
        config: { permission: perm.read },
        schema: { tags, summary: '未读消息总数', params: OrgParams, response: { 200: ChatUnread } },
      },
      async (request) => service.unreadTotal(ctx, actorOf(request)),
    );

    app.post(
      `${base}/conversations`,
      {
        config: { permission: perm.open },
        schema: {
          tags,
          summary: '发起会话（挂牌、需求、招标公开答疑、合同、争议或组织间直接会话；已存在则返回原会话）',
          params: OrgParams,
          body: OpenConversationBody,
          response: { 200: Conversation },
        },
      },
      async (request) => service.openConversation(ctx, actorOf(request), request.body),
    );

    app.get(
      `${base}/conversations/:conversationId`,
      {
        config: { permission: perm.read },
        schema: { tags, summary: '会话详情', params: ConversationParams, response: { 200: Conversation } },
      },
      async (request) => service.getConversation(ctx, actorOf(request), request.params.conversationId),
    );

    app.get(
      `${base}/conversations/:conversationId/messages`,
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '历史消息（分页，可按文字搜索）',
          params: ConversationParams,
          querystring: ChatHistoryQuery,
          response: { 200: ChatMessagePage },
        },
      },
      async (request) => service.history(ctx, actorOf(request), request.params.conversationId, request.query),
    );

    app.post(
      `${base}/conversations/:conversationId/messages`,
      {
        config: { permission: perm.post },
        schema: {
          tags,
          summary: `发送文字消息（最多 4000 字）`,
          params: ConversationParams,
          body: PostChatMessageBody,
          response: { 201: ChatMessage },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await service.postMessage(ctx, fanout, actorOf(request), request.params.conversationId, request.body)),
    );

    app.post(
      `${base}/conversations/:conversationId/files`,
      {
        config: { permission: perm.post },
        schema: {
          tags,
          summary: '发送文件或图片（multipart 字段 "file"，可带文字字段 "body"）',
          params: ConversationParams,
          consumes: ['multipart/form-data'],
          response: { 201: ChatMessage },
        },
      },
      async (request, reply) => {
        let body = '';
        // the file is read only once the service has checked that the organisation takes part
        const file = async () => {
          const part = await request.file();
          if (!part) throw fileErrors.raise('FILE_MISSING');
          const text = part.fields.body;
          if (text && !Array.isArray(text) && text.type === 'field') body = String(text.value);
          try {
            return { name: part.filename, bytes: await part.toBuffer() };
          } catch (error) {
            if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
              throw fileErrors.raise('FILE_TOO_LARGE', { maxMb: Math.round(ctx.config.fileMaxBytes / 1_048_576) });
            throw error;
          }
        };
        const message = await service.postMessage(ctx, fanout, actorOf(request), request.params.conversationId, {
          get body() {
            return body;
          },
          file,
        });
        return reply.code(201).send(message);
      },
    );

    app.get(
      `${base}/conversations/:conversationId/messages/:messageId/file`,
      { config: { permission: perm.read }, schema: { tags, summary: '下载消息附件', params: ChatMessageParams } },
      async (request, reply) =>
        sendStoredFile(
          ctx,
          reply,
          await service.attachment(ctx, actorOf(request), request.params.conversationId, request.params.messageId),
        ),
    );

    app.post(
      `${base}/conversations/:conversationId/read`,
      {
        config: { permission: perm.markRead },
        schema: {
          tags,
          summary: '标记已读到某条消息',
          params: ConversationParams,
          body: MarkReadBody,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await service.markRead(ctx, fanout, actorOf(request), request.params.conversationId, request.body.seq);
        return reply.code(204).send(null);
      },
    );
  };
}
