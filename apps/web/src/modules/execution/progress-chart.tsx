import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartFigure } from '../../app/chart-figure';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

interface Point {
  date: string;
  percentBp: number;
}

/** 计划与实际进度: the planned curve against the actual one (share of the BoQ value), by date. */
export function ProgressChart({ planned, actual, today }: { planned: Point[]; actual: Point[]; today: string }) {
  const { t } = useTranslation('execution');
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const series = (points: Point[]) => points.map((p) => [p.date, p.percentBp / 100]);
    chart.setOption({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v.toFixed(2)}%` },
      legend: { data: [t('chart.planned'), t('chart.actual')], top: 0 },
      grid: { left: 44, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'time', axisLabel: { hideOverlap: true, formatter: '{MM}-{dd}' } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          name: t('chart.planned'),
          type: 'line',
          data: series(planned),
          lineStyle: { type: 'dashed' },
          markLine: { symbol: 'none', silent: true, data: [{ xAxis: today }], label: { formatter: today } },
        },
        { name: t('chart.actual'), type: 'line', step: 'end', data: series(actual), areaStyle: { opacity: 0.15 } },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [planned, actual, today, t]);

  const rows = useMemo(() => {
    const byDate = new Map<string, [string, string | null, string | null]>();
    const at = (date: string) => byDate.get(date) ?? byDate.set(date, [date, null, null]).get(date);
    const percent = (p: Point) => `${(p.percentBp / 100).toFixed(2)}%`;
    for (const p of planned) (at(p.date) as [string, string | null, string | null])[1] = percent(p);
    for (const p of actual) (at(p.date) as [string, string | null, string | null])[2] = percent(p);
    return [...byDate.values()].sort((a, b) => a[0].localeCompare(b[0]));
  }, [planned, actual]);
  return (
    <ChartFigure
      chartRef={ref}
      title={t('chart.title')}
      columns={[t('chart.planned'), t('chart.actual')]}
      rows={rows}
      height={280}
      testId="progress-chart"
    />
  );
}
