import type { MembershipRole } from '@zhuhe/contracts';
import { Button, Popconfirm, Select, Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format-date';
import { ErrorState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { useAuthedMe } from '../identity';
import type { MemberData } from './organisation.api';
import { assignableMemberRoles, canActOnMember } from './organisation.policy';
import { useActiveMembership, useMembers, useRemoveMember, useUpdateMember } from './organisation.queries';

const ROLE_COLOURS: Record<MembershipRole, string> = { owner: 'gold', admin: 'blue', member: 'default' };

/** 组织成员 members of the active organisation; owners and admins change roles and remove members. */
export function MembersTable({ orgId }: { orgId: string }) {
  const { t } = useTranslation(['organisation', 'common']);
  const me = useAuthedMe();
  const actorRole = useActiveMembership()?.membershipRole;
  const { data, isPending, error, refetch } = useMembers(orgId);
  const update = useUpdateMember(orgId);
  const remove = useRemoveMember(orgId);
  const feedback = useErrorFeedback();
  const assignable = assignableMemberRoles(actorRole);

  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;

  const columns: TableColumnsType<MemberData> = [
    {
      title: t('members.name'),
      dataIndex: 'displayName',
      render: (name: string, member) => (
        <span>
          {name} {member.userId === me.user.id ? <Tag>{t('members.you')}</Tag> : null}
        </span>
      ),
    },
    { title: t('members.contact'), dataIndex: 'contact', responsive: ['sm'] },
    {
      title: t('members.role'),
      dataIndex: 'role',
      render: (role: MembershipRole, member) =>
        canActOnMember(actorRole, role, member.userId === me.user.id) ? (
          <Select
            size="small"
            value={role}
            style={{ minWidth: 110 }}
            aria-label={t('members.changeRole', { name: member.displayName })}
            loading={update.isPending && update.variables?.userId === member.userId}
            options={assignable.map((value) => ({ value, label: t(`membershipRoles.${value}`) }))}
            onChange={(next) => update.mutate({ userId: member.userId, role: next }, { onError: feedback.show })}
          />
        ) : (
          <Tag color={ROLE_COLOURS[role]}>{t(`membershipRoles.${role}`)}</Tag>
        ),
    },
    { title: t('members.joinedAt'), dataIndex: 'joinedAt', render: formatDate, responsive: ['md'] },
    {
      title: t('members.actions'),
      key: 'actions',
      render: (_: unknown, member) =>
        canActOnMember(actorRole, member.role, member.userId === me.user.id) ? (
          <Popconfirm
            title={t('members.removeConfirm', { name: member.displayName })}
            okText={t('members.remove')}
            okButtonProps={{ danger: true }}
            cancelText={t('common:actions.cancel')}
            onConfirm={() => remove.mutate(member.userId, { onError: feedback.show })}
          >
            <Button type="link" danger size="small">
              {t('members.remove')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <Table<MemberData>
      rowKey="userId"
      columns={columns}
      dataSource={data}
      loading={isPending}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('members.empty') }}
    />
  );
}
