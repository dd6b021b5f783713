import { BusinessRole } from '@zhuhe/contracts';
import { Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format-date';
import type { StaffOrganisationData } from './staff.api';
import { useStaffOrganisations } from './staff.queries';
import { StaffErrorState } from './staff-error-state';

/** 组织 every organisation on the platform. */
export function StaffOrganisationsPanel() {
  const { t } = useTranslation(['staff', 'organisation']);
  const { data, isPending, error, refetch } = useStaffOrganisations();
  if (error) return <StaffErrorState error={error} onRetry={() => void refetch()} />;

  const columns: TableColumnsType<StaffOrganisationData> = [
    { title: t('organisations.name'), dataIndex: 'name' },
    {
      title: t('organisations.creditCode'),
      dataIndex: 'creditCode',
      render: (code: string) => <span style={{ fontFamily: 'monospace' }}>{code}</span>,
    },
    {
      title: t('organisations.businessRoles'),
      dataIndex: 'businessRoles',
      render: (roles: string[]) =>
        roles.map((role) => {
          const known = BusinessRole.safeParse(role);
          return <Tag key={role}>{known.success ? t(`organisation:roles.${known.data}`) : role}</Tag>;
        }),
    },
    {
      title: t('organisations.regionCode'),
      dataIndex: 'regionCode',
      render: (code: string | null) => code ?? '—',
      responsive: ['md'],
    },
    { title: t('organisations.memberCount'), dataIndex: 'memberCount', align: 'right' },
    { title: t('organisations.createdAt'), dataIndex: 'createdAt', render: formatDate, responsive: ['md'] },
  ];

  return (
    <Table<StaffOrganisationData>
      rowKey="id"
      columns={columns}
      dataSource={data}
      loading={isPending}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('organisations.empty') }}
    />
  );
}
