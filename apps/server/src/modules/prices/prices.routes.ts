import {
  PriceImportBody,
  PriceImportReport,
  PriceIndexList,
  PriceIndexQuery,
  PriceSeriesDetail,
  PriceSeriesDetailQuery,
  PriceSeriesList,
  PriceSeriesParams,
  PriceSeriesQuery,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { cityOf, listIndices, NATIONAL, provinceOf } from './prices.indices';
import { pricePermissions as perm } from './prices.policy';
import { presentIndex, presentSeries } from './prices.presenter';
import * as service from './prices.service';

const tags = ['prices'];

export function pricesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/prices/series',
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '价格序列与 6 个月预测',
          querystring: PriceSeriesQuery,
          response: { 200: PriceSeriesList },
        },
      },
      async (request) => ({
        items: (await service.listSeries(ctx, request.query.material)).map(presentSeries),
      }),
    );

    app.get(
      '/api/prices/series/:seriesId',
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '一个价格序列：历史、预测区间与回测精度',
          params: PriceSeriesParams,
          querystring: PriceSeriesDetailQuery,
          response: { 200: PriceSeriesDetail },
        },
      },
      async (request) => {
        const detail = await service.seriesDetail(ctx, request.params.seriesId, request.query.months);
        const [summary] = (await service.listSeries(ctx, detail.series.material ?? undefined)).filter(
          (s) => s.series.id === detail.series.id,
        );
        return {
          series: presentSeries(
            summary ?? {
              series: detail.series,
              lastMonth: null,
              lastValue: null,
              forecast: detail.forecast,
              change6m: null,
            },
          ),
          points: detail.points,
        };
      },
    );

    app.get(
      '/api/prices/indices',
      {
        config: { permission: perm.read },
        schema: {
          tags,
          summary: '综合单价指数：城市（或省）× 工程类别，含篮子、基期与预测',
          querystring: PriceIndexQuery,
          response: { 200: PriceIndexList },
        },
      },
      async (request) => {
        const { regionCode, type } = request.query;
        // a region asks for its city, its province and the national index, so a thin city still shows something
        const scopes = regionCode ? [...new Set([cityOf(regionCode), provinceOf(regionCode), NATIONAL])] : undefined;
        return {
          items: (await listIndices(ctx, { ...(scopes ? { scopes } : {}), ...(type ? { type } : {}) })).map(
            presentIndex,
          ),
        };
      },
    );

    app.post(
      '/api/staff/prices/imports',
      {
        config: { permission: perm.import },
        schema: {
          tags,
          summary: '导入信息价或价格指数 CSV（坏行逐行说明，其余一次写入）',
          body: PriceImportBody,
          response: { 200: PriceImportReport },
        },
      },
      async (request) =>
        service.importPrices(ctx, {
          fileName: request.body.fileName,
          csv: request.body.csv,
          source: 'import',
          importedBy: requireActor(request).userId,
        }),
    );
  };
}
