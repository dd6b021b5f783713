import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/format-date';
import type { TenderListData } from './tendering.api';
import { useTenders } from './tendering.queries';

export const STATUS_COLOR: Record<string, string> = {
  draft: 'default',
  open: 'processing',
  closed: 'warning',
  evaluating: 'purple',
  awarding: 'gold',
  awarded: 'success',
  contracted: 'success',
  failed: 'error',
};

export function TendersTable({ orgId, scope }: { orgId: string; scope: 'mine' | 'market' }) {
  const { t } = useTranslation('tendering');
  const tenders = useTenders(orgId, scope);
  return (
    <Table<TenderListData['items'][number]>
      rowKey="id"
      loading={tenders.isLoading}
      dataSource={tenders.data?.items ?? []}
      locale={{ emptyText: t('list.empty') }}
      scroll={{ x: 720 }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        {
          title: t('list.columns.title'),
          dataIndex: 'title',
          render: (title: string, row) => (
            <Link to={`/workspace/tenders/${row.id}`} data-testid="tender-link">
              {title}
            </Link>
          ),
        },
        ...(scope === 'market' ? [{ title: t('list.columns.buyer'), dataIndex: 'orgName' }] : []),
        { title: t('list.columns.mode'), dataIndex: 'mode', render: (m: 'open') => t(`mode.${m}`) },
        {
          title: t('list.columns.status'),
          dataIndex: 'status',
          render: (s: 'open') => <Tag color={STATUS_COLOR[s]}>{t(`status.${s}`)}</Tag>,
        },
        { title: t('list.columns.deadline'), dataIndex: 'deadline', render: (v: string) => formatDateTime(v) },
        ...(scope === 'market'
          ? [
              {
                title: t('list.columns.myBid'),
                dataIndex: 'myBidStatus',
                render: (s: 'submitted' | null) => (s ? t(`myBid.${s}`) : '—'),
              },
            ]
          : []),
      ]}
    />
  );
}
