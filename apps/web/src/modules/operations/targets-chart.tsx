import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartFigure } from '../../app/chart-figure';
import type { OpsTargetBoardData } from './operations.api';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Target against registered new customers per person; loaded on its own so ECharts stays out of the shell. */
export function TargetsChart({ board }: { board: OpsTargetBoardData }) {
  const { t } = useTranslation('operations');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 16, top: 20, bottom: 50 },
      xAxis: { type: 'category', data: board.items.map((r) => r.displayName) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('overview.target'), type: 'bar', data: board.items.map((r) => r.target ?? 0) },
        { name: t('overview.registered'), type: 'bar', data: board.items.map((r) => r.registered) },
        { name: t('overview.firstDeals'), type: 'bar', data: board.items.map((r) => r.firstDeals) },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [board, t]);
  return (
    <ChartFigure
      chartRef={ref}
      title={t('overview.chartTitle', { month: board.month })}
      columns={[t('overview.target'), t('overview.registered'), t('overview.firstDeals')]}
      rows={board.items.map((r) => [r.displayName, r.target, r.registered, r.firstDeals])}
      height={280}
      testId="ops-targets-chart"
    />
  );
}
