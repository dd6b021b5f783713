import { useQuery } from '@tanstack/react-query';
import {
  type DependencyHealth,
  type OpsAlert,
  type OpsBreaker,
  OpsStatus,
  type ReadReplicaHealth,
} from '@zhuhe/contracts';
import { Alert, Button, Card, Col, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../../app/api-client';
import { formatDateTime } from '../../app/format-date';
import { ErrorState } from '../../app/page-states';

const STATE_COLOR: Record<DependencyHealth['state'], string> = { ok: 'success', degraded: 'warning', down: 'error' };
const BREAKER_COLOR: Record<OpsBreaker['state'], string> = { closed: 'success', open: 'error', half_open: 'warning' };
// no replica is a setup choice, not a fault: grey, not red
const REPLICA_COLOR: Record<ReadReplicaHealth['state'], string> = {
  not_configured: 'default',
  ok: 'success',
  lagging: 'warning',
  unreachable: 'error',
};
const ms = (value: number | null) => (value === null ? '—' : value.toLocaleString());

/** 运行状态 for admins and technical support: the window's response times, dependencies and alerts. */
export function StatusBoard() {
  const { t } = useTranslation('monitoring');
  const query = useQuery({
    queryKey: ['staff', 'status'],
    queryFn: () => apiRequest('GET', '/api/staff/status', OpsStatus),
    refetchInterval: 30_000,
  });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  const open = d?.alerts.filter((a) => a.status === 'open') ?? [];
  const traffic: [string, string][] = [
    ['requests', d ? d.traffic.requests.toLocaleString() : '—'],
    ['errors', d ? d.traffic.serverErrors.toLocaleString() : '—'],
    ['p50', d ? ms(d.traffic.p50Ms) : '—'],
    ['p95', d ? ms(d.traffic.p95Ms) : '—'],
    ['p99', d ? ms(d.traffic.p99Ms) : '—'],
  ];
  return (
    <Flex vertical gap={16}>
      {open.length > 0 ? (
        <Alert
          type="error"
          showIcon
          message={t('openBanner', { count: open.length })}
          data-testid="status-open-alerts"
        />
      ) : null}
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary" data-testid="status-checked">
          {d ? t('checkedAt', { time: formatDateTime(d.checkedAt) }) : null}
        </Typography.Text>
        <Button onClick={() => void query.refetch()} loading={query.isFetching}>
          {t('refresh')}
        </Button>
      </Flex>
      <Card title={t('traffic.title')} size="small" loading={query.isPending}>
        <Row gutter={[12, 12]}>
          {traffic.map(([key, value]) => (
            <Col key={key} xs={12} sm={8} lg={4}>
              <Statistic
                title={t(`traffic.${key}` as 'traffic.p95')}
                value={value}
                suffix={key.startsWith('p') && value !== '—' ? t('traffic.ms') : undefined}
                data-testid={`status-${key}`}
              />
            </Col>
          ))}
        </Row>
        {d ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('traffic.rule', {
              seconds: d.thresholds.slowSeconds,
              rate: d.thresholds.errorRatePct,
              min: d.thresholds.minRequests,
            })}
          </Typography.Paragraph>
        ) : null}
      </Card>
      <Card title={t('dependencies.title')} size="small" loading={query.isPending}>
        <Row gutter={[12, 12]}>
          {(d?.dependencies ?? []).map((dep) => (
            <Col key={dep.name} xs={24} sm={12} lg={6}>
              <Card size="small" data-testid={`dependency-${dep.name}`}>
                <Flex justify="space-between" align="center" gap={8}>
                  <Typography.Text strong>{t(`dependencies.${dep.name}`)}</Typography.Text>
                  <Tag color={STATE_COLOR[dep.state]}>{t(`state.${dep.state}`)}</Tag>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {Object.entries(dep.figures)
                    .filter(([, value]) => value !== null)
                    .map(([key, value]) => t(`figures.${key}` as 'figures.due', { value }))
                    .join(' · ')}
                </Typography.Text>
              </Card>
            </Col>
          ))}
          {d ? (
            <Col xs={24} sm={12} lg={6}>
              <Card size="small" data-testid="dependency-read_replica">
                <Flex justify="space-between" align="center" gap={8}>
                  <Typography.Text strong>{t('dependencies.read_replica')}</Typography.Text>
                  <Tag color={REPLICA_COLOR[d.readReplica.state]}>{t(`replicaState.${d.readReplica.state}`)}</Tag>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {d.readReplica.lagSeconds === null ? null : t('replica.lag', { value: d.readReplica.lagSeconds })}
                </Typography.Text>
              </Card>
            </Col>
          ) : null}
        </Row>
        {d ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('replica.rule', { seconds: d.readReplica.lagLimitSeconds })}
          </Typography.Paragraph>
        ) : null}
      </Card>
      <Card title={t('breakers.title')} size="small" loading={query.isPending}>
        <Row gutter={[12, 12]}>
          {(d?.breakers ?? []).map((b) => (
            <Col key={b.name} xs={24} sm={12} lg={8}>
              <Card size="small" data-testid={`breaker-${b.name}`}>
                <Flex justify="space-between" align="center" gap={8}>
                  <Typography.Text strong>{t(`breakers.${b.name}`)}</Typography.Text>
                  <Tag color={BREAKER_COLOR[b.state]}>{t(`breakerState.${b.state}`)}</Tag>
                </Flex>
                <Flex vertical style={{ fontSize: 13 }}>
                  <Typography.Text type="secondary">
                    {[
                      t('breakers.timeout', { value: b.timeoutMs.toLocaleString() }),
                      b.queued === null ? null : t('breakers.queued', { value: b.queued }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {t('breakers.window', {
                      calls: b.calls,
                      failures: b.failures,
                      timeouts: b.timeouts,
                      rejects: b.rejects,
                    })}
                  </Typography.Text>
                  {b.openedAt ? (
                    <Typography.Text type="danger">
                      {t('breakers.openedAt', { time: formatDateTime(b.openedAt) })}
                    </Typography.Text>
                  ) : null}
                  {b.lastFailureAt ? (
                    <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
                      {t('breakers.lastFailure', { time: formatDateTime(b.lastFailureAt), error: b.lastError ?? '' })}
                    </Typography.Text>
                  ) : null}
                </Flex>
              </Card>
            </Col>
          ))}
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('breakers.rule')}
        </Typography.Paragraph>
      </Card>
      <Card title={t('alerts.title')} size="small">
        <Table<OpsAlert>
          rowKey="id"
          size="small"
          loading={query.isPending}
          dataSource={d?.alerts ?? []}
          locale={{ emptyText: t('alerts.empty') }}
          pagination={false}
          scroll={{ x: 760 }}
          onRow={() => ({ 'data-testid': 'status-alert' }) as object}
          columns={[
            { title: t('alerts.kind'), dataIndex: 'kind', width: 120, render: (k: OpsAlert['kind']) => t(`kind.${k}`) },
            {
              title: t('alerts.status'),
              dataIndex: 'status',
              width: 90,
              render: (s: OpsAlert['status']) => (
                <Tag color={s === 'open' ? 'error' : 'default'}>{t(`alertStatus.${s}`)}</Tag>
              ),
            },
            { title: t('alerts.openedAt'), dataIndex: 'openedAt', width: 150, render: formatDateTime },
            { title: t('alerts.resolvedAt'), dataIndex: 'resolvedAt', width: 150, render: formatDateTime },
            {
              title: t('alerts.seen'),
              key: 'seen',
              render: (_, a) =>
                t('alerts.seenValue', { p95: ms(a.p95Ms), rate: a.errorRatePct ?? 0, requests: a.requests }),
            },
            {
              title: t('alerts.notified'),
              dataIndex: 'notified',
              width: 90,
              render: (count: number) => t('alerts.notifiedCount', { count }),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
