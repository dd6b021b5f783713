import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Form, Row, Select, Table, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../app/page-states';
import * as api from './growth.api';
import { growthKeys, Loaded, RangeFields } from './growth-shared';

const RegionDemandChart = lazy(() => import('./growth-charts').then((m) => ({ default: m.RegionDemandChart })));

/**
 * 需求热度与搜索词 (MERCH-5): published demands by province or city and the keyword ranking from real searches. With
 * `orgId` it is the merchant's view: only groups of enough firms.
 */
export function MarketPanel({ orgId }: { orgId?: string }) {
  const { t } = useTranslation('growth');
  const [range, setRange] = useState(api.defaultRange(4));
  const [level, setLevel] = useState<'province' | 'city'>('province');
  const query = useQuery({
    queryKey: [...growthKeys.all, 'market', orgId ?? 'staff', range, level],
    queryFn: () => api.fetchMarket({ ...range, level }, orgId),
  });
  return (
    <Card title={t('market.title')}>
      <Typography.Paragraph type="secondary">{t('market.subtitle')}</Typography.Paragraph>
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }}>
        <RangeFields range={range} onChange={setRange} />
        <Form.Item label={t('market.level')}>
          <Select
            aria-label={t('market.level')}
            value={level}
            onChange={setLevel}
            options={(['province', 'city'] as const).map((l) => ({ value: l, label: t(`market.levels.${l}`) }))}
          />
        </Form.Item>
      </Form>
      <Loaded query={query}>
        {(data) => (
          <>
            {data.minGroup > 1 ? (
              <Typography.Paragraph type="secondary" data-testid="market-min-group">
                {t('market.merchantNote', { n: data.minGroup })}
              </Typography.Paragraph>
            ) : null}
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={12}>
                {data.regions.length === 0 ? (
                  <Empty description={t('market.noRegions')} />
                ) : (
                  <>
                    <Suspense fallback={<LoadingState minHeight={200} />}>
                      <RegionDemandChart data={data} />
                    </Suspense>
                    <Table
                      data-testid="market-regions"
                      size="small"
                      rowKey="regionCode"
                      pagination={{ pageSize: 10, hideOnSinglePage: true }}
                      dataSource={data.regions}
                      columns={[
                        { title: '#', key: 'rank', width: 48, render: (_: unknown, __: unknown, i: number) => i + 1 },
                        { title: t('market.region'), dataIndex: 'regionName' },
                        { title: t('market.demands'), dataIndex: 'demands' },
                        { title: t('market.orgs'), dataIndex: 'orgs' },
                      ]}
                    />
                  </>
                )}
              </Col>
              <Col xs={24} lg={12}>
                <Typography.Text strong>{t('market.keywords')}</Typography.Text>
                <Table
                  data-testid="market-keywords"
                  size="small"
                  rowKey="keyword"
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  locale={{ emptyText: t('market.noKeywords') }}
                  dataSource={data.keywords}
                  columns={[
                    { title: '#', key: 'rank', width: 48, render: (_: unknown, __: unknown, i: number) => i + 1 },
                    { title: t('market.keyword'), dataIndex: 'keyword' },
                    { title: t('market.searches'), dataIndex: 'searches' },
                    { title: t('market.zero'), dataIndex: 'zeroResultSearches' },
                    { title: t('market.searchers'), dataIndex: 'searchers' },
                  ]}
                />
              </Col>
            </Row>
          </>
        )}
      </Loaded>
    </Card>
  );
}
