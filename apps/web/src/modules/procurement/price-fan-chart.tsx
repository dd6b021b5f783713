import type { PriceSeriesDetail } from '@zhuhe/contracts';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartFigure } from '../../app/chart-figure';

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

/** 预测扇形图 the last months of a series, the 6-month forecast and its 80 % band (stacked lower + width). */
export function PriceFanChart({ detail }: { detail: PriceSeriesDetail }) {
  const { t } = useTranslation('procurement');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const history = detail.points.slice(-48);
    const forecast = detail.series.forecast?.points ?? [];
    const months = [...history.map((p) => p.month), ...forecast.map((p) => p.month)];
    const pad = (n: number) => Array.from({ length: n }, () => null);
    const last = history[history.length - 1];
    const scale = detail.series.kind === 'price' ? 100 : 1;
    const v = (x: number) => Math.round((x / scale) * 100) / 100;
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: [t('history'), t('forecast'), t('band')], top: 0 },
      grid: { left: 44, right: 12, top: 28, bottom: 28 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', scale: true },
      series: [
        { name: t('history'), type: 'line', showSymbol: false, data: history.map((p) => v(p.value)) },
        {
          name: t('forecast'),
          type: 'line',
          lineStyle: { type: 'dashed' },
          data: [...pad(history.length - 1), last ? v(last.value) : null, ...forecast.map((p) => v(p.value))],
        },
        {
          name: 'lower',
          type: 'line',
          stack: 'band',
          symbol: 'none',
          lineStyle: { opacity: 0 },
          data: [...pad(history.length), ...forecast.map((p) => v(p.lower))],
        },
        {
          name: t('band'),
          type: 'line',
          stack: 'band',
          symbol: 'none',
          lineStyle: { opacity: 0 },
          areaStyle: { opacity: 0.25 },
          data: [...pad(history.length), ...forecast.map((p) => v(p.upper) - v(p.lower))],
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [detail, t]);
  const scale = detail.series.kind === 'price' ? 100 : 1;
  const v = (x: number) => Math.round((x / scale) * 100) / 100;
  const forecast = detail.series.forecast?.points ?? [];
  return (
    <ChartFigure
      chartRef={ref}
      title={t('chartTitle')}
      columns={[t('history'), t('forecast'), t('band')]}
      rows={[
        ...detail.points.slice(-48).map((p) => [p.month, v(p.value), null, null]),
        ...forecast.map((p) => [p.month, null, v(p.value), `${v(p.lower)} – ${v(p.upper)}`]),
      ]}
      height={260}
      testId="price-fan-chart"
    />
  );
}
