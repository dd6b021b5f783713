import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Flex, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../app/format-money';
import * as api from './growth.api';
import { growthKeys, Loaded } from './growth-shared';

function kpiValue(unit: 'percent' | 'fen' | 'count', value: number | null): string {
  if (value === null) return '—';
  if (unit === 'percent') return `${value}%`;
  if (unit === 'fen') return formatFen(value);
  return String(value);
}

export function KpiPanel() {
  const { t } = useTranslation('growth');
  const client = useQueryClient();
  const query = useQuery({ queryKey: [...growthKeys.all, 'kpis'], queryFn: api.fetchKpis });
  const refresh = (data: api.KpiBoardData) => client.setQueryData([...growthKeys.all, 'kpis'], data);
  const evaluate = useMutation({ mutationFn: api.evaluateKpis, onSuccess: refresh });
  const done = useMutation({
    mutationFn: (id: string) => api.updateKpiTask(id, { status: 'done' }),
    onSuccess: refresh,
  });
  return (
    <Loaded query={query}>
      {(board) => (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text type="secondary">
              {t('kpis.subtitle', { from: board.periodStart, to: board.periodEnd })}
            </Typography.Text>
            <Flex gap={8} wrap>
              <Button href={`/api/staff/growth/weekly-report.pdf?asOf=${board.periodEnd}`} download>
                {t('kpis.weeklyReport')}
              </Button>
              <Button type="primary" onClick={() => evaluate.mutate()} loading={evaluate.isPending}>
                {t('kpis.evaluate')}
              </Button>
            </Flex>
          </Flex>
          <Typography.Text type="secondary">{t('kpis.weeklyNote')}</Typography.Text>
          <Row gutter={[16, 16]}>
            {board.kpis.map((k) => (
              <Col key={k.key} xs={24} sm={12} lg={8}>
                <Card size="small" data-testid={`kpi-${k.key}`}>
                  <Flex justify="space-between" align="start">
                    <Statistic title={t(`kpis.names.${k.key}`)} value={kpiValue(k.unit, k.actual)} />
                    {k.actual === null ? (
                      <Tag>{t('kpis.noData')}</Tag>
                    ) : k.alerting ? (
                      <Tag color="error">{t('kpis.alert')}</Tag>
                    ) : (
                      <Tag color="success">{t('kpis.ok')}</Tag>
                    )}
                  </Flex>
                  <Typography.Text type="secondary">
                    {t('kpis.baseline')} {kpiValue(k.unit, k.baseline)} · {t('kpis.target')}{' '}
                    {kpiValue(k.unit, k.target)} · {t('kpis.threshold')} {k.direction === 'min' ? '<' : '>'}{' '}
                    {kpiValue(k.unit, k.threshold)}
                  </Typography.Text>
                </Card>
              </Col>
            ))}
          </Row>
          <Card title={t('kpis.tasks')} size="small">
            {board.tasks.length === 0 ? (
              <Empty description={t('kpis.noTasks')} />
            ) : (
              <Table
                data-testid="kpi-tasks"
                size="small"
                rowKey="id"
                pagination={false}
                scroll={{ x: true }}
                dataSource={board.tasks}
                columns={[
                  {
                    title: t('kpis.tasks'),
                    key: 'task',
                    render: (_: unknown, task: (typeof board.tasks)[number]) => {
                      const kpi = board.kpis.find((k) => k.key === task.kpi);
                      const unit = kpi?.unit ?? 'count';
                      return t('kpis.task', {
                        kpi: t(`kpis.names.${task.kpi}`),
                        actual: kpiValue(unit, task.actual),
                        threshold: kpiValue(unit, task.threshold),
                      });
                    },
                  },
                  {
                    title: t('kpis.owner'),
                    dataIndex: 'ownerName',
                    render: (v: string | null, task) =>
                      v ?? (task.ownerUserId ? task.ownerUserId.slice(0, 8) : t('kpis.noOwner')),
                  },
                  {
                    title: t('kpis.statusLabel'),
                    dataIndex: 'status',
                    render: (s: 'open' | 'done') => (
                      <Tag color={s === 'open' ? 'warning' : 'default'}>{t(`kpis.status.${s}`)}</Tag>
                    ),
                  },
                  {
                    title: '',
                    key: 'actions',
                    render: (_: unknown, task: (typeof board.tasks)[number]) =>
                      task.status === 'open' ? (
                        <Button size="small" onClick={() => done.mutate(task.id)}>
                          {t('kpis.markDone')}
                        </Button>
                      ) : null,
                  },
                ]}
              />
            )}
          </Card>
        </Space>
      )}
    </Loaded>
  );
}
