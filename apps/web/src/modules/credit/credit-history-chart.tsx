import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartFigure } from '../../app/chart-figure';

echarts.use([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** 月度历史 the total score per month with the grade in the tooltip. */
export function CreditHistoryChart({ history }: { history: { month: string; score: number; grade: string }[] }) {
  const { t } = useTranslation(['credit', 'common']);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({
      tooltip: {
        trigger: 'axis',
        formatter: (p: { dataIndex: number }[]) => {
          const h = history[p[0]?.dataIndex ?? 0];
          return h ? `${h.month}<br/>${h.score} · ${h.grade}` : '';
        },
      },
      grid: { left: 36, right: 16, top: 16, bottom: 28 },
      xAxis: { type: 'category', data: history.map((h) => h.month) },
      yAxis: { type: 'value', min: 40, max: 100 },
      series: [
        {
          type: 'line',
          data: history.map((h) => h.score),
          label: { show: true, formatter: (p: { dataIndex: number }) => history[p.dataIndex]?.grade ?? '' },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [history]);
  return (
    <ChartFigure
      chartRef={ref}
      title={t('history')}
      columns={[t('common:a11y.score'), t('common:a11y.grade')]}
      rows={history.map((h) => [h.month, h.score, h.grade])}
      height={220}
      testId="credit-history-chart"
    />
  );
}
