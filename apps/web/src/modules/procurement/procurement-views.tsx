import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  PriceSeriesDetail,
  ProcurementPlanLatest,
  type ProcurementPlanView,
  ProcurementPlanView as ProcurementPlanViewSchema,
} from '@zhuhe/contracts';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  InputNumber,
  List,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../../app/api-client';
import { formatFen } from '../../app/format-money';
import { useBilingual } from '../../app/language';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { PriceFanChart } from './price-fan-chart';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** 采购优化 on a demand: each line's price outlook, the optimiser's rules, the plan, its saving and why. */
export function ProcurementPlanner({ orgId, demandId }: { orgId: string; demandId: string }) {
  const { t } = useTranslation('procurement');
  const client = useQueryClient();
  const feedback = useErrorFeedback();
  const [requiredBy, setRequiredBy] = useState<Dayjs>(dayjs().add(10, 'day'));
  const [minCreditScore, setMinCredit] = useState(60);
  const [maxSharePercent, setMaxShare] = useState(100);
  const key = ['procurement', orgId, demandId];
  const latest = useQuery({
    queryKey: key,
    queryFn: () => apiRequest('GET', `/api/orgs/${orgId}/demands/${demandId}/procurement-plan`, ProcurementPlanLatest),
  });
  const run = useMutation({
    mutationFn: () =>
      apiRequest('POST', `/api/orgs/${orgId}/demands/${demandId}/procurement-plan`, ProcurementPlanViewSchema, {
        body: { requiredBy: requiredBy.format('YYYY-MM-DD'), minCreditScore, maxSharePercent },
      }),
    onSuccess: (plan) => client.setQueryData(key, { plan }),
    onError: (e) => feedback.show(e),
  });
  if (latest.isPending) return <LoadingState />;
  if (latest.isError) return <ErrorState error={latest.error} onRetry={() => latest.refetch()} />;
  const plan = latest.data.plan;
  return (
    <Flex vertical gap={16}>
      <Card title={t('run')} size="small">
        <Flex wrap gap={12} align="end">
          <Space direction="vertical" size={2}>
            <Typography.Text type="secondary">{t('requiredBy')}</Typography.Text>
            <DatePicker value={requiredBy} onChange={(d) => d && setRequiredBy(d)} allowClear={false} />
          </Space>
          <Space direction="vertical" size={2}>
            <Typography.Text type="secondary">{t('minCredit')}</Typography.Text>
            <InputNumber min={0} max={100} value={minCreditScore} onChange={(v) => setMinCredit(v ?? 0)} />
          </Space>
          <Space direction="vertical" size={2}>
            <Typography.Text type="secondary">{t('maxShare')}</Typography.Text>
            <InputNumber min={10} max={100} value={maxSharePercent} onChange={(v) => setMaxShare(v ?? 100)} />
          </Space>
          <Button type="primary" loading={run.isPending} onClick={() => run.mutate()} data-testid="procurement-run">
            {t('run')}
          </Button>
        </Flex>
      </Card>
      {plan ? <PlanResult plan={plan} /> : <Alert type="info" message={t('empty')} />}
    </Flex>
  );
}

