import { useQuery } from '@tanstack/react-query';
import { type PromiseBreach, type PromiseRow, PublicPromiseBoard, StaffPromiseBoard } from '@zhuhe/contracts';
import { Card, Empty, Flex, Grid, List, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiRequest } from '../../app/api-client';
import { formatDate, formatDateTime } from '../../app/format-date';
import { ErrorState } from '../../app/page-states';

const STATUS_COLOR: Record<PromiseRow['status'], string> = {
  kept: 'success',
  missed: 'error',
  no_data: 'default',
  not_live: 'default',
};

const percent = (value: number) => `${(Math.round(value * 1000) / 10).toLocaleString('zh-CN')}%`;

function Target({ row }: { row: PromiseRow }) {
  const { t } = useTranslation('promises');
  if (row.key === 'slow_alert') return <>≤ {t('unit.seconds', { value: row.target })}</>;
  return <>≥ {percent(row.target)}</>;
}

function Figure({ row }: { row: PromiseRow }) {
  const { t } = useTranslation('promises');
  if (row.figure === null)
    return (
      <Typography.Text type="secondary">{t(`reason.${row.reason ?? 'no_cases'}` as 'reason.no_cases')}</Typography.Text>
    );
  if (row.key === 'slow_alert')
    return (
      <>
        {t('threshold', { value: row.figure })} · {t('alertsOpened', { count: row.cases })}
      </>
    );
  return <>{row.kind === 'clock' ? t('onTime', { value: percent(row.figure) }) : percent(row.figure)}</>;
}

function Trend({ row }: { row: PromiseRow }) {
  const { t } = useTranslation('promises');
  return (
    <Flex wrap gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {row.months.map((m) => {
        const month = `${Number(m.month.slice(5))}月`;
        const shown = row.key === 'slow_alert' ? String(m.cases) : m.figure === null ? '—' : percent(m.figure);
        const color =
          row.key === 'slow_alert' || m.figure === null ? 'default' : m.figure >= row.target ? 'success' : 'error';
        return (
          <li key={m.month}>
            <Tag
              color={color}
              style={{ marginInlineEnd: 0 }}
              title={
                m.cases > 0
                  ? t('monthCases', { month: m.month, figure: shown, count: m.cases })
                  : t('noCases', { month: m.month })
              }
            >
              {month} {shown}
            </Tag>
          </li>
        );
      })}
    </Flex>
  );
}

/** The promises with their figures, status and trend (the public and the staff page show the same table). */
export function PromiseTable({ rows }: { rows: PromiseRow[] }) {
  const { t } = useTranslation('promises');
  const screens = Grid.useBreakpoint();
  // on a phone the eight columns would scroll out of sight: one card per promise instead
  if (!screens.md)
    return (
      <List
        dataSource={rows}
        rowKey="key"
        renderItem={(row) => (
          <List.Item
            key={row.key}
            data-testid="promise-row"
            data-key={row.key}
            data-status={row.status}
            style={{ display: 'block' }}
          >
            <Flex justify="space-between" gap={8} align="flex-start">
              <Typography.Text strong>{t(`promise.${row.key}`)}</Typography.Text>
              <Tag color={STATUS_COLOR[row.status]} data-testid="promise-status" style={{ marginInlineEnd: 0 }}>
                {t(`status.${row.status}`)}
              </Tag>
            </Flex>
            <div>
              {t('columns.target')} <Target row={row} /> · {t('columns.figure')} <Figure row={row} />
            </div>
            <Typography.Text type="secondary">
              {t('columns.cases')} {row.cases} · {t('columns.breaches')}{' '}
              <span data-testid="promise-breaches">{row.breaches}</span>
              {row.median !== null && row.unit
                ? ` · ${t('columns.median')} ${t(`unit.${row.unit}`, { value: row.median })}`
                : ''}
            </Typography.Text>
            <div style={{ marginTop: 4 }}>
              <Trend row={row} />
            </div>
          </List.Item>
        )}
      />
    );
  return (
    <Table<PromiseRow>
      rowKey="key"
      size="middle"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 1180 }}
      onRow={(row) => ({ 'data-testid': 'promise-row', 'data-key': row.key, 'data-status': row.status }) as object}
      columns={[
        { title: t('columns.promise'), key: 'promise', render: (_, row) => t(`promise.${row.key}`), width: 200 },
        { title: t('columns.target'), key: 'target', render: (_, row) => <Target row={row} />, width: 100 },
        { title: t('columns.figure'), key: 'figure', render: (_, row) => <Figure row={row} />, width: 180 },
        {
          title: t('columns.status'),
          key: 'status',
          width: 90,
          render: (_, row) => (
            <Tag color={STATUS_COLOR[row.status]} data-testid="promise-status">
              {t(`status.${row.status}`)}
            </Tag>
          ),
        },
        {
          title: t('columns.median'),
          key: 'median',
          width: 120,
          render: (_, row) => (row.median === null || !row.unit ? '—' : t(`unit.${row.unit}`, { value: row.median })),
        },
        { title: t('columns.cases'), dataIndex: 'cases', width: 70 },
        {
          title: t('columns.breaches'),
          key: 'breaches',
          width: 80,
          render: (_, row) => <span data-testid="promise-breaches">{row.breaches}</span>,
        },
        { title: t('columns.trend'), key: 'trend', width: 300, render: (_, row) => <Trend row={row} /> },
      ]}
    />
  );
}

