import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  FeeCharge,
  FeeScheduleChangeRequested,
  IssuedReceipts,
  StaffFeesOverview,
  StaffOrganisationList,
} from '@zhuhe/contracts';
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
  Progress,
  Row,
  Select,
  Statistic,
  Table,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../../app/api-client';
import { formatDateTime } from '../../app/format-date';
import { useBilingual } from '../../app/language';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { ChargesTable, ReceiptsTable, ScheduleTable } from './fees-tables';

const KEY = ['fees', 'staff'];
type Overview = StaffFeesOverview;

function ScheduleModal({
  current,
  open,
  onClose,
}: {
  current: Overview['schedule'];
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('fees');
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const submit = useMutation({
    mutationFn: (body: unknown) => apiRequest('POST', '/api/staff/fees/schedule', FeeScheduleChangeRequested, { body }),
    onSuccess: () => {
      void message.success(t('schedule.requested'));
      onClose();
    },
    onError: feedback.show,
  });
  return (
    <Modal
      open={open}
      title={t('schedule.change')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={submit.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          items: JSON.stringify(current.items, null, 2),
          seedUserLimit: current.seedUserLimit,
          effectiveFrom: new Date().toISOString().slice(0, 10),
        }}
        onFinish={(v: { items: string; seedUserLimit: number; effectiveFrom: string; note?: string }) => {
          let items: unknown;
          try {
            items = JSON.parse(v.items);
          } catch {
            return void message.error(t('schedule.invalidJson'));
          }
          submit.mutate({ ...v, items, ...(v.note ? { note: v.note } : { note: undefined }) });
        }}
      >
        <Form.Item name="items" label={t('schedule.items')} rules={[{ required: true }]}>
          <Input.TextArea rows={10} style={{ fontFamily: 'monospace', fontSize: 12 }} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="seedUserLimit" label={t('schedule.seedLimit')} rules={[{ required: true }]}>
            <InputNumber min={0} precision={0} />
          </Form.Item>
          <Form.Item name="effectiveFrom" label={t('schedule.effective')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
        </Flex>
        <Form.Item name="note" label={t('schedule.note')}>
          <Input maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ChargeForm({ overview }: { overview: Overview }) {
  const { t } = useTranslation('fees');
  const bilingual = useBilingual();
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const client = useQueryClient();
  const orgs = useQuery({
    queryKey: ['staff', 'organisations'],
    queryFn: () => apiRequest('GET', '/api/staff/organisations', StaffOrganisationList),
  });
  const submit = useMutation({
    mutationFn: (body: unknown) => apiRequest('POST', '/api/staff/fees/charges', FeeCharge, { body }),
    onSuccess: () => {
      void message.success(t('charge.done'));
      form.resetFields();
      void client.invalidateQueries({ queryKey: KEY });
    },
    onError: (error) =>
      feedback.showOnForm(form, error, { fields: ['orgId', 'itemCode', 'quantity', 'baseFen', 'description'] }),
  });
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ quantity: 1 }}
      onFinish={(v: { orgId: string; itemCode: string; quantity: number; baseFen?: number; description: string }) =>
        submit.mutate({
          ...v,
          baseFen: v.baseFen ? Math.round(v.baseFen * 100) : undefined,
          reference: `manual:${crypto.randomUUID()}`,
        })
      }
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="orgId" label={t('charge.org')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={orgs.isPending}
              options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="itemCode" label={t('charge.item')} rules={[{ required: true }]}>
            <Select
              options={overview.schedule.items
                .filter((i) => i.code !== 'escrow_service')
                .map((i) => ({ value: i.code, label: bilingual(i.name) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="quantity" label={t('charge.quantity')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="baseFen" label={t('charge.base')}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="description" label={t('charge.description')} rules={[{ required: true, min: 2, max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        {t('charge.submit')}
      </Button>
    </Form>
  );
}

function IssueReceipts() {
  const { t } = useTranslation('fees');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const client = useQueryClient();
  const now = new Date();
  const [period, setPeriod] = useState(
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7),
  );
  const issue = useMutation({
    mutationFn: () => apiRequest('POST', '/api/staff/fees/receipts', IssuedReceipts, { body: { period } }),
    onSuccess: (r) => {
      void message.success(t('receipts.issued', { count: r.items.length }));
      void client.invalidateQueries({ queryKey: KEY });
    },
    onError: feedback.show,
  });
  return (
    <Flex gap={8} wrap align="center">
      <Input type="month" value={period} onChange={(e) => setPeriod(e.target.value)} style={{ width: 160 }} />
      <Button onClick={() => issue.mutate()} loading={issue.isPending}>
        {t('receipts.issue')}
      </Button>
    </Flex>
  );
}

/** 收费管理 the seed-user counter, the schedule and its versions, charges and receipts. */
export function StaffFeesBoard() {
  const { t } = useTranslation('fees');
  const [changing, setChanging] = useState(false);
  const query = useQuery({ queryKey: KEY, queryFn: () => apiRequest('GET', '/api/staff/fees', StaffFeesOverview) });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <LoadingState />;
  const d = query.data;
  return (
    <Flex vertical gap={16}>
      <Card title={t('seed.title')} extra={t('seed.hint', { limit: d.seedUsers.limit })}>
        <Row gutter={[12, 12]} align="middle">
          <Col xs={12} md={6}>
            <Statistic
              title={t('seed.taken')}
              value={`${d.seedUsers.taken.toLocaleString('zh-CN')} / ${d.seedUsers.limit.toLocaleString('zh-CN')}`}
              data-testid="seed-counter"
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('seed.remaining')} value={d.seedUsers.remaining.toLocaleString('zh-CN')} />
          </Col>
          <Col xs={24} md={12}>
            <Progress
              aria-label={t('seed.remaining')}
              percent={d.seedUsers.limit ? Math.round((d.seedUsers.taken / d.seedUsers.limit) * 1000) / 10 : 100}
            />
          </Col>
        </Row>
      </Card>
      <Card
        title={t('schedule.title', { version: d.schedule.version })}
        extra={<Button onClick={() => setChanging(true)}>{t('schedule.change')}</Button>}
      >
        <ScheduleTable items={d.schedule.items} />
        <Table
          style={{ marginTop: 12 }}
          rowKey="version"
          size="small"
          pagination={false}
          dataSource={d.history}
          scroll={{ x: 560 }}
          title={() => t('schedule.history')}
          columns={[
            { title: t('schedule.version'), render: (_, v) => `v${v.version}`, width: 70 },
            { title: t('schedule.effective'), dataIndex: 'effectiveFrom', width: 110 },
            { title: t('schedule.seedLimit'), dataIndex: 'seedUserLimit', width: 90 },
            { title: t('schedule.note'), dataIndex: 'note', ellipsis: true },
            {
              title: t('schedule.people'),
              render: (_, v) => `${v.requestedBy ?? '—'} / ${v.approvedBy ?? '—'} · ${formatDateTime(v.recordedAt)}`,
            },
          ]}
        />
      </Card>
      <Card title={t('charge.title')}>
        <ChargeForm overview={d} />
      </Card>
      <Card title={t('receipts.title')}>
        <IssueReceipts />
        <div style={{ height: 12 }} />
        <ReceiptsTable receipts={d.receipts} />
      </Card>
      <Card title={t('charges.title')}>
        <ChargesTable charges={d.charges} showOrg />
      </Card>
      <ScheduleModal current={d.schedule} open={changing} onClose={() => setChanging(false)} />
    </Flex>
  );
}
