import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../app/page-states';
import type { MatchingFiguresData } from './matching.api';
import { useMatchingFigures } from './matching.queries';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

function WeeklyChart({ data }: { data: MatchingFiguresData }) {
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
  return <div ref={ref} style={{ width: '100%', height: 320 }} data-testid="matching-chart" />;
}

/** 匹配数据 for staff: totals and a weekly chart of pushes, answers, answer rate and awards to pushed suppliers. */
export function MatchingFiguresPanel() {
  const { t } = useTranslation('matching');
  const figures = useMatchingFigures();
  if (figures.isLoading) return <LoadingState />;
  if (!figures.data) return <ErrorState error={figures.error} onRetry={() => figures.refetch()} />;
  const { totals, model } = figures.data;
  const stats: [string, string | number][] = [
    [t('figures.demands'), totals.demands],
    [t('figures.pushes'), totals.pushes],
    [t('figures.answers'), totals.answers],
    [t('figures.interested'), totals.interested],
    [t('figures.answerRate'), `${(totals.answerRate * 100).toFixed(1)}%`],
    [t('figures.awardsToPushed'), totals.awardsToPushed],
  ];
  return (
    <Card>
      <Row gutter={[16, 16]}>
        {stats.map(([label, value]) => (
          <Col key={label} xs={12} md={4}>
            <Statistic title={label} value={value} />
          </Col>
        ))}
      </Row>
      {figures.data.weeks.length > 0 ? <WeeklyChart data={figures.data} /> : <Empty description={t('figures.empty')} />}
      <Typography.Text type="secondary">
        {t('figures.model', { source: model.trainedOn, examples: model.examples })}
      </Typography.Text>
    </Card>
  );
}
