import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/format-date';
import { useContracts } from './contracts.queries';

const STATUS_COLOR = { negotiating: 'processing', signed: 'success', amending: 'warning' } as const;

export function ContractsTable({ orgId }: { orgId: string }) {
  const { t } = useTranslation('contracts');
  const contracts = useContracts(orgId);
  return (
    <Table
      rowKey="id"
      loading={contracts.isLoading}
      dataSource={contracts.data ?? []}
      locale={{ emptyText: t('list.empty') }}
      scroll={{ x: 720 }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        {
          title: t('list.columns.title'),
          dataIndex: 'title',
          render: (title: string, row) => <Link to={`/workspace/contracts/${row.id}`}>{title}</Link>,
        },
        { title: t('list.columns.kind'), dataIndex: 'kind', render: (kind: 'purchase') => t(`kinds.${kind}`) },
        { title: t('list.columns.counterparty'), render: (_, row) => row.counterparty.orgName },
        {
          title: t('list.columns.status'),
          dataIndex: 'status',
          render: (status: 'signed') => <Tag color={STATUS_COLOR[status]}>{t(`status.${status}`)}</Tag>,
        },
        { title: t('list.columns.version'), dataIndex: 'currentVersion' },
        { title: t('list.columns.amendments'), dataIndex: 'amendmentCount' },
        { title: t('list.columns.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v) },
      ]}
    />
  );
}
