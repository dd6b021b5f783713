import { OrgParams, OrgTier, TierOverview, TierRunResult, type UserTier } from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../infra/context';
import { tierPermissions as perm } from './tiers.policy';
import type { TierDataSource } from './tiers.rules';
import type { TierHistoryRow } from './tiers.service';
import * as service from './tiers.service';

const tags = ['tiers'];

function presentChange(h: TierHistoryRow) {
  return {
    quarter: h.quarter,
    fromTier: h.fromTier as UserTier,
    toTier: h.toTier as UserTier,
    reasons: h.reasons,
    computedAt: h.computedAt.toISOString(),
  };
}

export function tierRoutes(ctx: AppContext, data: TierDataSource): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/tier',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '用户等级与历史', params: OrgParams, response: { 200: OrgTier } },
      },
      async (request) => {
        const t = await service.tierOf(ctx, data, request.params.orgId);
        return {
          tier: t.tier,
          since: t.since.toISOString(),
          history: t.history.map(presentChange),
          pendingData: t.pendingData,
        };
      },
    );

    app.get(
      '/api/staff/tiers',
      {
        config: { permission: perm.overview },
        schema: { tags, summary: '用户分级概览', response: { 200: TierOverview } },
      },
      async () => {
        const o = await service.overview(ctx);
        return {
          counts: o.counts,
          recent: o.recent.map((h) => ({ ...presentChange(h), orgId: h.orgId, orgName: o.names.get(h.orgId) ?? '—' })),
        };
      },
    );

    app.post(
      '/api/staff/tiers/evaluate',
      {
        config: { permission: perm.run },
        schema: { tags, summary: '立即执行季度分级（平时每季度初自动执行）', response: { 200: TierRunResult } },
      },
      async () => service.evaluateQuarter(ctx, data),
    );
  };
}
