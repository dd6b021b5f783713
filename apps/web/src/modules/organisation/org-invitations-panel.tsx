import { SendOutlined } from '@ant-design/icons';
import { LoginIdentifier } from '@zhuhe/contracts';
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Popconfirm,
  Select,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { contractRule } from '../../app/contract-rule';
import { formatDateTime } from '../../app/format-date';
import { ErrorState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { InvitationStatusTag } from './invitation-status-tag';
import type { CreateInvitationInput, InvitationData } from './organisation.api';
import { useCreateInvitation, useOrgInvitations, useRevokeInvitation } from './organisation.queries';

const INVITABLE_ROLES = ['member', 'admin'] as const;

function InviteForm({ orgId }: { orgId: string }) {
  const { t } = useTranslation(['organisation', 'common']);
  const [form] = Form.useForm<CreateInvitationInput>();
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const create = useCreateInvitation(orgId);

  const onFinish = (values: CreateInvitationInput) =>
    create.mutate(
      { identifier: values.identifier.trim(), role: values.role },
      {
        onSuccess: (invitation) => {
          message.success(t('invitations.sent', { identifier: invitation.identifier }));
          form.resetFields();
        },
        onError: (error) =>
          feedback.showOnForm(form, error, {
            fields: ['identifier', 'role'],
            codeFields: { INVITATION_PENDING: 'identifier', ALREADY_MEMBER: 'identifier' },
          }),
      },
    );

  return (
    <Form<CreateInvitationInput>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ role: 'member' }}
      onFinish={onFinish}
    >
      <Flex gap={12} wrap align="flex-start">
        <Form.Item
          name="identifier"
          label={t('invitations.identifier')}
          style={{ flex: '1 1 260px', marginBottom: 12 }}
          validateTrigger="onBlur"
          rules={[
            { required: true, whitespace: true, message: t('invitations.identifierRequired') },
            contractRule(LoginIdentifier, 'IDENTIFIER_INVALID'),
          ]}
        >
          <Input placeholder={t('invitations.identifierPlaceholder')} />
        </Form.Item>
        <Form.Item name="role" label={t('invitations.role')} style={{ flex: '0 0 140px', marginBottom: 12 }}>
          <Select options={INVITABLE_ROLES.map((value) => ({ value, label: t(`membershipRoles.${value}`) }))} />
        </Form.Item>
        <Form.Item label=" " colon={false} style={{ marginBottom: 12 }}>
          <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={create.isPending}>
            {t('invitations.send')}
          </Button>
        </Form.Item>
      </Flex>
    </Form>
  );
}

/** 邀请 invitations of the active organisation: invite by e-mail or mobile, list, revoke pending ones. */
export function OrgInvitationsPanel({ orgId }: { orgId: string }) {
  const { t } = useTranslation(['organisation', 'common']);
  const { data, isPending, error, refetch } = useOrgInvitations(orgId);
  const revoke = useRevokeInvitation(orgId);
  const feedback = useErrorFeedback();

  const columns: TableColumnsType<InvitationData> = [
    { title: t('invitations.identifier'), dataIndex: 'identifier' },
    {
      title: t('invitations.role'),
      dataIndex: 'role',
      render: (role: InvitationData['role']) => t(`membershipRoles.${role}`),
    },
    {
      title: t('invitations.status'),
      dataIndex: 'status',
      render: (status: InvitationData['status']) => <InvitationStatusTag status={status} />,
    },
    { title: t('invitations.invitedBy'), dataIndex: 'invitedBy', responsive: ['md'] },
    { title: t('invitations.createdAt'), dataIndex: 'createdAt', render: formatDateTime, responsive: ['lg'] },
    { title: t('invitations.expiresAt'), dataIndex: 'expiresAt', render: formatDateTime, responsive: ['sm'] },
    {
      title: t('invitations.actions'),
      key: 'actions',
      render: (_: unknown, invitation) =>
        invitation.status === 'pending' ? (
          <Popconfirm
            title={t('invitations.revokeConfirm', { identifier: invitation.identifier })}
            okText={t('invitations.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('common:actions.cancel')}
            onConfirm={() => revoke.mutate(invitation.id, { onError: feedback.show })}
          >
            <Button type="link" danger size="small">
              {t('invitations.revoke')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Card title={t('invitations.newTitle')}>
        <Typography.Paragraph type="secondary">{t('invitations.newHint')}</Typography.Paragraph>
        <InviteForm orgId={orgId} />
      </Card>
      <Card title={t('invitations.listTitle')}>
        {error ? (
          <ErrorState error={error} onRetry={() => void refetch()} />
        ) : (
          <Table<InvitationData>
            rowKey="id"
            columns={columns}
            dataSource={data}
            loading={isPending}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('invitations.empty') }}
          />
        )}
      </Card>
    </Flex>
  );
}
