import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartFigure } from '../../app/chart-figure';
import type { MatchingFiguresData } from './matching.api';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Weekly pushes, answers, awards and answer rate; loaded on its own so ECharts stays out of the shell's chunks. */
export function WeeklyChart({ data }: { data: MatchingFiguresData }) {
  const { t } = useTranslation('matching');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const weeks = data.weeks.map((w) => w.week);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 40, top: 20, bottom: 50 },
      xAxis: { type: 'category', data: weeks },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        { name: t('figures.pushes'), type: 'bar', data: data.weeks.map((w) => w.pushes) },
        { name: t('figures.answers'), type: 'bar', data: data.weeks.map((w) => w.answers) },
        { name: t('figures.awardsToPushed'), type: 'bar', data: data.weeks.map((w) => w.awardsToPushed) },
        {
          name: t('figures.answerRate'),
          type: 'line',
          yAxisIndex: 1,
          data: data.weeks.map((w) => (w.pushes > 0 ? Math.round((w.answers / w.pushes) * 100) : 0)),
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [data, t]);
  const rate = (w: MatchingFiguresData['weeks'][number]) =>
    `${w.pushes > 0 ? Math.round((w.answers / w.pushes) * 100) : 0}%`;
  return (
    <ChartFigure
      chartRef={ref}
      title={t('figures.title')}
      columns={[t('figures.pushes'), t('figures.answers'), t('figures.awardsToPushed'), t('figures.answerRate')]}
      rows={data.weeks.map((w) => [w.week, w.pushes, w.answers, w.awardsToPushed, rate(w)])}
      height={320}
      testId="matching-chart"
    />
  );
}
