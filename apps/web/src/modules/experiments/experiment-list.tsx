import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Experiment, ExperimentStatus } from '@zhuhe/contracts';
import { App, Button, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/format-date';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { changeExperimentStatus, listExperiments } from './experiments.api';

export const STATUS_COLOUR: Record<ExperimentStatus, string> = {
  draft: 'default',
  running: 'processing',
  stopped: 'warning',
  shipped: 'success',
};

/** 实验列表: every experiment with its status and exposed units; start a draft, stop a running one. */
export function ExperimentListView() {
  const { t } = useTranslation('experiments');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['experiments'], queryFn: listExperiments });
  const change = useMutation({
    mutationFn: (v: { id: string; status: 'running' | 'stopped' }) =>
      changeExperimentStatus(v.id, { status: v.status }),
    onSuccess: (e) => {
      void message.success(e.status === 'running' ? t('list.started') : t('list.stopped'));
      void client.invalidateQueries({ queryKey: ['experiments'] });
    },
    onError: feedback.show,
  });
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Table<Experiment>
      data-testid="experiments-table"
      rowKey="id"
      size="small"
      dataSource={list.data.items}
      scroll={{ x: 860 }}
      pagination={false}
      locale={{ emptyText: t('list.empty') }}
      columns={[
        {
          title: t('list.name'),
          key: 'name',
          render: (_, e) => (
            <Space direction="vertical" size={0}>
              <Link to={`/staff/experiments/${e.id}`}>{e.name}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.key}
              </Typography.Text>
            </Space>
          ),
        },
        { title: t('list.unit'), key: 'unit', render: (_, e) => t(`units.${e.unit}`) },
        { title: t('list.surface'), key: 'surface', render: (_, e) => t(`surfaces.${e.surface}`) },
        {
          title: t('list.status'),
          key: 'status',
          render: (_, e) => <Tag color={STATUS_COLOUR[e.status]}>{t(`status.${e.status}`)}</Tag>,
        },
        { title: t('list.units'), dataIndex: 'units', align: 'right' },
        { title: t('list.startedAt'), key: 'startedAt', render: (_, e) => formatDateTime(e.startedAt) },
        {
          title: t('list.actions'),
          key: 'actions',
          render: (_, e) => (
            <Space wrap>
              {e.status === 'draft' ? (
                <Button
                  size="small"
                  type="primary"
                  loading={change.isPending}
                  onClick={() => change.mutate({ id: e.id, status: 'running' })}
                  aria-label={`${t('list.start')} ${e.name}`}
                >
                  {t('list.start')}
                </Button>
              ) : null}
              {e.status === 'running' ? (
                <Button
                  size="small"
                  danger
                  loading={change.isPending}
                  onClick={() => change.mutate({ id: e.id, status: 'stopped' })}
                  aria-label={`${t('list.stop')} ${e.name}`}
                >
                  {t('list.stop')}
                </Button>
              ) : null}
              {e.status !== 'draft' ? <Link to={`/staff/experiments/${e.id}`}>{t('list.results')}</Link> : null}
            </Space>
          ),
        },
      ]}
    />
  );
}
