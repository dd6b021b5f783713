import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useMatchingFigures } from './matching.queries';

// The module's index is imported by the shell (the notification bell); a static ECharts import here would load
// ECharts with every page. The chart comes with its own chunk instead, as the progress chart does.
const WeeklyChart = lazy(() => import('./weekly-chart').then((m) => ({ default: m.WeeklyChart })));

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
      {figures.data.weeks.length > 0 ? (
        <Suspense fallback={<LoadingState minHeight={320} />}>
          <WeeklyChart data={figures.data} />
        </Suspense>
      ) : (
        <Empty description={t('figures.empty')} />
      )}
      <Typography.Text type="secondary">
        {t('figures.model', { source: model.trainedOn, examples: model.examples })}
      </Typography.Text>
    </Card>
  );
}
