import { useMutation, useQuery } from '@tanstack/react-query';
import {
  type ChangePolicyBody,
  CommissionPolicyList,
  CommissionResult,
  PolicyChangeRequested,
  StaffOrganisationList,
} from '@zhuhe/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Grid,
  Input,
  InputNumber,
  List,
  Modal,
  Select,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { apiRequest } from '../../app/api-client';
import { formatDateTime } from '../../app/format-date';
import { formatFen } from '../../app/format-money';
import { useBilingual } from '../../app/language';
import { ErrorState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';

type Policy = z.infer<typeof CommissionPolicyList>['items'][number];

function PolicyModal({ policy, open, onClose }: { policy: Policy | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('commission');
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const request = useMutation({
    mutationFn: (body: z.input<typeof ChangePolicyBody>) =>
      apiRequest('POST', '/api/staff/commission/policies', PolicyChangeRequested, { body }),
  });
  return (
    <Modal
      open={open}
      title={policy ? `${t('policies.edit')} · ${policy.name}` : t('policies.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={request.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          name: policy?.name,
          active: policy?.active ?? true,
          effectiveFrom: policy?.effectiveFrom ?? new Date().toISOString().slice(0, 10),
          effectiveTo: policy?.effectiveTo ?? '',
          params: JSON.stringify(policy?.params ?? { kind: 'base_rate', rateBp: 300 }, null, 2),
        }}
        onFinish={(v) => {
          let params: unknown;
          try {
            params = JSON.parse(v.params);
          } catch {
            return void message.error(t('policies.invalidJson'));
          }
          request.mutate(
            {
              ...(policy ? { policyId: policy.policyId } : {}),
              name: v.name,
              params: params as z.input<typeof ChangePolicyBody>['params'],
              active: v.active,
              effectiveFrom: v.effectiveFrom,
              effectiveTo: v.effectiveTo || null,
              ...(v.note ? { note: v.note } : {}),
            },
            {
              onSuccess: () => {
                void message.success(t('policies.requested'));
                onClose();
              },
              onError: feedback.show,
            },
          );
        }}
      >
        <Form.Item name="name" label={t('policies.name')} rules={[{ required: true, min: 2 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="params"
          label={t('policies.params')}
          extra={t('policies.paramsHint')}
          rules={[{ required: true }]}
        >
          <Input.TextArea rows={6} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="active" label={t('policies.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="effectiveFrom" label={t('policies.effective')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="effectiveTo">
          <Input type="date" />
        </Form.Item>
        <Form.Item name="note" label={t('policies.note')}>
          <Input maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 政策配置 current versions of every policy; changes go through dual control. */
export function CommissionPoliciesPanel() {
  const { t } = useTranslation('commission');
  const query = useQuery({
    queryKey: ['commission', 'policies'],
    queryFn: () => apiRequest('GET', '/api/staff/commission/policies', CommissionPolicyList),
  });
  const [editing, setEditing] = useState<Policy | null | 'new'>(null);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Card title={t('policies.title')} extra={<Button onClick={() => setEditing('new')}>{t('policies.add')}</Button>}>
      <Alert type="info" showIcon title={t('policies.hint')} style={{ marginBottom: 12 }} />
      <Table
        rowKey="policyId"
        size="small"
        loading={query.isPending}
        dataSource={query.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('policies.name'), dataIndex: 'name' },
          { title: t('policies.kind'), render: (_, p) => t(`policies.kinds.${p.params.kind}`) },
          {
            title: t('policies.params'),
            render: (_, p) => (
              <div style={{ maxWidth: 240, wordBreak: 'break-all' }}>
                <Typography.Text code style={{ fontSize: 12 }}>
                  {JSON.stringify({ ...p.params, kind: undefined })}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: t('policies.active'),
            render: (_, p) => (
              <Tag color={p.active ? 'success' : 'default'}>{p.active ? t('policies.on') : t('policies.off')}</Tag>
            ),
          },
          { title: t('policies.effective'), render: (_, p) => `${p.effectiveFrom} ~ ${p.effectiveTo ?? ''}` },
          {
            title: t('policies.version'),
            render: (_, p) => `v${p.version} · ${formatDateTime(p.recordedAt)}`,
            responsive: ['md'],
          },
          {
            title: t('policies.people'),
            render: (_, p) => `${p.requestedBy ?? '—'} / ${p.approvedBy ?? '—'}`,
            responsive: ['md'],
          },
          {
            title: '',
            render: (_, p) => (
              <Button size="small" onClick={() => setEditing(p)}>
                {t('policies.edit')}
              </Button>
            ),
          },
        ]}
      />
      <PolicyModal
        policy={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
}

/** 佣金计算器 what a merchant pays for a month, and which policy versions applied. */
export function CommissionCalculatorPanel() {
  const { t } = useTranslation('commission');
  const bilingual = useBilingual();
  const feedback = useErrorFeedback();
  const orgs = useQuery({
    queryKey: ['commission', 'orgs'],
    queryFn: () => apiRequest('GET', '/api/staff/organisations', StaffOrganisationList),
  });
  const calc = useMutation({
    mutationFn: (q: { orgId: string; month: string; salesYuan: number; asOf?: string }) =>
      apiRequest('GET', '/api/staff/commission/calculate', CommissionResult, {
        query: {
          orgId: q.orgId,
          month: q.month,
          salesFen: Math.round(q.salesYuan * 100),
          asOf: q.asOf ? new Date(q.asOf).toISOString() : undefined,
        },
      }),
    onError: feedback.show,
  });
  const r = calc.data;
  // one field a line on a phone: the inline row (a 260 px merchant picker beside its label) is wider than 375 px
  const wide = Grid.useBreakpoint().md ?? true;
  return (
    <Card title={t('calculator.title')}>
      <Form
        layout={wide ? 'inline' : 'vertical'}
        style={{ rowGap: 8, marginBottom: 16 }}
        onFinish={(v) => calc.mutate(v)}
        initialValues={{ month: new Date().toISOString().slice(0, 7), salesYuan: 80000 }}
      >
        <Form.Item name="orgId" label={t('calculator.merchant')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            style={{ width: wide ? 260 : '100%' }}
            options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item name="month" label={t('calculator.month')} rules={[{ required: true }]}>
          <Input type="month" />
        </Form.Item>
        <Form.Item name="salesYuan" label={t('calculator.sales')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="asOf" label={t('calculator.asOf')}>
          <Input type="datetime-local" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={calc.isPending}>
          {t('calculator.calculate')}
        </Button>
      </Form>
      {r ? (
        <>
          <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('calculator.gross')}>{formatFen(r.grossCommissionFen)}</Descriptions.Item>
            <Descriptions.Item label={t('calculator.commission')}>{formatFen(r.commissionFen)}</Descriptions.Item>
            <Descriptions.Item label={t('calculator.entryFee')}>
              {formatFen(r.entryFeeDueFen)}{' '}
              {r.entryFeeWaivedFen ? `（${t('calculator.waived')} ${formatFen(r.entryFeeWaivedFen)}）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('calculator.total')}>
              <Typography.Text strong data-testid="commission-total">
                {formatFen(r.totalFen)}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <List
            size="small"
            header={t('calculator.applied')}
            dataSource={r.applied}
            renderItem={(a) => (
              <List.Item>
                {a.name} v{a.version}：{bilingual(a.effect)}
              </List.Item>
            )}
          />
        </>
      ) : null}
    </Card>
  );
}
