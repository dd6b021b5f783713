import type { PriceIndexView } from '@zhuhe/contracts';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartFigure } from '../../app/chart-figure';

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

const r = (x: number) => Math.round(x * 100) / 100;

/** 指数扇形图 the last four years of a composite index, its 6-month forecast and the 80 % band. */
export function IndexChart({ index }: { index: PriceIndexView }) {
  const { t } = useTranslation('boards');
  const ref = useRef<HTMLDivElement>(null);
  const history = index.points.slice(-48);
  const forecast = index.forecast?.points ?? [];
  useEffect(() => {
    if (!ref.current) return;
    const history = index.points.slice(-48);
    const forecast = index.forecast?.points ?? [];
    const chart = echarts.init(ref.current);
    const pad = (n: number) => Array.from({ length: n }, () => null);
    const last = history[history.length - 1];
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: [t('indices.history'), t('indices.forecast'), t('indices.band')], top: 0 },
      grid: { left: 44, right: 12, top: 28, bottom: 28 },
      xAxis: { type: 'category', data: [...history.map((p) => p.month), ...forecast.map((p) => p.month)] },
      yAxis: { type: 'value', scale: true },
      series: [
        { name: t('indices.history'), type: 'line', showSymbol: false, data: history.map((p) => p.value) },
        {
          name: t('indices.forecast'),
          type: 'line',
          lineStyle: { type: 'dashed' },
          data: [...pad(history.length - 1), last?.value ?? null, ...forecast.map((p) => r(p.value))],
        },
        {
          name: 'lower',
          type: 'line',
          stack: 'band',
          symbol: 'none',
          lineStyle: { opacity: 0 },
          data: [...pad(history.length), ...forecast.map((p) => r(p.lower))],
        },
        {
          name: t('indices.band'),
          type: 'line',
          stack: 'band',
          symbol: 'none',
          lineStyle: { opacity: 0 },
          areaStyle: { opacity: 0.25 },
          data: [...pad(history.length), ...forecast.map((p) => r(p.upper - p.lower))],
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [index, t]);
  return (
    <ChartFigure
      chartRef={ref}
      title={t('indices.chartTitle')}
      columns={[t('indices.history'), t('indices.forecast'), t('indices.band')]}
      rows={[
        ...history.map((p) => [p.month, p.value, null, null]),
        ...forecast.map((p) => [p.month, null, r(p.value), `${r(p.lower)} – ${r(p.upper)}`]),
      ]}
      height={260}
      testId="index-chart"
    />
  );
}
