import {
  KeywordRanking,
  KeywordRankingQuery,
  MapConfig,
  MapPointList,
  OrgParams,
  SearchQuery,
  SearchResult,
} from '@zhuhe/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { searchPermissions as perm } from './search.policy';
import { noRankingBoost, type RankingBoostProvider } from './search.ranking-boost';
import * as service from './search.service';

const tags = ['search'];

function viewerOf(request: FastifyRequest): service.Viewer {
  const actor = requireActor(request);
  return { userId: actor.userId, orgIds: actor.memberships.map((m) => m.orgId), activeOrgId: actor.activeOrgId };
}

export interface SearchRoutesOptions {
  /** where the merchant ranking boost comes in (issue 3's policy engine); none by default */
  rankingBoost?: RankingBoostProvider;
}

export function searchRoutes(ctx: AppContext, options: SearchRoutesOptions = {}): FastifyPluginAsyncZod {
  const boost = options.rankingBoost ?? noRankingBoost;
  return async (app) => {
    app.get(
      '/api/search',
      {
        // the keyword of the search is still recorded on the primary (search.service.ts)
        config: { permission: perm.search, readReplica: true },
        schema: {
          tags,
          summary: '搜索项目、资源、需求 search the libraries',
          querystring: SearchQuery,
          response: { 200: SearchResult },
        },
      },
      async (request) => service.search(ctx, viewerOf(request), request.query, boost, request.readDb),
    );

    app.get(
      '/api/search/map',
      {
        config: { permission: perm.map, readReplica: true },
        schema: { tags, summary: '地图点位 map points', querystring: SearchQuery, response: { 200: MapPointList } },
      },
      async (request) => service.mapPoints({ ...ctx, db: request.readDb }, viewerOf(request), request.query),
    );

    app.get(
      '/api/search/map-config',
      {
        config: { permission: perm.map },
        schema: { tags, summary: '地图底图配置 map tile source', response: { 200: MapConfig } },
      },
      async () => ({ tiles: ctx.config.mapTiles }),
    );

    app.get(
      '/api/orgs/:orgId/search-keywords',
      {
        config: { permission: perm.keywordRanking, readReplica: true },
        schema: {
          tags,
          summary: '搜索词排行 keyword ranking',
          params: OrgParams,
          querystring: KeywordRankingQuery,
          response: { 200: KeywordRanking },
        },
      },
      async (request) => service.keywordRanking({ ...ctx, db: request.readDb }, request.query),
    );
  };
}