function ComputedAt({ board }: { board: PublicPromiseBoard }) {
  const { t } = useTranslation('promises');
  return (
    <Typography.Text type="secondary">
      {t('computedAt', { time: formatDateTime(board.computedAt), since: formatDate(board.since) })}
    </Typography.Text>
  );
}

/** 平台承诺 the public summary: figures and trends only. */
export function PublicPromises() {
  const query = useQuery({
    queryKey: ['promises', 'public'],
    queryFn: () => apiRequest('GET', '/api/promises', PublicPromiseBoard),
  });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Flex vertical gap={12}>
      {query.data ? <ComputedAt board={query.data} /> : null}
      <PromiseTable rows={query.data?.rows ?? []} />
    </Flex>
  );
}

/** 承诺看板 for staff: the same figures, and the cases that missed, each with the way to it. */
export function StaffPromises() {
  const { t } = useTranslation('promises');
  const [key, setKey] = useState<PromiseRow['key'] | 'all'>('all');
  const query = useQuery({
    queryKey: ['promises', 'staff'],
    queryFn: () => apiRequest('GET', '/api/staff/promises', StaffPromiseBoard),
  });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const board = query.data;
  const breaches = (board?.breaches ?? []).filter((b) => key === 'all' || b.key === key);
  return (
    <Flex vertical gap={16}>
      {board ? <ComputedAt board={board} /> : null}
      <PromiseTable rows={board?.rows ?? []} />
      <Card
        title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('breaches.title')}</h2>}
        extra={
          <Select
            aria-label={t('breaches.filter')}
            value={key}
            onChange={setKey}
            style={{ minWidth: 200 }}
            options={[
              { value: 'all', label: t('breaches.all') },
              ...(board?.rows ?? [])
                .filter((r) => r.breaches > 0)
                .map((r) => ({ value: r.key, label: `${t(`promise.${r.key}`)}（${r.breaches}）` })),
            ]}
          />
        }
      >
        <Table<PromiseBreach>
          rowKey={(b) => `${b.key}-${b.caseId}`}
          size="small"
          loading={query.isLoading}
          dataSource={breaches}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 820 }}
          locale={{ emptyText: <Empty description={t('breaches.none')} /> }}
          onRow={(b) => ({ 'data-testid': 'promise-breach', 'data-key': b.key }) as object}
          columns={[
            { title: t('columns.promise'), key: 'promise', render: (_, b) => t(`promise.${b.key}`), width: 200 },
            {
              title: t('breaches.case'),
              key: 'case',
              render: (_, b) => (
                <Flex vertical>
                  <Typography.Text type="secondary">{t(`caseKind.${b.caseKind}`)}</Typography.Text>
                  {b.link ? <Link to={b.link}>{b.label}</Link> : <span>{b.label}</span>}
                </Flex>
              ),
            },
            { title: t('breaches.started'), key: 'started', render: (_, b) => formatDateTime(b.startedAt), width: 150 },
            { title: t('breaches.due'), key: 'due', render: (_, b) => formatDateTime(b.dueAt), width: 150 },
            {
              title: t('breaches.ended'),
              key: 'ended',
              width: 150,
              render: (_, b) => (b.endedAt ? formatDateTime(b.endedAt) : <Tag color="error">{t('breaches.open')}</Tag>),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
