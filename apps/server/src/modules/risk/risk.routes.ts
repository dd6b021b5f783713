import {
  OrgParams,
  OrgRiskWarningParams,
  OrgTenderRiskParams,
  RiskBoardView,
  RiskScanResult,
  RiskTransitionBody,
  RiskWarningList,
  RiskWarningQuery,
  RiskWarningView,
  StaffRiskWarningParams,
  StaffTenderRiskParams,
  TenderRiskView,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { riskPermissions as perm } from './risk.policy';
import { presentTender, presentWarning } from './risk.presenter';
import * as service from './risk.service';

const tags = ['risk'];

export function riskRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/risk/warnings',
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '本组织的风险预警',
          params: OrgParams,
          querystring: RiskWarningQuery,
          response: { 200: RiskWarningList },
        },
      },
      async (request) => ({
        items: (await service.warningsOfOrg(ctx, request.params.orgId, request.query)).map(presentWarning),
      }),
    );

    app.post(
      '/api/orgs/:orgId/risk/warnings/:warningId/transitions',
      {
        config: { permission: perm.act },
        schema: {
          tags,
          summary: '确认 / 解除 / 标记误报',
          params: OrgRiskWarningParams,
          body: RiskTransitionBody,
          response: { 200: RiskWarningView },
        },
      },
      async (request) => {
        const { orgId, warningId } = request.params;
        await service.warningForParty(ctx, orgId, warningId);
        await service.transitionWarning(ctx, requireActor(request), { kind: 'party', orgId }, warningId, request.body);
        return presentWarning(await service.warningForParty(ctx, orgId, warningId));
      },
    );

    app.get(
      '/api/orgs/:orgId/tenders/:tenderId/risk-flags',
      {
        config: { permission: perm.read },
        schema: { tags, summary: '招标红旗（招标人）', params: OrgTenderRiskParams, response: { 200: TenderRiskView } },
      },
      async (request) =>
        presentTender(await service.tenderFlagsFor(ctx, request.params.orgId, request.params.tenderId)),
    );

    app.get(
      '/api/staff/risk/board',
      {
        config: { permission: perm.staffRead },
        schema: { tags, summary: '风控看板', querystring: RiskWarningQuery, response: { 200: RiskBoardView } },
      },
      async (request) => {
        const board = await service.riskBoard(ctx, request.query);
        return {
          counts: board.counts as RiskBoardView['counts'],
          flagCounts: board.flagCounts as RiskBoardView['flagCounts'],
          warnings: board.warnings.map(presentWarning),
          tenders: board.tenders.map(presentTender),
        };
      },
    );

    app.post(
      '/api/staff/risk/warnings/:warningId/transitions',
      {
        config: { permission: perm.staffAct },
        schema: {
          tags,
          summary: '风控处置预警',
          params: StaffRiskWarningParams,
          body: RiskTransitionBody,
          response: { 200: RiskWarningView },
        },
      },
      async (request) => {
        const saved = await service.transitionWarning(
          ctx,
          requireActor(request),
          { kind: 'staff' },
          request.params.warningId,
          request.body,
        );
        return presentWarning((await service.withDetails(ctx, [saved]))[0] as service.WarningDetails);
      },
    );

    app.get(
      '/api/staff/risk/tender-flags/:flaggedTenderId',
      {
        config: { permission: perm.staffRead },
        schema: { tags, summary: '招标红旗（风控）', params: StaffTenderRiskParams, response: { 200: TenderRiskView } },
      },
      async (request) => presentTender(await service.tenderFlagsFor(ctx, null, request.params.flaggedTenderId)),
    );

    app.post(
      '/api/staff/risk/scan',
      {
        config: { permission: perm.scan },
        schema: { tags, summary: '立即风险扫描', response: { 200: RiskScanResult } },
      },
      async () => service.runRiskScan(ctx),
    );
  };
}
