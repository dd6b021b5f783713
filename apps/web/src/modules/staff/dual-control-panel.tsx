import {
  Alert,
  Button,
  Flex,
  Form,
  Input,
  Modal,
  Segmented,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format-date';
import { useBilingual } from '../../app/language';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { useAuthedMe } from '../identity';
import type { DualControlRequestData } from './staff.api';
import { useDecideDualControl, useDualControlRequests } from './staff.queries';
import { StaffErrorState } from './staff-error-state';

type Decision = 'approve' | 'reject';
type StatusFilter = 'pending' | 'all';

const STATUS_COLOURS: Record<DualControlRequestData['status'], string> = {
  pending: 'processing',
  executed: 'success',
  rejected: 'default',
};

interface DecisionTarget {
  request: DualControlRequestData;
  decision: Decision;
}

function DecideModal({ target, onClose }: { target: DecisionTarget | null; onClose: () => void }) {
  const { t } = useTranslation('staff');
  const bilingual = useBilingual();
  const [form] = Form.useForm<{ reason?: string }>();
  const decide = useDecideDualControl();
  const feedback = useErrorFeedback();

  const onFinish = ({ reason }: { reason?: string }) => {
    if (!target) return;
    decide.mutate(
      { requestId: target.request.id, decision: target.decision, body: { reason: reason?.trim() || undefined } },
      {
        onSuccess: () => {
          form.resetFields();
          onClose();
        },
        onError: feedback.show,
      },
    );
  };

  const approving = target?.decision === 'approve';
  return (
    <Modal
      open={target !== null}
      title={approving ? t('dualControl.approveTitle') : t('dualControl.rejectTitle')}
      okText={approving ? t('dualControl.approve') : t('dualControl.reject')}
      okButtonProps={{ danger: !approving }}
      confirmLoading={decide.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {target ? <Typography.Paragraph strong>{bilingual(target.request.summary)}</Typography.Paragraph> : null}
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="reason"
          label={approving ? t('dualControl.reasonOptional') : t('dualControl.reason')}
          rules={[
            { max: 500, message: t('dualControl.reasonTooLong') },
            ...(approving ? [] : [{ required: true, whitespace: true, message: t('dualControl.reasonRequired') }]),
          ]}
        >
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 3 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 双人复核 sensitive staff actions waiting for a second staff admin; the requester cannot approve their own. */
export function DualControlPanel() {
  const { t } = useTranslation('staff');
  const bilingual = useBilingual();
  const me = useAuthedMe();
  const [filter, setFilter] = useState<StatusFilter>('pending');
  const [target, setTarget] = useState<DecisionTarget | null>(null);
  const { data, isPending, error, refetch } = useDualControlRequests();
  if (error) return <StaffErrorState error={error} onRetry={() => void refetch()} />;

  const rows = (data ?? []).filter((request) => filter === 'all' || request.status === 'pending');
  const columns: TableColumnsType<DualControlRequestData> = [
    {
      title: t('dualControl.summary'),
      key: 'summary',
      render: (_: unknown, request) => (
        <Flex vertical>
          <Typography.Text>{bilingual(request.summary)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
            {request.action}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('dualControl.status'),
      dataIndex: 'status',
      render: (status: DualControlRequestData['status']) => (
        <Tag color={STATUS_COLOURS[status]}>{t(`dualControl.statuses.${status}`)}</Tag>
      ),
    },
    {
      title: t('dualControl.requestedBy'),
      key: 'requestedBy',
      render: (_: unknown, request) => (
        <Flex vertical>
          <span>{request.requestedBy.displayName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(request.createdAt)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('dualControl.decidedBy'),
      key: 'decidedBy',
      responsive: ['md'],
      render: (_: unknown, request) =>
        request.decidedBy ? (
          <Flex vertical>
            <span>{request.decidedBy.displayName}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(request.decidedAt)}
            </Typography.Text>
            {request.reason ? <Typography.Text type="secondary">{request.reason}</Typography.Text> : null}
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      title: t('dualControl.actions'),
      key: 'actions',
      render: (_: unknown, request) => {
        if (request.status !== 'pending') return null;
        const own = request.requestedBy.id === me.user.id;
        return (
          <Flex gap={8}>
            <Tooltip title={own ? t('dualControl.ownRequest') : undefined}>
              <Button
                type="primary"
                size="small"
                disabled={own}
                onClick={() => setTarget({ request, decision: 'approve' })}
              >
                {t('dualControl.approve')}
              </Button>
            </Tooltip>
            <Button size="small" danger onClick={() => setTarget({ request, decision: 'reject' })}>
              {t('dualControl.reject')}
            </Button>
          </Flex>
        );
      },
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Alert type="info" showIcon title={t('dualControl.explainTitle')} description={t('dualControl.explain')} />
      <Segmented<StatusFilter>
        value={filter}
        onChange={setFilter}
        options={[
          { value: 'pending', label: t('dualControl.filterPending') },
          { value: 'all', label: t('dualControl.filterAll') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <Table<DualControlRequestData>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={isPending}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: filter === 'pending' ? t('dualControl.emptyPending') : t('dualControl.empty') }}
      />
      <DecideModal target={target} onClose={() => setTarget(null)} />
    </Flex>
  );
}
