import {
  AttributionQuery,
  AttributionResult,
  ChannelCost,
  ChannelCostBody,
  ChannelCostList,
  ChannelEconomicsList,
  ChannelEconomicsQuery,
  CohortLtv,
  CohortLtvQuery,
  CohortQuery,
  CohortResult,
  CollectBatchBody,
  CollectBatchResult,
  FunnelQuery,
  FunnelResult,
  GrowthRangeQuery,
  KpiBoard,
  KpiEvaluateBody,
  KpiTaskParams,
  KpiTaskPatch,
  LifecycleFlows,
  LifecycleFlowsQuery,
  LifecycleParams,
  LifecycleSummary,
  MarketInsights,
  MarketQuery,
  MerchantAlert,
  MerchantAlertAck,
  MerchantAlertCheckBody,
  MerchantAlertCheckResult,
  MerchantAlertList,
  MerchantAlertListQuery,
  MerchantAlertParams,
  MerchantAlertPatch,
  MerchantStats,
  OrgLifecycle,
  OrgMerchantAlertParams,
  OrgParams,
  ProductEventList,
  ProductEventQuery,
  RfmQuery,
  RfmResult,
  SavedAnalysis,
  SavedAnalysisBody,
  SavedAnalysisList,
  SavedAnalysisListQuery,
  SavedAnalysisParams,
  SavedAnalysisPatch,
  WeeklyReportQuery,
} from '@zhuhe/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { sendDownload } from '../../infra/http/download';
import { checkMerchantAlerts, listMerchantAlerts, updateMerchantAlert } from './analytics.alerts';
import {
  computeAttribution,
  computeChannelEconomics,
  computeCohorts,
  computeFunnel,
  computeRfm,
  lifecycleSummary,
  orgLifecycle,
} from './analytics.analyses';
import { collect } from './analytics.collection';
import { channelsCsv, cohortsCsv, funnelCsv, rfmCsv } from './analytics.csv';
import type { AnalyticsDeps } from './analytics.deps';
import { lifecycleFlows } from './analytics.flows';
import { evaluateKpis, kpiBoard, updateKpiTask } from './analytics.kpis';
import { cohortLtv } from './analytics.ltv';
import { marketInsights } from './analytics.market';
import { merchantStats } from './analytics.merchant';
import { analyticsPermissions as perm } from './analytics.policy';
import { deleteSavedAnalysis, listSavedAnalyses, saveAnalysis, updateSavedAnalysis } from './analytics.saved';
import { addChannelCost, listChannelCosts, listProductEvents } from './analytics.service';
import { weeklyReportPdf } from './analytics.weekly';

const tags = ['growth'];
const base = '/api/staff/growth';

/**
 * The boards and analyses below only read, so they may read the replica (`readReplica`, ADR 0119); collection,
 * channel costs and KPI tasks write on the primary.
 */
