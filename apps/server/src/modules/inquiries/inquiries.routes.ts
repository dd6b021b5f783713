import {
  AcceptQuoteBody,
  AddFavouriteBody,
  CreateInquiryBody,
  DeclineInquiryBody,
  Favourite,
  FavouriteList,
  FavouriteParams,
  FavouriteQuery,
  Inquiry,
  InquiryContractBody,
  InquiryList,
  InquiryParams,
  OrgParams,
  QuoteBody,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { inquiryPermissions as perm } from './inquiries.policy';
import * as service from './inquiries.service';

const tags = ['inquiries'];
const base = '/api/orgs/:orgId';

export function inquiriesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `${base}/favourites`,
      {
        config: { permission: perm.favourites },
        schema: {
          tags,
          summary: '我的收藏（按类型筛选）',
          params: OrgParams,
          querystring: FavouriteQuery,
          response: { 200: FavouriteList },
        },
      },
      async (request) => service.listFavourites(ctx, requireActor(request), request.params.orgId, request.query.kind),
    );

    app.post(
      `${base}/favourites`,
      {
        config: { permission: perm.favourites },
        schema: {
          tags,
          summary: '收藏资源、商家或项目',
          params: OrgParams,
          body: AddFavouriteBody,
          response: { 201: Favourite },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await service.addFavourite(ctx, requireActor(request), request.params.orgId, request.body)),
    );

    app.delete(
      `${base}/favourites/:kind/:targetId`,
      {
        config: { permission: perm.favourites },
        schema: { tags, summary: '取消收藏', params: FavouriteParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        const { orgId, kind, targetId } = request.params;
        await service.removeFavourite(ctx, requireActor(request), orgId, kind, targetId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      `${base}/inquiries/sent`,
      {
        config: { permission: perm.read },
        schema: { tags, summary: '我发出的询价', params: OrgParams, response: { 200: InquiryList } },
      },
      async (request) => service.listSent(ctx, request.params.orgId),
    );

    app.get(
      `${base}/inquiries/received`,
      {
        config: { permission: perm.read },
        schema: { tags, summary: '收到的询价（商家）', params: OrgParams, response: { 200: InquiryList } },
      },
      async (request) => service.listReceived(ctx, request.params.orgId),
    );

    app.post(
      `${base}/inquiries`,
      {
        config: { permission: perm.buy },
        schema: {
          tags,
          summary: '发起询价（一个或多个商家）',
          params: OrgParams,
          body: CreateInquiryBody,
          response: { 201: Inquiry },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await service.createInquiry(ctx, requireActor(request), request.params.orgId, request.body)),
    );

    app.get(
      `${base}/inquiries/:inquiryId`,
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '询价详情（买方看到全部报价，商家只看到自己的报价）',
          params: InquiryParams,
          response: { 200: Inquiry },
        },
      },
      async (request) => service.getInquiry(ctx, request.params.orgId, request.params.inquiryId),
    );

    app.post(
      `${base}/inquiries/:inquiryId/quote`,
      {
        config: { permission: perm.quote },
        schema: { tags, summary: '报价', params: InquiryParams, body: QuoteBody, response: { 200: Inquiry } },
      },
      async (request) =>
        service.quote(ctx, requireActor(request), request.params.orgId, request.params.inquiryId, request.body),
    );

    app.post(
      `${base}/inquiries/:inquiryId/decline`,
      {
        config: { permission: perm.quote },
        schema: {
          tags,
          summary: '谢绝报价',
          params: InquiryParams,
          body: DeclineInquiryBody,
          response: { 200: Inquiry },
        },
      },
      async (request) => service.decline(ctx, request.params.orgId, request.params.inquiryId, request.body.reason),
    );

    app.post(
      `${base}/inquiries/:inquiryId/accept`,
      {
        config: { permission: perm.buy },
        schema: {
          tags,
          summary: '接受一份报价（其余报价落选，生成订单）',
          params: InquiryParams,
          body: AcceptQuoteBody,
          response: { 200: Inquiry },
        },
      },
      async (request) =>
        service.accept(
          ctx,
          requireActor(request),
          request.params.orgId,
          request.params.inquiryId,
          request.body.engagementId,
        ),
    );

    app.post(
      `${base}/inquiries/:inquiryId/contract`,
      {
        config: { permission: perm.buy },
        schema: {
          tags,
          summary: '由订单生成采购合同草稿',
          params: InquiryParams,
          body: InquiryContractBody,
          response: { 201: z.object({ contractId: z.uuid() }) },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await service.draftContract(
              ctx,
              requireActor(request),
              request.params.orgId,
              request.params.inquiryId,
              request.body,
            ),
          ),
    );
  };
}
