import { BarChart, LineChart, SankeyChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartFigure } from '../../app/chart-figure';
import type { ChannelEconomicsData, FlowsData, FunnelData, MarketData, MerchantStatsData } from './growth.api';

echarts.use([
  BarChart,
  LineChart,
  SankeyChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/** Draws `option` (memoised by the caller) and follows the window's size. */
function useChart(option: echarts.EChartsCoreOption) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return ref;
}

/** Entities per funnel step, one bar series per breakdown group. */
export function FunnelChart({ data, stepNames }: { data: FunnelData; stepNames: string[] }) {
  const { t } = useTranslation('growth');
  const ref = useChart(
    useMemo(
      () => ({
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 40, right: 16, top: 16, bottom: 56, containLabel: true },
        xAxis: { type: 'category', data: stepNames, axisLabel: { interval: 0, rotate: stepNames.length > 3 ? 20 : 0 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: data.groups.map((g) => ({ name: g.key, type: 'bar', data: g.counts })),
      }),
      [data, stepNames],
    ),
  );
  return (
    <ChartFigure
      chartRef={ref}
      title={t('funnel.chart')}
      columns={data.groups.map((g) => g.key)}
      rows={stepNames.map((step, i) => [step, ...data.groups.map((g) => g.counts[i] ?? 0)])}
      height={300}
      testId="growth-funnel-chart"
    />
  );
}

const x = (i: ChannelEconomicsData) => (i.cacFen ?? 0) / 100;
const y = (i: ChannelEconomicsData) => (i.ltvFen ?? 0) / 100;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : (sorted[Math.floor((sorted.length - 1) / 2)] ?? 0);
}

/** 渠道价值–成本矩阵: CAC across, LTV up, split at the medians into four quadrants. */
export function QuadrantChart({ items }: { items: ChannelEconomicsData[] }) {
  const { t } = useTranslation('growth');
  const points = useMemo(() => items.filter((i) => i.cacFen !== null || i.ltvFen !== null), [items]);
  const ref = useChart(
    useMemo(
      () => ({
        tooltip: {
          formatter: (p: { data: [number, number, string] }) =>
            `${p.data[2]}<br/>CAC ¥${p.data[0]} · LTV ¥${p.data[1]}`,
        },
        grid: { left: 56, right: 24, top: 24, bottom: 48 },
        xAxis: { type: 'value', name: t('channels.quadrantX'), nameLocation: 'middle', nameGap: 28 },
        yAxis: { type: 'value', name: t('channels.quadrantY') },
        series: [
          {
            type: 'scatter',
            symbolSize: (v: [number, number, string, number]) => Math.max(10, Math.min(40, 8 + v[3] * 2)),
            data: points.map((i) => [x(i), y(i), i.channel, i.newOrgs]),
            label: { show: true, formatter: (p: { data: [number, number, string] }) => p.data[2], position: 'top' },
            markLine: {
              silent: true,
              symbol: 'none',
              lineStyle: { type: 'dashed' },
              data: [{ xAxis: median(points.map(x)) }, { yAxis: median(points.map(y)) }],
            },
          },
        ],
      }),
      [points, t],
    ),
  );
  const quadrant = (i: ChannelEconomicsData) => {
    const high = y(i) >= median(points.map(y));
    const cheap = x(i) <= median(points.map(x));
    return t(`channels.quadrants.${high ? (cheap ? 'star' : 'grow') : cheap ? 'test' : 'cut'}`);
  };
  return (
    <ChartFigure
      chartRef={ref}
      title={t('channels.quadrant')}
      columns={[t('channels.cac'), t('channels.ltv'), t('channels.newOrgs'), t('channels.quadrant')]}
      rows={points.map((i) => [i.channel, x(i), y(i), i.newOrgs, quadrant(i)])}
      height={340}
      testId="growth-quadrant-chart"
    />
  );
}

export function MerchantWeeklyChart({ data }: { data: MerchantStatsData }) {
  const { t } = useTranslation('growth');
  const ref = useChart(
    useMemo(
      () => ({
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 40, right: 16, top: 16, bottom: 48 },
        xAxis: { type: 'category', data: data.weekly.map((w) => w.week) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: t('merchant.exposure'), type: 'bar', data: data.weekly.map((w) => w.exposure) },
          { name: t('merchant.inquiries'), type: 'line', data: data.weekly.map((w) => w.inquiries) },
        ],
      }),
      [data, t],
    ),
  );
  return (
    <ChartFigure
      chartRef={ref}
      title={t('merchant.chart')}
      columns={[t('merchant.exposure'), t('merchant.inquiries')]}
      rows={data.weekly.map((w) => [w.week, w.exposure, w.inquiries])}
      height={280}
      testId="merchant-weekly-chart"
    />
  );
}

/**
 * 阶段流转 as a Sankey: stages at the start on the left, at the end on the right; the table of flows beside it is
 * the text alternative.
 */
export function FlowsSankey({ data, label }: { data: FlowsData; label: (stage: string) => string }) {
  const { t } = useTranslation('growth');
  const option = useMemo(() => {
    const start = (stage: string) => `${t('flows.start')} · ${label(stage)}`;
    const end = (stage: string) => `${t('flows.end')} · ${label(stage)}`;
    const names = new Set<string>();
    for (const f of data.flows) {
      names.add(start(f.from));
      names.add(end(f.to));
    }
    return {
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'sankey',
          left: 8,
          right: 120,
          top: 8,
          bottom: 8,
          nodeGap: 12,
          emphasis: { focus: 'adjacency' },
          data: [...names].map((name) => ({ name })),
          links: data.flows.map((f) => ({ source: start(f.from), target: end(f.to), value: f.orgs })),
          lineStyle: { color: 'gradient', curveness: 0.5, opacity: 0.4 },
        },
      ],
    };
  }, [data, label, t]);
  const ref = useChart(option);
  return (
    <ChartFigure
      chartRef={ref}
      title={t('flows.chart')}
      columns={[t('flows.to'), t('flows.orgs')]}
      rows={data.flows.map((f) => [label(f.from), label(f.to), f.orgs])}
      height={320}
      testId="growth-flows-sankey"
    />
  );
}

/** Published demands per region, most first (需求热度). */
export function RegionDemandChart({ data }: { data: MarketData }) {
  const { t } = useTranslation('growth');
  const regions = useMemo(() => data.regions.slice(0, 15).reverse(), [data]);
  const ref = useChart(
    useMemo(
      () => ({
        tooltip: { trigger: 'axis' },
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: regions.map((r) => r.regionName) },
        series: [{ name: t('market.demands'), type: 'bar', data: regions.map((r) => r.demands) }],
      }),
      [regions, t],
    ),
  );
  return (
    <ChartFigure
      chartRef={ref}
      title={t('market.chart')}
      columns={[t('market.demands'), t('market.orgs')]}
      rows={data.regions.map((r) => [r.regionName, r.demands, r.orgs])}
      height={Math.max(160, 28 * regions.length + 16)}
      testId="growth-region-chart"
    />
  );
}