function PlanResult({ plan }: { plan: ProcurementPlanView }) {
  const { t } = useTranslation('procurement');
  const bilingual = useBilingual();
  const steel = plan.lines.find((l) => l.outlook);
  return (
    <Flex vertical gap={16}>
      <Card title={t('lines')} size="small">
        <List
          dataSource={plan.lines}
          renderItem={(l) => (
            <List.Item data-testid={`procurement-line-${l.lineId}`}>
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Typography.Text strong>
                  {l.name} · {l.quantity} {l.unit}
                </Typography.Text>
                {l.material === null ? (
                  <Typography.Text type="secondary">{t('unmatched')}</Typography.Text>
                ) : (
                  <Space wrap size={4}>
                    <Tag>{t('offers', { count: l.offers })}</Tag>
                    {l.outlook ? (
                      <Tag color={l.outlook.change6m >= 0 ? 'red' : 'green'} data-testid="procurement-outlook">
                        {t(l.outlook.change6m >= 0 ? 'rising' : 'falling', { pct: pct(Math.abs(l.outlook.change6m)) })}
                      </Tag>
                    ) : (
                      <Tag>{t('noOutlook')}</Tag>
                    )}
                    {l.outlook ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('outlookSource', { title: bilingual(l.outlook.title), method: l.outlook.method })}
                      </Typography.Text>
                    ) : null}
                  </Space>
                )}
              </Flex>
            </List.Item>
          )}
        />
      </Card>
      {steel?.outlook ? <SeriesCard seriesId={steel.outlook.seriesId} /> : null}
      {plan.status === 'optimal' ? (
        <Card title={t('plan')} size="small" data-testid="procurement-plan">
          <Flex wrap gap={24}>
            <Statistic title={t('total')} value={formatFen(plan.totalFen)} />
            <Statistic title={t('naive')} value={formatFen(plan.naiveFen)} />
            <Statistic
              title={t('saving')}
              value={`${formatFen(plan.savingFen)} (${pct(plan.savingRate)})`}
              valueStyle={{ color: '#389e0d' }}
              data-testid="procurement-saving"
            />
          </Flex>
          <Typography.Text type="secondary">{t('solved', { ms: plan.solveMs })}</Typography.Text>
          <Table
            size="small"
            rowKey={(a) => a.offerId}
            pagination={false}
            scroll={{ x: 720 }}
            dataSource={plan.allocations}
            columns={[
              { title: t('lines'), render: (_, a) => plan.lines.find((l) => l.lineId === a.lineId)?.name },
              { title: t('supplier'), dataIndex: 'supplierName' },
              { title: t('offer'), dataIndex: 'offerTitle' },
              { title: t('quantity'), render: (_, a) => a.quantity.toLocaleString('zh-CN') },
              { title: t('unitPrice'), render: (_, a) => formatFen(a.unitPriceFen) },
              { title: t('delivery'), render: (_, a) => formatFen(a.deliveryFen) },
              { title: t('cost'), render: (_, a) => formatFen(a.costFen) },
              { title: t('distance'), render: (_, a) => `${a.distanceKm} km` },
              { title: t('leadTime'), render: (_, a) => t('days', { n: a.leadTimeDays }) },
            ]}
          />
        </Card>
      ) : (
        <Alert type="error" message={t('infeasible')} data-testid="procurement-infeasible" />
      )}
      {plan.notes.length ? (
        <Card title={t('notes')} size="small">
          <List dataSource={plan.notes} renderItem={(n) => <List.Item>{bilingual(n.text)}</List.Item>} />
        </Card>
      ) : null}
    </Flex>
  );
}

/** The series behind a line's outlook: history, forecast fan and its published backtest accuracy. */
export function SeriesCard({ seriesId }: { seriesId: string }) {
  const { t } = useTranslation('procurement');
  const bilingual = useBilingual();
  const detail = useQuery({
    queryKey: ['prices', seriesId],
    queryFn: () => apiRequest('GET', `/api/prices/series/${seriesId}`, PriceSeriesDetail),
  });
  if (detail.isPending) return <LoadingState />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => detail.refetch()} />;
  const f = detail.data.series.forecast;
  return (
    <Card title={`${t('chartTitle')} · ${bilingual(detail.data.series.title)}`} size="small">
      <PriceFanChart detail={detail.data} />
      {f && f.backtestError !== null && f.naiveBacktestError !== null ? (
        <Typography.Text type="secondary" data-testid="price-accuracy">
          {t('accuracy', { model: pct(f.backtestError), naive: pct(f.naiveBacktestError), origins: f.backtestOrigins })}
        </Typography.Text>
      ) : null}
    </Card>
  );
}