export function analyticsRoutes(ctx: AppContext, deps: AnalyticsDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/staff/product-events',
      {
        config: { permission: perm.listEvents, readReplica: true },
        schema: {
          tags: ['staff'],
          summary: '产品事件 product events',
          querystring: ProductEventQuery,
          response: { 200: ProductEventList },
        },
      },
      async (request) => {
        const rows = await listProductEvents({ ...ctx, db: request.readDb }, request.query);
        return {
          items: rows.map((r) => ({
            id: r.id,
            name: r.name,
            userId: r.userId,
            orgId: r.orgId,
            properties: r.properties,
            occurredAt: r.occurredAt.toISOString(),
          })),
        };
      },
    );

    app.post(
      '/api/analytics/batch',
      {
        config: { permission: perm.collect },
        bodyLimit: 256 * 1024,
        schema: {
          tags,
          summary: '网页事件批量上报（需用户同意）',
          body: CollectBatchBody,
          response: { 202: CollectBatchResult },
        },
      },
      async (request, reply) =>
        reply.code(202).send(await collect(ctx, request.actor, request.body, request.headers['user-agent'])),
    );

    app.get(
      `${base}/funnel`,
      {
        config: { permission: perm.analyse, readReplica: true },
        schema: { tags, summary: '漏斗（转化窗口、细分）', querystring: FunnelQuery, response: { 200: FunnelResult } },
      },
      async (request) => computeFunnel({ ...ctx, db: request.readDb }, request.query),
    );

    app.get(
      `${base}/cohorts`,
      {
        config: { permission: perm.analyse, readReplica: true },
        schema: { tags, summary: '同期群留存', querystring: CohortQuery, response: { 200: CohortResult } },
      },
      async (request) => computeCohorts({ ...ctx, db: request.readDb }, request.query),
    );

    app.get(
      `${base}/rfm`,
      {
        config: { permission: perm.analyse, readReplica: true },
        schema: { tags, summary: 'RFM 用户分层（按组织）', querystring: RfmQuery, response: { 200: RfmResult } },
      },
      async (request) => computeRfm({ ...ctx, db: request.readDb }, request.query.asOf),
    );

    // the same analyses as CSV (导出): the query of the page, the figures it shows
    const csv = (reply: FastifyReply, name: string, bytes: string) =>
      sendDownload(reply, { name, mime: 'text/csv; charset=utf-8', bytes });
    const csvRoute = { permission: perm.analyse, readReplica: true } as const;
    app.get(
      `${base}/funnel.csv`,
      { config: csvRoute, schema: { tags, summary: '漏斗 CSV', querystring: FunnelQuery } },
      async (request, reply) =>
        csv(reply, 'funnel.csv', await funnelCsv({ ...ctx, db: request.readDb }, request.query)),
    );
    app.get(
      `${base}/cohorts.csv`,
      { config: csvRoute, schema: { tags, summary: '同期群留存 CSV', querystring: CohortQuery } },
      async (request, reply) =>
        csv(reply, 'cohorts.csv', await cohortsCsv({ ...ctx, db: request.readDb }, request.query)),
    );
    app.get(
      `${base}/rfm.csv`,
      { config: csvRoute, schema: { tags, summary: 'RFM 分层 CSV（按组织）', querystring: RfmQuery } },
      async (request, reply) =>
        csv(reply, 'rfm.csv', await rfmCsv({ ...ctx, db: request.readDb }, deps, request.query.asOf)),
    );
    app.get(
      `${base}/channels.csv`,
      { config: csvRoute, schema: { tags, summary: '渠道经济 CSV', querystring: ChannelEconomicsQuery } },
      async (request, reply) =>
        csv(reply, 'channels.csv', await channelsCsv({ ...ctx, db: request.readDb }, request.query)),
    );

    app.get(
      `${base}/attribution`,
      {
        config: { permission: perm.analyse, readReplica: true },
        schema: { tags, summary: '渠道归因', querystring: AttributionQuery, response: { 200: AttributionResult } },
      },
      async (request) => computeAttribution({ ...ctx, db: request.readDb }, request.query),
    );

    app.get(
      `${base}/channels`,
      {
        config: { permission: perm.analyse, readReplica: true },
        schema: {
          tags,
          summary: '渠道获客成本、ROI、LTV/CAC',
          querystring: ChannelEconomicsQuery,
          response: { 200: ChannelEconomicsList },
        },
      },
      async (request) => computeChannelEconomics({ ...ctx, db: request.readDb }, request.query),
    );

    app.get(
      `${base}/channel-costs`,
      {
        config: { permission: perm.analyse, readReplica: true },
        schema: { tags, summary: '渠道成本', querystring: GrowthRangeQuery, response: { 200: ChannelCostList } },
      },
      async (request) => listChannelCosts({ ...ctx, db: request.readDb }, request.query),
    );

    app.post(
      `${base}/channel-costs`,
      {
        config: { permission: perm.manage },
        schema: { tags, summary: '录入渠道成本', body: ChannelCostBody, response: { 201: ChannelCost } },
      },
      async (request, reply) =>
        reply.code(201).send(await addChannelCost(ctx, requireActor(request).userId, request.body)),
    );

    app.get(
      `${base}/lifecycle`,
      {
        config: { permission: perm.analyse, readReplica: true },
        schema: { tags, summary: '生命周期阶段分布', response: { 200: LifecycleSummary } },
      },
      async (request) => lifecycleSummary({ ...ctx, db: request.readDb }),
    );

    app.get(
      `${base}/lifecycle/orgs/:subjectOrgId`,
      {
        config: { permission: perm.analyse, readReplica: true },
        schema: { tags, summary: '组织的生命周期阶段与历史', params: LifecycleParams, response: { 200: OrgLifecycle } },
      },
      async (request) => orgLifecycle({ ...ctx, db: request.readDb }, request.params.subjectOrgId),
    );

    app.get(
      `${base}/kpis`,
      {
        config: { permission: perm.analyse, readReplica: true },
        schema: { tags, summary: 'KPI 看板', response: { 200: KpiBoard } },
      },
      async (request) => kpiBoard({ ...ctx, db: request.readDb }),
    );

    app.get(
      `${base}/weekly-report.pdf`,
      {
        config: { permission: perm.analyse, readReplica: true },
        schema: { tags, summary: '数据驱动周报（PDF）', querystring: WeeklyReportQuery },
      },
      async (request, reply) => {
        const file = await weeklyReportPdf({ ...ctx, db: request.readDb }, request.query.asOf);
        return sendDownload(reply, { ...file, mime: 'application/pdf' });
      },
    );

    app.post(
      `${base}/kpis/evaluate`,
      {
        config: { permission: perm.manage },
        schema: { tags, summary: '评估 KPI 并为预警开改进任务', body: KpiEvaluateBody, response: { 200: KpiBoard } },
      },
      async (request) => evaluateKpis(ctx, { userId: requireActor(request).userId, name: null }, request.body.asOf),
    );

    app.patch(
      `${base}/kpi-tasks/:taskId`,
      {
        config: { permission: perm.manage },
        schema: {
          tags,
          summary: '更新改进任务',
          params: KpiTaskParams,
          body: KpiTaskPatch,
          response: { 200: KpiBoard },
        },
      },
      async (request) => updateKpiTask(ctx, request.params.taskId, request.body),
    );

    app.get(
      '/api/orgs/:orgId/merchant-stats',
      {
        config: { permission: perm.merchantStats, readReplica: true },
        schema: {
          tags,
          summary: '商家数据（仅本组织）',
          params: OrgParams,
          querystring: GrowthRangeQuery,
          response: { 200: MerchantStats },
        },
      },
      async (request) => merchantStats({ ...ctx, db: request.readDb }, request.params.orgId, request.query),
    );
    app.get(
      `${base}/cohorts/ltv`,
      {
        config: { permission: perm.analyse, readReplica: true },
        schema: {
          tags,
          summary: '同期群 LTV（按组织估算收入）',
          querystring: CohortLtvQuery,
          response: { 200: CohortLtv },
        },
      },
      async (request) => cohortLtv({ ...ctx, db: request.readDb }, request.query),
    );

    app.get(
      `${base}/lifecycle/flows`,
      {
        config: { permission: perm.analyse, readReplica: true },
        schema: {
          tags,
          summary: '生命周期阶段流转',
          querystring: LifecycleFlowsQuery,
          response: { 200: LifecycleFlows },
        },
      },
      async (request) => lifecycleFlows({ ...ctx, db: request.readDb }, request.query),
    );

    // 已保存的分析: the reader's own and those shared with the growth team
    app.get(
      `${base}/saved-analyses`,
      {
        config: { permission: perm.saved },
        schema: {
          tags,
          summary: '已保存的分析',
          querystring: SavedAnalysisListQuery,
          response: { 200: SavedAnalysisList },
        },
      },
      async (request) => listSavedAnalyses(ctx, requireActor(request).userId, request.query.kind),
    );
    app.post(
      `${base}/saved-analyses`,
      {
        config: { permission: perm.saved },
        schema: { tags, summary: '保存分析', body: SavedAnalysisBody, response: { 201: SavedAnalysis } },
      },
      async (request, reply) =>
        reply.code(201).send(await saveAnalysis(ctx, requireActor(request).userId, request.body)),
    );
    app.patch(
      `${base}/saved-analyses/:analysisId`,
      {
        config: { permission: perm.saved },
        schema: {
          tags,
          summary: '重命名或共享已保存的分析（仅本人）',
          params: SavedAnalysisParams,
          body: SavedAnalysisPatch,
          response: { 200: SavedAnalysis },
        },
      },
      async (request) =>
        updateSavedAnalysis(ctx, requireActor(request).userId, request.params.analysisId, request.body),
    );
    app.delete(
      `${base}/saved-analyses/:analysisId`,
      {
        config: { permission: perm.saved },
        schema: {
          tags,
          summary: '删除已保存的分析（仅本人）',
          params: SavedAnalysisParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await deleteSavedAnalysis(ctx, requireActor(request).userId, request.params.analysisId);
        return reply.code(204).send(null);
      },
    );

    // 商家预警: the growth team sees and settles all; a merchant sees and acknowledges its own
    app.get(
      `${base}/merchant-alerts`,
      {
        config: { permission: perm.analyse, readReplica: true },
        schema: {
          tags,
          summary: '商家预警',
          querystring: MerchantAlertListQuery,
          response: { 200: MerchantAlertList },
        },
      },
      async (request) => listMerchantAlerts({ db: request.readDb }, deps, { status: request.query.status }),
    );
    app.patch(
      `${base}/merchant-alerts/:alertId`,
      {
        config: { permission: perm.manage },
        schema: {
          tags,
          summary: '确认或解决商家预警',
          params: MerchantAlertParams,
          body: MerchantAlertPatch,
          response: { 200: MerchantAlert },
        },
      },
      async (request) =>
        updateMerchantAlert(ctx, deps, request.params.alertId, request.body.status, {
          userId: requireActor(request).userId,
        }),
    );
    app.post(
      `${base}/merchant-alerts/check`,
      {
        config: { permission: perm.manage },
        schema: {
          tags,
          summary: '立即检查商家预警（每日任务同一规则）',
          body: MerchantAlertCheckBody,
          response: { 200: MerchantAlertCheckResult },
        },
      },
      async (request) =>
        checkMerchantAlerts(
          ctx,
          deps,
          request.body.asOf ? new Date(`${request.body.asOf}T23:59:59+08:00`) : ctx.clock.now(),
        ),
    );
    app.get(
      '/api/orgs/:orgId/merchant-alerts',
      {
        config: { permission: perm.merchantStats, readReplica: true },
        schema: { tags, summary: '本组织的商家预警', params: OrgParams, response: { 200: MerchantAlertList } },
      },
      async (request) => listMerchantAlerts({ db: request.readDb }, deps, { orgId: request.params.orgId }),
    );
    app.patch(
      '/api/orgs/:orgId/merchant-alerts/:alertId',
      {
        config: { permission: perm.merchantAlertAck },
        schema: {
          tags,
          summary: '确认本组织的商家预警',
          params: OrgMerchantAlertParams,
          body: MerchantAlertAck,
          response: { 200: MerchantAlert },
        },
      },
      async (request) =>
        updateMerchantAlert(ctx, deps, request.params.alertId, request.body.status, {
          userId: requireActor(request).userId,
          orgId: request.params.orgId,
        }),
    );

    // 需求热度与搜索词: all rows for the growth team, groups of enough firms for a merchant
    app.get(
      `${base}/market`,
      {
        config: { permission: perm.analyse, readReplica: true },
        schema: { tags, summary: '需求热度与搜索词排行', querystring: MarketQuery, response: { 200: MarketInsights } },
      },
      async (request) => marketInsights(deps, request.query, false),
    );
    app.get(
      '/api/orgs/:orgId/market',
      {
        config: { permission: perm.merchantStats, readReplica: true },
        schema: {
          tags,
          summary: '需求热度与搜索词排行（商家可见的汇总）',
          params: OrgParams,
          querystring: MarketQuery,
          response: { 200: MarketInsights },
        },
      },
      async (request) => marketInsights(deps, request.query, true),
    );
  };
}
