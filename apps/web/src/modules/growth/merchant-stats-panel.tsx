import { useQuery } from '@tanstack/react-query';
import { Card, Col, Form, Row, Space, Statistic, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../app/page-states';
import * as api from './growth.api';
import { growthKeys, Loaded, RangeFields } from './growth-shared';

// ECharts comes with its own chunk, loaded when the page opens
const MerchantWeeklyChart = lazy(() => import('./growth-charts').then((m) => ({ default: m.MerchantWeeklyChart })));

export function MerchantStatsPanel({ orgId }: { orgId: string }) {
  const { t } = useTranslation('growth');
  const [range, setRange] = useState(api.defaultRange());
  const query = useQuery({
    queryKey: [...growthKeys.all, 'merchant', orgId, range],
    queryFn: () => api.fetchMerchantStats(orgId, range),
  });
  return (
    <Card>
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }}>
        <RangeFields range={range} onChange={setRange} />
      </Form>
      <Loaded query={query}>
        {(data) => (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Row gutter={[16, 16]}>
              <Col xs={12} md={6}>
                <Statistic title={t('merchant.exposure')} value={data.exposure} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('merchant.inquiries')} value={data.inquiries} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('merchant.deals')} value={data.deals} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title={t('merchant.conversion')}
                  value={data.conversion === null ? '—' : `${(data.conversion * 100).toFixed(1)}%`}
                />
              </Col>
            </Row>
            <Typography.Text type="secondary" data-testid="merchant-benchmark">
              {data.benchmark
                ? `${t('merchant.benchmark', { count: data.benchmark.merchants })}: ${
                    data.benchmark.medianConversion === null
                      ? '—'
                      : `${(data.benchmark.medianConversion * 100).toFixed(1)}%`
                  }`
                : t('merchant.noBenchmark')}
            </Typography.Text>
            {data.weekly.length > 0 ? (
              <Suspense fallback={<LoadingState minHeight={280} />}>
                <MerchantWeeklyChart data={data} />
              </Suspense>
            ) : null}
          </Space>
        )}
      </Loaded>
    </Card>
  );
}
