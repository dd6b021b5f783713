import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CREDIT_DIMENSIONS,
  type CreditPolicyBody,
  CreditPolicyView,
  PendingRequestView,
  StaffOrganisationList,
} from '@zhuhe/contracts';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { apiRequest } from '../../app/api-client';
import { useBilingual } from '../../app/language';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { CreditProfilePanel } from './credit-panels';

const GRADES = ['AAA', 'AA', 'A', 'B', 'C'] as const;
const Recalculated = z.object({ rated: z.number(), month: z.string() });

/** A pending dual-control request: what was asked, and where the second staff member approves it. */
function PendingNotice({ pending }: { pending: z.infer<typeof PendingRequestView> | null }) {
  const { t } = useTranslation('credit');
  const bilingual = useBilingual();
  if (!pending) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="credit-pending"
      message={t('staff.pending')}
      description={
        <span>
          {bilingual(pending.summary)} · <Link to="/staff/dual-control">{t('staff.toDualControl')}</Link>
        </span>
      }
    />
  );
}

/** 人工复核 a risk officer looks up an organisation's rating and asks for a reviewed grade (dual control). */
export function StaffCreditReviewPanel() {
  const { t } = useTranslation('credit');
  const feedback = useErrorFeedback();
  const [orgId, setOrgId] = useState<string | null>(null);
  const [pending, setPending] = useState<z.infer<typeof PendingRequestView> | null>(null);
  const [form] = Form.useForm<{ grade: (typeof GRADES)[number]; reason: string; expiresOn: string }>();
  const orgs = useQuery({
    queryKey: ['staff', 'organisations'],
    queryFn: () => apiRequest('GET', '/api/staff/organisations', StaffOrganisationList),
  });
  const review = useMutation({
    mutationFn: (body: { grade: string; reason: string; expiresOn: string }) =>
      apiRequest('POST', `/api/staff/credit/${orgId}/reviews`, PendingRequestView, { body }),
    onSuccess: (result) => {
      setPending(result);
      form.resetFields();
    },
    onError: feedback.show,
  });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space wrap>
          <Typography.Text>{t('staff.organisation')}</Typography.Text>
          <Select
            showSearch
            allowClear
            aria-label={t('staff.organisation')}
            data-testid="credit-staff-org"
            placeholder={t('staff.pickOrganisation')}
            optionFilterProp="label"
            loading={orgs.isPending}
            style={{ width: 'min(360px, 80vw)' }}
            value={orgId}
            onChange={(value) => {
              setOrgId(value ?? null);
              setPending(null);
            }}
            options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Space>
      </Card>
      {orgId ? (
        <>
          <CreditProfilePanel orgId={orgId} staff />
          <Card title={t('staff.reviewTitle')}>
            <Typography.Paragraph type="secondary">{t('staff.reviewHint')}</Typography.Paragraph>
            <Form form={form} layout="vertical" onFinish={(values) => review.mutate(values)} style={{ maxWidth: 560 }}>
              <Form.Item name="grade" label={t('staff.reviewGrade')} rules={[{ required: true }]}>
                <Select data-testid="credit-review-grade" options={GRADES.map((g) => ({ value: g, label: g }))} />
              </Form.Item>
              <Form.Item name="reason" label={t('staff.reviewReason')} rules={[{ required: true, min: 4 }]}>
                <Input.TextArea rows={3} maxLength={500} showCount data-testid="credit-review-reason" />
              </Form.Item>
              <Form.Item name="expiresOn" label={t('staff.reviewUntil')} rules={[{ required: true }]}>
                <Input type="date" data-testid="credit-review-until" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={review.isPending} data-testid="credit-review-submit">
                {t('staff.reviewSubmit')}
              </Button>
            </Form>
            <div style={{ marginTop: 16 }}>
              <PendingNotice pending={pending} />
            </div>
          </Card>
        </>
      ) : null}
    </Space>
  );
}

