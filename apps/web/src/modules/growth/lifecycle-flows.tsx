import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Form, Select, Table, Typography } from 'antd';
import { lazy, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../app/page-states';
import * as api from './growth.api';
import { growthKeys, Loaded, RangeFields } from './growth-shared';

// ECharts (with its Sankey) comes with the charts' own chunk
const FlowsSankey = lazy(() => import('./growth-charts').then((m) => ({ default: m.FlowsSankey })));

/** 阶段流转 (GROW-2): organisations moving between lifecycle stages over the period, as a Sankey and a table. */
export function LifecycleFlowsCard() {
  const { t } = useTranslation('growth');
  const [range, setRange] = useState(api.defaultRange());
  const [view, setView] = useState<'lifecycle' | 'marketing'>('lifecycle');
  const query = useQuery({
    queryKey: [...growthKeys.all, 'flows', range, view],
    queryFn: () => api.fetchFlows({ ...range, view }),
  });
  const label = useCallback(
    (stage: string) =>
      stage === 'none'
        ? t('flows.none')
        : view === 'lifecycle'
          ? t(`channels.stages.${stage}` as 'channels.stages.acquired')
          : t(`channels.marketingStages.${stage}` as 'channels.marketingStages.awareness'),
    [t, view],
  );
  return (
    <Card title={t('flows.title')}>
      <Typography.Paragraph type="secondary">{t('flows.subtitle')}</Typography.Paragraph>
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }}>
        <RangeFields range={range} onChange={setRange} />
        <Form.Item label={t('flows.view')}>
          <Select
            aria-label={t('flows.view')}
            value={view}
            onChange={setView}
            style={{ minWidth: 240 }}
            options={(['lifecycle', 'marketing'] as const).map((v) => ({ value: v, label: t(`flows.views.${v}`) }))}
          />
        </Form.Item>
      </Form>
      <Loaded query={query}>
        {(data) =>
          data.flows.length === 0 ? (
            <Empty description={t('flows.empty')} />
          ) : (
            <>
              <Suspense fallback={<LoadingState minHeight={320} />}>
                <FlowsSankey data={data} label={label} />
              </Suspense>
              <Table
                data-testid="growth-flows-table"
                size="small"
                rowKey={(f) => `${f.from}>${f.to}`}
                pagination={false}
                scroll={{ x: true }}
                dataSource={data.flows}
                columns={[
                  { title: t('flows.from'), dataIndex: 'from', render: label },
                  { title: t('flows.to'), dataIndex: 'to', render: label },
                  { title: t('flows.orgs'), dataIndex: 'orgs' },
                ]}
              />
            </>
          )
        }
      </Loaded>
    </Card>
  );
}
