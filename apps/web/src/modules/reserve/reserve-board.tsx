import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ReserveClaim, ReserveOverview, StaffOrganisationList } from '@zhuhe/contracts';
import {
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Statistic,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { apiRequest } from '../../app/api-client';
import { formatDateTime } from '../../app/format-date';
import { formatFen } from '../../app/format-money';
import { ErrorState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';

type Claim = z.infer<typeof ReserveClaim>;
const KEY = ['reserve', 'overview'];
const STATUS_COLOR: Record<Claim['status'], string> = {
  pending: 'processing',
  paid: 'success',
  partially_recovered: 'warning',
  recovered: 'default',
  rejected: 'error',
};
const toFen = (yuan: number) => Math.round(yuan * 100);

function OpenClaimModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('reserve');
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const client = useQueryClient();
  const orgs = useQuery({
    queryKey: ['staff', 'organisations'],
    queryFn: () => apiRequest('GET', '/api/staff/organisations', StaffOrganisationList),
    enabled: open,
  });
  const submit = useMutation({
    mutationFn: (body: { orgId: string; cause: string; lossFen: number; amountFen: number }) =>
      apiRequest('POST', '/api/staff/reserve/claims', ReserveClaim, { body }),
    onSuccess: () => {
      void message.success(t('form.opened'));
      void client.invalidateQueries({ queryKey: KEY });
      onClose();
    },
    onError: (error) => feedback.showOnForm(form, error, { fields: ['orgId', 'cause', 'lossFen', 'amountFen'] }),
  });
  return (
    <Modal
      open={open}
      title={t('open')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('form.submit')}
      confirmLoading={submit.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        // the money fields hold yuan under the fen names, so the server's issues land on them
        onFinish={(v: { orgId: string; cause: string; lossFen: number; amountFen: number }) =>
          submit.mutate({ orgId: v.orgId, cause: v.cause, lossFen: toFen(v.lossFen), amountFen: toFen(v.amountFen) })
        }
      >
        <Form.Item name="orgId" label={t('form.org')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={orgs.isPending}
            data-testid="reserve-claim-org"
            options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item name="cause" label={t('form.cause')} rules={[{ required: true, min: 2, max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} data-testid="reserve-claim-cause" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="lossFen" label={t('form.loss')} rules={[{ required: true }]} style={{ flex: '1 1 140px' }}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} data-testid="reserve-claim-loss" />
          </Form.Item>
          <Form.Item
            name="amountFen"
            label={t('form.amount')}
            rules={[{ required: true }]}
            style={{ flex: '1 1 140px' }}
          >
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} data-testid="reserve-claim-amount" />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}

function RecoveryModal({ claim, onClose }: { claim: Claim | null; onClose: () => void }) {
  const { t } = useTranslation('reserve');
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const client = useQueryClient();
  const submit = useMutation({
    mutationFn: (body: { amountFen: number; source: string; note?: string }) =>
      apiRequest('POST', `/api/staff/reserve/claims/${claim?.id}/recoveries`, ReserveClaim, { body }),
    onSuccess: () => {
      void message.success(t('recovery.done'));
      void client.invalidateQueries({ queryKey: KEY });
      onClose();
    },
    onError: feedback.show,
  });
  return (
    <Modal
      open={claim !== null}
      title={`${t('recover')} · ${claim?.claimNo ?? ''}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={submit.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v: { amount: number; source: string; note?: string }) =>
          submit.mutate({ amountFen: toFen(v.amount), source: v.source, ...(v.note ? { note: v.note } : {}) })
        }
      >
        <Form.Item name="amount" label={t('recovery.amount')} rules={[{ required: true }]}>
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="source" label={t('recovery.source')} rules={[{ required: true, min: 2, max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="note" label={t('recovery.note')}>
          <Input maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 风险准备金看板 the reserve's figures and every claim, with the checker's and the recovery actions. */
export function ReserveBoard() {
  const { t } = useTranslation('reserve');
  const { message, modal } = App.useApp();
  const feedback = useErrorFeedback();
  const client = useQueryClient();
  const [opening, setOpening] = useState(false);
  const [recovering, setRecovering] = useState<Claim | null>(null);
  const query = useQuery({ queryKey: KEY, queryFn: () => apiRequest('GET', '/api/staff/reserve', ReserveOverview) });
  const decide = useMutation({
    mutationFn: (d: { claim: Claim; verb: 'approve' | 'reject'; reason?: string }) =>
      apiRequest('POST', `/api/staff/reserve/claims/${d.claim.id}/${d.verb}`, ReserveClaim, {
        body: d.reason ? { reason: d.reason } : {},
      }),
    onSuccess: (_, d) => {
      void message.success(d.verb === 'approve' ? t('approved') : t('rejected'));
      void client.invalidateQueries({ queryKey: KEY });
    },
    onError: feedback.show,
  });
  const askReject = (claim: Claim) => {
    let reason = '';
    modal.confirm({
      title: `${t('reject')} · ${claim.claimNo}`,
      content: <Input.TextArea rows={3} placeholder={t('rejectReason')} onChange={(e) => (reason = e.target.value)} />,
      onOk: () => decide.mutateAsync({ claim, verb: 'reject', reason }),
    });
  };
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  const figures: [string, number | undefined][] = [
    ['balance', d?.balanceFen],
    ['provisioned', d?.provisionedFen],
    ['paidOut', d?.paidOutFen],
    ['recovered', d?.recoveredFen],
    ['pending', d?.pendingFen],
  ];
  return (
    <Flex vertical gap={16}>
      <Row gutter={[12, 12]}>
        {figures.map(([key, value]) => (
          <Col key={key} xs={12} md={8} lg={4}>
            <Card size="small" loading={query.isPending}>
              <Statistic
                title={t(`figures.${key}` as 'figures.balance')}
                value={formatFen(value)}
                data-testid={`reserve-${key}`}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        title={t('title')}
        extra={
          <Button type="primary" onClick={() => setOpening(true)} data-testid="reserve-open">
            {t('open')}
          </Button>
        }
      >
        <Table<Claim>
          rowKey="id"
          size="small"
          loading={query.isPending}
          dataSource={d?.claims ?? []}
          locale={{ emptyText: t('empty') }}
          scroll={{ x: 900 }}
          onRow={(c) => ({ 'data-testid': `claim-${c.claimNo}` }) as object}
          columns={[
            { title: t('columns.claimNo'), dataIndex: 'claimNo', width: 120 },
            { title: t('columns.org'), dataIndex: 'orgName' },
            { title: t('columns.cause'), dataIndex: 'cause', ellipsis: true },
            {
              title: t('columns.amount'),
              render: (_, c) => `${formatFen(c.amountFen)} / ${formatFen(c.lossFen)}`,
            },
            { title: t('columns.recovered'), render: (_, c) => formatFen(c.recoveredFen) },
            {
              title: t('columns.status'),
              render: (_, c) => (
                <Tag color={STATUS_COLOR[c.status]} data-testid="claim-status">
                  {t(`status.${c.status}`)}
                </Tag>
              ),
            },
            {
              title: t('columns.people'),
              render: (_, c) => (
                <span title={formatDateTime(c.decidedAt ?? c.openedAt)}>
                  {c.openedBy} / {c.decidedBy ?? '—'}
                </span>
              ),
            },
            {
              title: t('columns.actions'),
              render: (_, c) =>
                c.status === 'pending' ? (
                  <Flex gap={4} wrap>
                    <Button
                      size="small"
                      type="primary"
                      loading={decide.isPending}
                      onClick={() => decide.mutate({ claim: c, verb: 'approve' })}
                      data-testid="claim-approve"
                    >
                      {t('approve')}
                    </Button>
                    <Button size="small" danger onClick={() => askReject(c)}>
                      {t('reject')}
                    </Button>
                  </Flex>
                ) : c.status === 'paid' || c.status === 'partially_recovered' ? (
                  <Button size="small" onClick={() => setRecovering(c)}>
                    {t('recover')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <OpenClaimModal open={opening} onClose={() => setOpening(false)} />
      <RecoveryModal claim={recovering} onClose={() => setRecovering(null)} />
    </Flex>
  );
}