/** 评级政策 weights, grade thresholds and prior strength; a change takes effect after a second approval. */
export function StaffCreditPolicyPanel() {
  const { t } = useTranslation('credit');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<z.infer<typeof PendingRequestView> | null>(null);
  const [form] = Form.useForm<CreditPolicyBody>();
  const weights = Form.useWatch('weights', form);
  const policy = useQuery({
    queryKey: ['credit', 'policy'],
    queryFn: () => apiRequest('GET', '/api/staff/credit-policy', CreditPolicyView),
  });
  const change = useMutation({
    mutationFn: (body: CreditPolicyBody) =>
      apiRequest('POST', '/api/staff/credit-policy', PendingRequestView, { body }),
    onSuccess: setPending,
    onError: feedback.show,
  });
  const recalculate = useMutation({
    mutationFn: (month: string) =>
      apiRequest('POST', '/api/staff/credit/recalculate', Recalculated, { body: { month } }),
    onSuccess: (r) => {
      void message.success(t('staff.recalculated', { n: r.rated, month: r.month }));
      void queryClient.invalidateQueries({ queryKey: ['credit'] });
    },
    onError: feedback.show,
  });
  const [month, setMonth] = useState(new Date().toISOString().slice(0, 7));
  if (policy.isPending) return <LoadingState />;
  if (policy.isError) return <ErrorState error={policy.error} onRetry={() => policy.refetch()} />;
  const sum = CREDIT_DIMENSIONS.reduce((total, d) => total + (weights?.[d] ?? 0), 0);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          policy.data.version === 0
            ? t('staff.policyDefaultTitle')
            : t('staff.policyTitle', { version: policy.data.version })
        }
        extra={<Typography.Text type="secondary">{t('staff.policyDual')}</Typography.Text>}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ ...policy.data, note: '' }}
          onFinish={(values) => change.mutate(values)}
        >
          <Typography.Title level={5}>{t('staff.weights')}</Typography.Title>
          <Row gutter={16}>
            {CREDIT_DIMENSIONS.map((d) => (
              <Col xs={12} md={8} xl={4} key={d}>
                <Form.Item name={['weights', d]} label={t(`dimensions.${d}`)} rules={[{ required: true }]}>
                  <InputNumber min={0} max={100} addonAfter="%" style={{ width: '100%' }} data-testid={`weight-${d}`} />
                </Form.Item>
              </Col>
            ))}
            <Col xs={24} xl={4}>
              <Typography.Text type={sum === 100 ? 'success' : 'danger'} data-testid="weights-sum">
                {t('staff.weightsSum', { sum })}
              </Typography.Text>
            </Col>
          </Row>
          <Typography.Title level={5}>{t('staff.thresholds')}</Typography.Title>
          <Row gutter={16}>
            {(['AAA', 'AA', 'A', 'B'] as const).map((g) => (
              <Col xs={12} md={6} key={g}>
                <Form.Item
                  name={['thresholds', g]}
                  label={t('staff.threshold', { grade: g })}
                  rules={[{ required: true }]}
                >
                  <InputNumber min={0} max={100} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="priorStrength" label={t('staff.priorStrength')} extra={t('staff.priorHint')}>
                <InputNumber min={0} max={100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name="note" label={t('staff.note')}>
                <Input maxLength={500} />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="credit-policy-submit">
            {t('staff.policySubmit')}
          </Button>
        </Form>
        <div style={{ marginTop: 16 }}>
          <PendingNotice pending={pending} />
        </div>
      </Card>
      <Card title={t('staff.recalculateTitle')}>
        <Typography.Paragraph type="secondary">{t('staff.recalculateHint')}</Typography.Paragraph>
        <Space wrap>
          <Input
            type="month"
            aria-label={t('staff.recalculateMonth')}
            value={month}
            onChange={(e) => setMonth(e.target.value)}
            style={{ width: 180 }}
          />
          <Button
            onClick={() => recalculate.mutate(month)}
            loading={recalculate.isPending}
            data-testid="credit-recalculate"
          >
            {t('staff.recalculate')}
          </Button>
        </Space>
      </Card>
    </Space>
  );
}
