import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../app/format-money';
import { LoadingState } from '../../app/page-states';
import { CohortLtvTable } from './cohort-ltv';
import * as api from './growth.api';
import { growthZhCN } from './growth.i18n';
import { CsvButton, growthKeys, Loaded, RangeFields } from './growth-shared';
import { SavedAnalyses } from './saved-analyses';

// ECharts comes with its own chunk, loaded when a growth page opens
const FunnelChart = lazy(() => import('./growth-charts').then((m) => ({ default: m.FunnelChart })));
const QuadrantChart = lazy(() => import('./growth-charts').then((m) => ({ default: m.QuadrantChart })));

const percent = (part: number, whole: number) => (whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : '—');

const EVENT_LABELS = growthZhCN.events;
type EventLabel = keyof typeof EVENT_LABELS;

const FUNNELS = {
  acquisition: ['page.viewed', 'user.registered', 'organisation.created', 'demand.submitted', 'contract.signed'],
  supply: ['organisation.created', 'inquiry.sent', 'contract.signed'],
} as const;

export function FunnelPanel() {
  const { t } = useTranslation('growth');
  const [range, setRange] = useState(api.defaultRange());
  const [steps, setSteps] = useState<readonly string[]>(FUNNELS.acquisition);
  const [entity, setEntity] = useState<'org' | 'user'>('user');
  const [windowDays, setWindowDays] = useState(30);
  const [breakdown, setBreakdown] = useState<'none' | 'channel' | 'region' | 'role'>('channel');
  const preset = (Object.keys(FUNNELS) as (keyof typeof FUNNELS)[]).find(
    (p) => FUNNELS[p].join(',') === steps.join(','),
  );
  const params = { ...range, steps: steps.join(','), entity, windowDays, breakdown };
  const query = useQuery({
    queryKey: [...growthKeys.all, 'funnel', params],
    queryFn: () => api.fetchFunnel(params),
  });
  const open = (q: api.SavedQuery) => {
    setRange({ from: String(q.from), to: String(q.to) });
    setSteps(String(q.steps).split(','));
    setEntity(q.entity === 'org' ? 'org' : 'user');
    setWindowDays(Number(q.windowDays ?? 14));
    setBreakdown((q.breakdown as typeof breakdown | undefined) ?? 'none');
  };
  // a saved funnel may name events the page has no label for: those show as they are
  const stepNames: string[] = steps.map((s) => (s in EVENT_LABELS ? t(`events.${s as EventLabel}`) : s));
  return (
    <Card title={t('funnel.title')} extra={<CsvButton href={api.csvUrl('funnel', params)} />}>
      <SavedAnalyses kind="funnel" query={params} onOpen={open} />
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }}>
        <RangeFields range={range} onChange={setRange} />
        <Form.Item label={t('funnel.preset')}>
          <Select
            aria-label={t('funnel.preset')}
            value={preset}
            onChange={(p: keyof typeof FUNNELS) => setSteps(FUNNELS[p])}
            style={{ minWidth: 220 }}
            options={(['acquisition', 'supply'] as const).map((p) => ({ value: p, label: t(`funnel.presets.${p}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('entity.label')}>
          <Select
            aria-label={t('entity.label')}
            value={entity}
            onChange={setEntity}
            options={(['user', 'org'] as const).map((e) => ({ value: e, label: t(`entity.${e}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('funnel.window')} htmlFor="growth-window">
          <InputNumber
            id="growth-window"
            min={1}
            max={180}
            value={windowDays}
            onChange={(v) => setWindowDays(v ?? 30)}
          />
        </Form.Item>
        <Form.Item label={t('funnel.breakdown')}>
          <Select
            aria-label={t('funnel.breakdown')}
            value={breakdown}
            onChange={setBreakdown}
            options={(['none', 'channel', 'region', 'role'] as const).map((b) => ({
              value: b,
              label: t(`funnel.breakdowns.${b}`),
            }))}
          />
        </Form.Item>
      </Form>
      <Loaded query={query}>
        {(data) =>
          data.groups.length === 0 ? (
            <Empty description={t('funnel.empty')} />
          ) : (
            <>
              <Suspense fallback={<LoadingState minHeight={300} />}>
                <FunnelChart data={data} stepNames={stepNames} />
              </Suspense>
              <Table
                data-testid="growth-funnel-table"
                size="small"
                rowKey="key"
                pagination={false}
                scroll={{ x: true }}
                dataSource={data.groups}
                columns={[
                  { title: t('funnel.group'), dataIndex: 'key' },
                  ...stepNames.map((name, i) => ({
                    title: name,
                    key: name,
                    render: (_: unknown, g: (typeof data.groups)[number]) =>
                      i === 0
                        ? g.counts[0]
                        : `${g.counts[i] ?? 0}（${percent(g.counts[i] ?? 0, g.counts[i - 1] ?? 0)}）`,
                  })),
                  {
                    title: t('funnel.conversion'),
                    key: 'overall',
                    render: (_: unknown, g: (typeof data.groups)[number]) =>
                      percent(g.counts[g.counts.length - 1] ?? 0, g.counts[0] ?? 0),
                  },
                ]}
              />
            </>
          )
        }
      </Loaded>
    </Card>
  );
}

const yuan = (fen: number | null) => (fen === null ? '—' : formatFen(fen));

export function ChannelsPanel() {
  const { t } = useTranslation('growth');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [range, setRange] = useState(api.defaultRange());
  const [conversion, setConversion] = useState<'registration' | 'first_demand' | 'first_contract'>('registration');
  const channels = useQuery({
    queryKey: [...growthKeys.all, 'channels', range],
    queryFn: () => api.fetchChannels(range),
  });
  const attribution = useQuery({
    queryKey: [...growthKeys.all, 'attribution', range, conversion],
    queryFn: () => api.fetchAttribution({ ...range, conversion }),
  });
  const lifecycle = useQuery({ queryKey: [...growthKeys.all, 'lifecycle'], queryFn: api.fetchLifecycle });
  const openSaved = (q: api.SavedQuery) => {
    setRange({ from: String(q.from), to: String(q.to) });
    if (q.conversion === 'registration' || q.conversion === 'first_demand' || q.conversion === 'first_contract')
      setConversion(q.conversion);
  };
  const addCost = useMutation({
    mutationFn: api.addChannelCost,
    onSuccess: () => {
      message.success(t('channels.saved'));
      void client.invalidateQueries({ queryKey: growthKeys.all });
    },
  });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('channels.title')} extra={<CsvButton href={api.csvUrl('channels', range)} />}>
        <Typography.Paragraph type="secondary">{t('channels.subtitle')}</Typography.Paragraph>
        <SavedAnalyses kind="channels" query={{ ...range, conversion }} onOpen={openSaved} />
        <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }}>
          <RangeFields range={range} onChange={setRange} />
        </Form>
        <Loaded query={channels}>
          {(data) => (
            <>
              <Suspense fallback={<LoadingState minHeight={340} />}>
                <QuadrantChart items={data.items} />
              </Suspense>
              <Table
                data-testid="growth-channels-table"
                size="small"
                rowKey="channel"
                pagination={false}
                scroll={{ x: true }}
                dataSource={data.items}
                columns={[
                  { title: t('channels.channel'), dataIndex: 'channel' },
                  { title: t('channels.cost'), dataIndex: 'costFen', render: yuan },
                  { title: t('channels.newOrgs'), dataIndex: 'newOrgs' },
                  { title: t('channels.cac'), dataIndex: 'cacFen', render: yuan },
                  { title: t('channels.revenue'), dataIndex: 'revenueFen', render: yuan },
                  {
                    title: t('channels.roi'),
                    dataIndex: 'roi',
                    render: (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(0)}%`),
                  },
                  { title: t('channels.ltv'), dataIndex: 'ltvFen', render: yuan },
                  { title: t('channels.ltvToCac'), dataIndex: 'ltvToCac', render: (v: number | null) => v ?? '—' },
                ]}
              />
            </>
          )}
        </Loaded>
      </Card>
      <Card title={t('channels.attribution')}>
        <Form layout="inline" style={{ marginBottom: 16 }}>
          <Form.Item label={t('channels.conversion')}>
            <Select
              aria-label={t('channels.conversion')}
              value={conversion}
              onChange={setConversion}
              options={(['registration', 'first_demand', 'first_contract'] as const).map((c) => ({
                value: c,
                label: t(`channels.conversions.${c}`),
              }))}
            />
          </Form.Item>
        </Form>
        <Loaded query={attribution}>
          {(data) => (
            <Table
              data-testid="growth-attribution-table"
              size="small"
              rowKey={(r) => `${r.channel}/${r.campaign}`}
              pagination={false}
              scroll={{ x: true }}
              dataSource={data.rows}
              columns={[
                { title: t('channels.channel'), dataIndex: 'channel' },
                { title: t('channels.campaign'), dataIndex: 'campaign' },
                { title: t('channels.firstTouch'), dataIndex: 'firstTouch' },
                { title: t('channels.lastTouch'), dataIndex: 'lastTouch' },
                { title: t('channels.positionBased'), dataIndex: 'positionBased' },
              ]}
            />
          )}
        </Loaded>
      </Card>
      <Card title={t('channels.lifecycle')}>
        <Loaded query={lifecycle}>
          {(data) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Row gutter={[16, 16]}>
                {data.stages.map((s) => (
                  <Col key={s.stage} xs={12} md={6}>
                    <Statistic title={t(`channels.stages.${s.stage}`)} value={s.orgs} />
                  </Col>
                ))}
              </Row>
              <Typography.Text strong>{t('channels.marketing')}</Typography.Text>
              <Flex gap={8} wrap>
                {data.marketing.map((m) => (
                  <Tag key={m.stage}>
                    {t(`channels.marketingStages.${m.stage}`)} {m.count}
                  </Tag>
                ))}
              </Flex>
            </Space>
          )}
        </Loaded>
      </Card>
      <Card title={t('channels.addCost')}>
        <Form
          layout="inline"
          style={{ rowGap: 8 }}
          onFinish={(v: { channel: string; periodStart: string; periodEnd: string; amount: number }) =>
            addCost.mutate({
              channel: v.channel,
              periodStart: v.periodStart,
              periodEnd: v.periodEnd,
              amountFen: Math.round(v.amount * 100),
            })
          }
        >
          <Form.Item name="channel" label={t('channels.channel')} rules={[{ required: true }]}>
            <Input placeholder="baidu" />
          </Form.Item>
          <Form.Item name="periodStart" label={t('channels.periodStart')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="periodEnd" label={t('channels.periodEnd')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="amount" label={t('channels.amount')} rules={[{ required: true }]}>
            <InputNumber min={0} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={addCost.isPending}>
            {t('channels.addCost')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}

function retentionColour(rate: number): string {
  // light enough for the table's dark text at every rate (WCAG 1.4.3)
  return `rgba(22, 119, 255, ${Math.min(0.5, 0.06 + rate * 0.6).toFixed(2)})`;
}

export function CohortsPanel() {
  const { t } = useTranslation('growth');
  const [range, setRange] = useState(api.defaultRange());
  const [entity, setEntity] = useState<'org' | 'user'>('org');
  const [period, setPeriod] = useState<'week' | 'month'>('week');
  const periods = period === 'week' ? 12 : 6;
  const query = useQuery({
    queryKey: [...growthKeys.all, 'cohorts', range, entity, period],
    queryFn: () => api.fetchCohorts({ ...range, entity, period, periods }),
  });
  const open = (q: api.SavedQuery) => {
    setRange({ from: String(q.from), to: String(q.to) });
    setEntity(q.entity === 'user' ? 'user' : 'org');
    setPeriod(q.period === 'month' ? 'month' : 'week');
  };
  return (
    <Card
      title={t('cohorts.title')}
      extra={<CsvButton href={api.csvUrl('cohorts', { ...range, entity, period, periods })} />}
    >
      <SavedAnalyses kind="cohorts" query={{ ...range, entity, period, periods }} onOpen={open} />
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }}>
        <RangeFields range={range} onChange={setRange} />
        <Form.Item label={t('entity.label')}>
          <Select
            aria-label={t('entity.label')}
            value={entity}
            onChange={setEntity}
            options={(['org', 'user'] as const).map((e) => ({ value: e, label: t(`entity.${e}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('cohorts.period')}>
          <Select
            aria-label={t('cohorts.period')}
            value={period}
            onChange={setPeriod}
            options={(['week', 'month'] as const).map((p) => ({ value: p, label: t(`cohorts.periods.${p}`) }))}
          />
        </Form.Item>
      </Form>
      <Loaded query={query}>
        {(data) =>
          data.rows.length === 0 ? (
            <Empty description={t('cohorts.empty')} />
          ) : (
            <Table
              data-testid="growth-cohort-table"
              size="small"
              rowKey="cohort"
              pagination={false}
              scroll={{ x: true }}
              dataSource={data.rows}
              columns={[
                { title: t('cohorts.cohort'), dataIndex: 'cohort', fixed: 'left' },
                { title: t('cohorts.size'), dataIndex: 'size' },
                ...Array.from({ length: periods - 1 }, (_, i) => ({
                  title: t('cohorts.offset', { n: i + 1 }),
                  key: `k${i + 1}`,
                  render: (_: unknown, row: (typeof data.rows)[number]) => {
                    const kept = row.retained[i + 1] ?? 0;
                    const rate = row.size > 0 ? kept / row.size : 0;
                    return (
                      <span
                        style={{
                          display: 'block',
                          padding: '0 4px',
                          background: retentionColour(rate),
                        }}
                      >
                        {percent(kept, row.size)}
                      </span>
                    );
                  },
                })),
              ]}
            />
          )
        }
      </Loaded>
      <CohortLtvTable range={range} period={period} periods={periods} entity={entity} />
    </Card>
  );
}

export function RfmPanel() {
  const { t } = useTranslation('growth');
  const [asOf, setAsOf] = useState(api.shanghaiDay());
  const query = useQuery({ queryKey: [...growthKeys.all, 'rfm', asOf], queryFn: () => api.fetchRfm(asOf) });
  return (
    <Card title={t('rfm.title')} extra={<CsvButton href={api.csvUrl('rfm', { asOf })} />}>
      <Typography.Paragraph type="secondary">{t('rfm.subtitle')}</Typography.Paragraph>
      <SavedAnalyses kind="rfm" query={{ asOf }} onOpen={(q) => setAsOf(String(q.asOf))} />
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t('range.to')} htmlFor="growth-asof">
          <Input id="growth-asof" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        </Form.Item>
      </Form>
      <Loaded query={query}>
        {(data) => (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Table
              data-testid="growth-rfm-segments"
              size="small"
              rowKey="segment"
              pagination={false}
              dataSource={data.segments}
              columns={[
                {
                  title: t('rfm.segment'),
                  dataIndex: 'segment',
                  render: (s: string) => t(`rfm.segments.${s}` as 'rfm.segments.new'),
                },
                { title: t('rfm.orgs'), dataIndex: 'orgs' },
                { title: t('rfm.monetary'), dataIndex: 'monetaryFen', render: (v: number) => formatFen(v) },
              ]}
            />
            <Table
              size="small"
              rowKey="orgId"
              pagination={{ pageSize: 20 }}
              scroll={{ x: true }}
              dataSource={data.orgs}
              columns={[
                { title: t('rfm.org'), dataIndex: 'orgId', render: (id: string) => id.slice(0, 8) },
                { title: t('rfm.recency'), dataIndex: 'recencyDays' },
                { title: t('rfm.frequency'), dataIndex: 'frequency' },
                { title: t('rfm.monetary'), dataIndex: 'monetaryFen', render: (v: number) => formatFen(v) },
                {
                  title: 'R/F/M',
                  key: 'rfm',
                  render: (_: unknown, o: (typeof data.orgs)[number]) => `${o.r}/${o.f}/${o.m}`,
                },
                {
                  title: t('rfm.segment'),
                  dataIndex: 'segment',
                  render: (s: string) => t(`rfm.segments.${s}` as 'rfm.segments.new'),
                },
              ]}
            />
          </Space>
        )}
      </Loaded>
    </Card>
  );
}
