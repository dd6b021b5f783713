import {
  CompareQuery,
  Comparison,
  CreateResourceBody,
  OrgParams,
  OrgResourceParams,
  ResourceListing,
  ResourceListingList,
  ResourceParamsPath,
  UpdateResourceBody,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { regionCentroid } from '../regions';
import { resourcePermissions as perm } from './resources.policy';
import * as service from './resources.service';

const tags = ['resources'];

export function resourcesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const orgIdsOf = (request: Parameters<typeof requireActor>[0]) =>
    requireActor(request).memberships.map((m) => m.orgId);

  return async (app) => {
    app.post(
      '/api/orgs/:orgId/resources',
      {
        config: { permission: perm.create },
        schema: {
          tags,
          summary: '发布资源 list a resource',
          params: OrgParams,
          body: CreateResourceBody,
          response: { 201: ResourceListing },
        },
      },
      async (request, reply) => {
        const listing = await service.createListing(ctx, requireActor(request), request.params.orgId, request.body);
        request.auditOverride = { target: `resource ${listing.id}` };
        return reply.status(201).send(listing);
      },
    );

    app.get(
      '/api/orgs/:orgId/resources',
      {
        config: { permission: perm.listOwn },
        schema: { tags, summary: '本组织的资源', params: OrgParams, response: { 200: ResourceListingList } },
      },
      async (request) => ({ items: await service.listOrgListings(ctx, request.params.orgId) }),
    );

    app.patch(
      '/api/orgs/:orgId/resources/:listingId',
      {
        config: { permission: perm.update },
        schema: {
          tags,
          summary: '修改或下架资源',
          params: OrgResourceParams,
          body: UpdateResourceBody,
          response: { 200: ResourceListing },
        },
      },
      async (request) => service.updateListing(ctx, request.params.orgId, request.params.listingId, request.body),
    );

    app.get(
      '/api/resources/compare',
      {
        config: { permission: perm.compare, readReplica: true },
        schema: {
          tags,
          summary: '资源对比表 compare 2–6 listings',
          querystring: CompareQuery,
          response: { 200: Comparison },
        },
      },
      async (request) => {
        const { ids, lat, lng, region } = request.query;
        // Without a picked point, the site is the centre of its region.
        const site = lat !== undefined && lng !== undefined ? { lat, lng } : region ? regionCentroid(region) : null;
        return service.compare({ ...ctx, db: request.readDb }, orgIdsOf(request), ids, site, region ?? null);
      },
    );

    app.get(
      '/api/resources/:listingId',
      {
        config: { permission: perm.read, readReplica: true },
        schema: { tags, summary: '资源详情', params: ResourceParamsPath, response: { 200: ResourceListing } },
      },
      async (request) =>
        service.getListing({ ...ctx, db: request.readDb }, orgIdsOf(request), request.params.listingId),
    );
  };
}
