import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExperimentResults, MetricComparison } from '@zhuhe/contracts';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ButtonLink } from '../../app/button-link';
import { formatDateTime } from '../../app/format-date';
import { ErrorState, LoadingState } from '../../app/page-states';
import { PageTitle } from '../../app/page-title';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { STATUS_COLOUR } from './experiment-list';
import { changeExperimentStatus, experimentResults } from './experiments.api';

const pct = (x: number, digits = 1) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(digits)}%`;
const interval = (i: [number, number] | null) => (i ? `[${pct(i[0])}, ${pct(i[1])}]` : '—');
const pValue = (p: number | null) => (p === null ? '—' : p < 0.0001 ? '< 0.0001' : p.toFixed(4));
const DECISION_COLOUR = { ship: 'success', keep_running: 'info', stop: 'warning' } as const;

function ComparisonBlock({ c, variantName }: { c: MetricComparison; variantName: string }) {
  const { t } = useTranslation('experiments');
  if (c.lift === null) return <Typography.Text type="secondary">{t('results.noLift')}</Typography.Text>;
  const reduction = c.varianceReduction;
  return (
    <Flex vertical gap={8} data-testid={`comparison-${c.variant}`}>
      <Typography.Text strong style={{ fontSize: 16 }} data-testid="lift">
        {t('results.liftValue', { variant: variantName, lift: pct(c.lift) })}
      </Typography.Text>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('results.interval')}>
          <span data-testid="lift-interval">{interval(c.interval)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('results.sequential')}>
          <span data-testid="sequential-interval">{interval(c.sequentialInterval)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('results.sequentialP')}>{pValue(c.sequentialPValue)}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {reduction > 0.005
          ? t('results.cuped', {
              reduction: `${(reduction * 100).toFixed(0)}%`,
              extra: `${((1 / (1 - reduction) - 1) * 100).toFixed(0)}%`,
            })
          : t('results.cupedNone')}
      </Typography.Paragraph>
    </Flex>
  );
}

function ResultsBody({ r }: { r: ExperimentResults }) {
  const { t } = useTranslation('experiments');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const client = useQueryClient();
  const e = r.experiment;
  const nameOf = (key: string | null) => r.variants.find((v) => v.key === key)?.name ?? key ?? '';
  const change = useMutation({
    mutationFn: (body: { status: 'stopped' } | { status: 'shipped'; variant: string }) =>
      changeExperimentStatus(e.id, body),
    onSuccess: (x) => {
      void message.success(x.status === 'shipped' ? t('results.shipped') : t('list.stopped'));
      void client.invalidateQueries({ queryKey: ['experiments'] });
    },
    onError: feedback.show,
  });
  const rec = r.recommendation;
  const srmParams = { chi: r.srm.chiSquare.toFixed(2), p: r.srm.pValue.toFixed(4) };
  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex vertical gap={8}>
          <Space wrap>
            <Tag color={STATUS_COLOUR[e.status]}>{t(`status.${e.status}`)}</Tag>
            <Typography.Text type="secondary">
              {e.key} · {t(`units.${e.unit}`)} · {t(`surfaces.${e.surface}`)}
            </Typography.Text>
          </Space>
          <Typography.Text>
            {t('results.hypothesis')}：{e.hypothesis}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('results.window', {
              from: formatDateTime(r.window.from),
              to: formatDateTime(r.window.to),
              preFrom: formatDateTime(r.window.preFrom),
            })}
          </Typography.Text>
        </Flex>
      </Card>

      <Alert
        data-testid="recommendation"
        data-decision={rec.decision}
        type={DECISION_COLOUR[rec.decision]}
        showIcon
        title={`${t('results.recommendation')}：${t(`results.decision.${rec.decision}`)}`}
        description={
          <Flex vertical gap={8}>
            <span>
              {t(`results.reason.${rec.reason}`, {
                variant: nameOf(rec.variant),
                metric: rec.metric ?? '',
                min: r.minUnitsPerVariant,
              })}
            </span>
            {e.status === 'running' || e.status === 'stopped' ? (
              <Space wrap>
                {rec.decision === 'ship' && rec.variant ? (
                  <Popconfirm
                    title={t('results.ship', { variant: nameOf(rec.variant) })}
                    onConfirm={() => rec.variant && change.mutate({ status: 'shipped', variant: rec.variant })}
                  >
                    <Button type="primary" loading={change.isPending}>
                      {t('results.ship', { variant: nameOf(rec.variant) })}
                    </Button>
                  </Popconfirm>
                ) : null}
                {e.status === 'running' ? (
                  <Popconfirm title={t('results.stop')} onConfirm={() => change.mutate({ status: 'stopped' })}>
                    <Button danger loading={change.isPending} data-testid="stop-experiment">
                      {t('results.stop')}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Space>
            ) : null}
          </Flex>
        }
      />

      <Card title={t('results.srmTitle')}>
        <Flex vertical gap={12}>
          <Alert
            data-testid="srm"
            data-mismatch={String(r.srm.mismatch)}
            type={r.srm.mismatch ? 'error' : 'success'}
            showIcon
            title={r.srm.mismatch ? t('results.srmBad', srmParams) : t('results.srmOk', srmParams)}
          />
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={r.variants}
            columns={[
              { title: t('results.variant'), key: 'name', render: (_, v) => `${v.name}（${v.key}）` },
              { title: t('results.weight'), key: 'weight', align: 'right', render: (_, v) => `${v.weight}%` },
              { title: t('results.units'), dataIndex: 'units', align: 'right' },
            ]}
          />
        </Flex>
      </Card>

      {r.metrics.map((m) => (
        <Card
          key={m.name}
          data-testid={`metric-${m.role}`}
          title={
            m.role === 'goal'
              ? t('results.metricGoal', { name: m.name })
              : t('results.metricGuardrail', { name: m.name })
          }
        >
          <Flex vertical gap={12}>
            <Table
              size="small"
              rowKey="variant"
              pagination={false}
              dataSource={m.means}
              columns={[
                { title: t('results.variant'), key: 'variant', render: (_, v) => nameOf(v.variant) },
                { title: t('results.units'), dataIndex: 'units', align: 'right' },
                { title: t('results.mean'), key: 'mean', align: 'right', render: (_, v) => v.mean.toFixed(3) },
              ]}
            />
            {m.comparisons.map((c) => (
              <ComparisonBlock key={c.variant} c={c} variantName={nameOf(c.variant)} />
            ))}
          </Flex>
        </Card>
      ))}

      <Card title={t('results.ruleHeading')}>
        <Flex vertical gap={8}>
          <Typography.Paragraph strong style={{ margin: 0 }}>
            {t('results.ruleTitle')}
          </Typography.Paragraph>
          <Typography.Paragraph style={{ margin: 0 }}>{t('results.explainLift')}</Typography.Paragraph>
          <Typography.Paragraph style={{ margin: 0 }}>{t('results.explainSequential')}</Typography.Paragraph>
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {(['r1', 'r2', 'r3', 'r4', 'r5', 'r6'] as const).map((k) => (
              <li key={k}>{t(`results.rules.${k}`, { min: r.minUnitsPerVariant })}</li>
            ))}
          </ol>
        </Flex>
      </Card>
    </Flex>
  );
}

/** 实验结果: the split check, each metric's lift with its intervals, CUPED, and the recommendation explained. */
export function ExperimentResultsView({ experimentId }: { experimentId: string }) {
  const { t } = useTranslation('experiments');
  const results = useQuery({
    queryKey: ['experiments', experimentId, 'results'],
    queryFn: () => experimentResults(experimentId),
    retry: false,
  });
  const back = <ButtonLink to="/staff/experiments">{t('results.back')}</ButtonLink>;
  if (results.isPending) {
    return (
      <>
        <PageTitle title={t('results.title')} extra={back} />
        <LoadingState />
      </>
    );
  }
  if (results.isError) {
    const notStarted = isApiError(results.error) && results.error.problem?.code === 'EXPERIMENT_NOT_STARTED';
    return (
      <>
        <PageTitle title={t('results.title')} extra={back} />
        {notStarted ? (
          <Alert type="info" showIcon title={t('results.notStarted')} />
        ) : (
          <ErrorState error={results.error} onRetry={() => void results.refetch()} />
        )}
      </>
    );
  }
  return (
    <>
      <PageTitle title={results.data.experiment.name} subtitle={t('results.title')} extra={back} />
      <ResultsBody r={results.data} />
    </>
  );
}
