import { LockOutlined } from '@ant-design/icons';
import type { StaffRole } from '@zhuhe/contracts';
import { Button, Flex, Input, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, isInFuture } from '../../app/format-date';
import type { StaffUserData } from './staff.api';
import { useStaffUsers } from './staff.queries';
import { StaffErrorState } from './staff-error-state';
import { StaffRoleChangeModal } from './staff-role-change-modal';
import { StaffRoleTags } from './staff-role-tags';

/** 用户 platform users, searchable by name, e-mail or mobile; staff roles are changed under dual control. */
export function StaffUsersPanel() {
  const { t } = useTranslation(['staff', 'common']);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<StaffUserData | null>(null);
  const { data, isFetching, error, refetch } = useStaffUsers(query);

  const columns: TableColumnsType<StaffUserData> = [
    {
      title: t('users.name'),
      dataIndex: 'displayName',
      render: (name: string, user) => (
        <Flex gap={6} align="center">
          {name}
          {isInFuture(user.lockedUntil) ? (
            <Tooltip title={t('users.lockedUntil', { at: formatDateTime(user.lockedUntil) })}>
              <LockOutlined style={{ color: '#dc2626' }} />
            </Tooltip>
          ) : null}
        </Flex>
      ),
    },
    { title: t('users.contact'), dataIndex: 'contact' },
    {
      title: t('users.staffRoles'),
      dataIndex: 'staffRoles',
      render: (roles: StaffRole[]) => <StaffRoleTags roles={roles} />,
    },
    {
      title: t('users.totp'),
      dataIndex: 'totpEnabled',
      render: (enabled: boolean) =>
        enabled ? <Tag color="success">{t('users.totpOn')}</Tag> : <Tag>{t('users.totpOff')}</Tag>,
      responsive: ['md'],
    },
    { title: t('users.createdAt'), dataIndex: 'createdAt', render: formatDate, responsive: ['lg'] },
    {
      title: t('users.actions'),
      key: 'actions',
      render: (_: unknown, user) => (
        <Button size="small" onClick={() => setEditing(user)}>
          {t('users.changeRoles')}
        </Button>
      ),
    },
  ];

  if (error) return <StaffErrorState error={error} onRetry={() => void refetch()} />;
  return (
    <Flex vertical gap={16}>
      <Input.Search
        allowClear
        enterButton={t('common:actions.search')}
        placeholder={t('users.searchPlaceholder')}
        onSearch={(value) => setQuery(value.trim())}
        style={{ maxWidth: 480 }}
        maxLength={100}
      />
      <Table<StaffUserData>
        rowKey="id"
        columns={columns}
        dataSource={data}
        loading={isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: query ? t('users.noMatch', { query }) : t('users.empty') }}
      />
      <StaffRoleChangeModal user={editing} onClose={() => setEditing(null)} />
    </Flex>
  );
}
