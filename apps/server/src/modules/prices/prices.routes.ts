import {
  PriceImportBody,
  PriceImportReport,
  PriceSeriesDetail,
  PriceSeriesDetailQuery,
  PriceSeriesList,
  PriceSeriesParams,
  PriceSeriesQuery,
} from '@zhuhe/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../infra/context';
import { requireActor } from '../../infra/http/access';
import { pricePermissions as perm } from './prices.policy';
import { presentSeries } from './prices.presenter';
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
