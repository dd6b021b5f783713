import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { dayjs } from '../../app/dayjs';
import { formatFen } from '../../app/format-money';
import { useErrorFeedback } from '../../app/use-error-feedback';
import * as api from './execution.api';
import { toBp, toFen, toMilli } from './execution.format';
import { useExecutionMutation } from './execution.queries';

interface FormValues {
  startDate: Dayjs;
  retention: number;
  advance: number;
  labour: number;
  bond?: number | null;
  milestones: { title: string; deliverables?: string; dueDate: Dayjs; share: number }[];
  lines: { code: string; name: string; unit: string; quantity: number; unitPrice: number }[];
}

/** 制定施工计划: milestones whose shares add up to 100%, the BoQ, retention, advance and labour share. */
export function PlanForm({
  orgId,
  contractId,
  defaults,
}: {
  orgId: string;
  contractId: string;
  defaults: api.PlanDefaultsData;
}) {
  const { t } = useTranslation('execution');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const [form] = Form.useForm<FormValues>();
  const save = useExecutionMutation(orgId, contractId, (body: api.SetPlanInput) =>
    api.setPlan(orgId, contractId, body),
  );
  const milestones = Form.useWatch('milestones', form) ?? [];
  const sum = milestones.reduce((s, m) => s + (m?.share ?? 0), 0);
  const start = defaults.startDate ? dayjs(defaults.startDate) : dayjs();
  const end = defaults.endDate ? dayjs(defaults.endDate) : start.add(3, 'month');

  const onFinish = async (v: FormValues) => {
    try {
      await save.mutateAsync({
        startDate: v.startDate.format('YYYY-MM-DD'),
        retentionBp: toBp(v.retention),
        advanceBp: toBp(v.advance),
        labourShareBp: toBp(v.labour),
        bondBp: v.bond ? toBp(v.bond) : null,
        milestones: v.milestones.map((m) => ({
          title: m.title,
          deliverables: m.deliverables ?? '',
          dueDate: m.dueDate.format('YYYY-MM-DD'),
          shareBp: toBp(m.share),
        })),
        boqLines: v.lines.map((l) => ({
          code: l.code,
          name: l.name,
          unit: l.unit,
          quantityMilli: toMilli(l.quantity),
          unitPriceFen: toFen(l.unitPrice),
        })),
      });
      message.success(t('plan.saved'));
    } catch (error) {
      feedback.show(error);
    }
  };

  return (
    <Card title={t('plan.create')} data-testid="plan-form">
      <Typography.Paragraph type="secondary">
        {t('plan.createHint')} {t('plan.contractAmount')}：{formatFen(defaults.amountFen)}
      </Typography.Paragraph>
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          startDate: start,
          retention: (defaults.retentionBp ?? 300) / 100,
          advance: (defaults.advanceBp ?? 1000) / 100,
          labour: 30,
          bond: null,
          milestones: [
            { title: '', dueDate: start.add(Math.max(1, end.diff(start, 'day') / 2), 'day'), share: 40 },
            { title: '', dueDate: end, share: 60 },
          ],
          lines: [{ code: '', name: '', unit: '', quantity: 0, unitPrice: 0 }],
        }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12} md={8}>
            <Form.Item name="startDate" label={t('plan.startDate')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6} md={4}>
            <Form.Item name="advance" label={t('plan.advance')} rules={[{ required: true }]}>
              <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6} md={4}>
            <Form.Item name="retention" label={t('plan.retention')} rules={[{ required: true }]}>
              <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6} md={4}>
            <Form.Item name="labour" label={t('plan.labour')} rules={[{ required: true }]}>
              <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6} md={4}>
            <Form.Item name="bond" label={t('plan.bond')} tooltip={t('plan.bondHint')}>
              <InputNumber min={0} max={10} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>
          {t('plan.milestones')}{' '}
          <Typography.Text type={sum === 100 ? 'success' : 'danger'} data-testid="shares-sum">
            {sum === 100 ? t('plan.sharesSum', { sum }) : t('plan.sharesSumBad', { sum })}
          </Typography.Text>
        </Typography.Title>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Row gutter={8} key={field.key} align="top">
                  <Col xs={24} md={7}>
                    <Form.Item name={[field.name, 'title']} rules={[{ required: true }]}>
                      <Input placeholder={t('plan.milestoneTitle')} aria-label={t('plan.milestoneTitle')} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={7}>
                    <Form.Item name={[field.name, 'deliverables']}>
                      <Input placeholder={t('plan.deliverables')} aria-label={t('plan.deliverables')} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={5}>
                    <Form.Item name={[field.name, 'dueDate']} rules={[{ required: true }]}>
                      <DatePicker style={{ width: '100%' }} aria-label={t('plan.dueDate')} />
                    </Form.Item>
                  </Col>
                  <Col xs={9} md={4}>
                    <Form.Item name={[field.name, 'share']} rules={[{ required: true }]}>
                      <InputNumber
                        min={0.01}
                        max={100}
                        precision={2}
                        addonAfter="%"
                        style={{ width: '100%' }}
                        aria-label={t('plan.share')}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={3} md={1}>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} disabled={fields.length < 2} />
                  </Col>
                </Row>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ title: '', share: 0 })} style={{ marginBottom: 16 }}>
                {t('plan.addMilestone')}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={5}>{t('plan.boq')}</Typography.Title>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Row gutter={8} key={field.key}>
                  <Col xs={8} md={3}>
                    <Form.Item name={[field.name, 'code']} rules={[{ required: true }]}>
                      <Input placeholder={t('plan.code')} aria-label={t('plan.code')} />
                    </Form.Item>
                  </Col>
                  <Col xs={16} md={8}>
                    <Form.Item name={[field.name, 'name']} rules={[{ required: true }]}>
                      <Input placeholder={t('plan.name')} aria-label={t('plan.name')} />
                    </Form.Item>
                  </Col>
                  <Col xs={6} md={3}>
                    <Form.Item name={[field.name, 'unit']} rules={[{ required: true }]}>
                      <Input placeholder={t('plan.unit')} aria-label={t('plan.unit')} />
                    </Form.Item>
                  </Col>
                  <Col xs={9} md={4}>
                    <Form.Item name={[field.name, 'quantity']} rules={[{ required: true }]}>
                      <InputNumber min={0} precision={3} style={{ width: '100%' }} aria-label={t('plan.quantity')} />
                    </Form.Item>
                  </Col>
                  <Col xs={9} md={5}>
                    <Form.Item name={[field.name, 'unitPrice']} rules={[{ required: true }]}>
                      <InputNumber min={0} precision={2} style={{ width: '100%' }} aria-label={t('plan.unitPrice')} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={1}>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} disabled={fields.length < 2} />
                  </Col>
                </Row>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add()} style={{ marginBottom: 16 }}>
                {t('plan.addLine')}
              </Button>
            </>
          )}
        </Form.List>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="plan-submit">
            {t('plan.submit')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
