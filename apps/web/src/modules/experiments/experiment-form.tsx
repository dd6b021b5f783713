import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type CreateExperimentBody,
  EXPERIMENT_SURFACES,
  EXPERIMENT_UNITS,
  type ExperimentSurface,
  type ExperimentUnit,
} from '@zhuhe/contracts';
import { App, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { createExperiment } from './experiments.api';

interface Values {
  key: string;
  name: string;
  hypothesis: string;
  unit: ExperimentUnit;
  surface: ExperimentSurface;
  variants: { key: string; name: string; weight: number; content?: string }[];
  goalMetric: string;
  guardrailMetrics: string[];
  shipThresholdPercent: number;
}

const FIELDS = [
  'key',
  'name',
  'hypothesis',
  'unit',
  'surface',
  'variants',
  'goalMetric',
  'guardrailMetrics',
  'shipThresholdPercent',
];
/** product events recorded today that make sense as a goal or guardrail on the surfaces we have */
const EVENT_OPTIONS = ['demand.published', 'demand.submitted', 'demand.rejected', 'organisation.created'];

/** 新建实验: key, hypothesis, unit, surface, variants with weights (must total 100%), goal and guardrails. */
export function ExperimentForm() {
  const { t } = useTranslation('experiments');
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const client = useQueryClient();
  const variants = Form.useWatch('variants', form) ?? [];
  const sum = variants.reduce((a, v) => a + (Number(v?.weight) || 0), 0);
  const create = useMutation({
    mutationFn: (v: Values) =>
      createExperiment({
        ...v,
        variants: v.variants.map((x) => ({ ...x, content: x.content ?? '' })),
      } satisfies CreateExperimentBody),
    onSuccess: () => {
      void message.success(t('form.created'));
      void client.invalidateQueries({ queryKey: ['experiments'] });
      navigate('/staff/experiments');
    },
    onError: (error) =>
      feedback.showOnForm(form, error, { fields: FIELDS, codeFields: { WEIGHTS_INVALID: 'variants' } }),
  });
  return (
    <Card>
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="experiment-form"
        initialValues={{
          unit: 'organisation',
          surface: 'demand_form',
          goalMetric: 'demand.published',
          guardrailMetrics: ['demand.submitted'],
          shipThresholdPercent: 0,
          variants: [
            { key: 'control', name: t('form.control'), weight: 50, content: '' },
            { key: 'treatment', name: '', weight: 50, content: '' },
          ],
        }}
        onFinish={(values) => create.mutate(values)}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="key" label={t('form.key')} extra={t('form.keyHint')} rules={[{ required: true }]}>
              <Input maxLength={48} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('form.name')} rules={[{ required: true }]}>
              <Input maxLength={80} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="hypothesis"
          label={t('form.hypothesis')}
          extra={t('form.hypothesisHint')}
          rules={[{ required: true }]}
        >
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="unit" label={t('form.unit')} extra={t('form.unitHint')}>
              <Select options={EXPERIMENT_UNITS.map((u) => ({ value: u, label: t(`units.${u}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="surface" label={t('form.surface')}>
              <Select options={EXPERIMENT_SURFACES.map((s) => ({ value: s, label: t(`surfaces.${s}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('form.variants')}
        </Typography.Title>
        <Form.List name="variants">
          {(fields, { add, remove }, { errors }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => (
                <Card size="small" key={field.key} data-testid={`variant-${index}`}>
                  <Row gutter={8} align="bottom">
                    <Col xs={12} md={5}>
                      <Form.Item name={[field.name, 'key']} label={t('form.variantKey')} rules={[{ required: true }]}>
                        <Input maxLength={48} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={5}>
                      <Form.Item name={[field.name, 'name']} label={t('form.variantName')} rules={[{ required: true }]}>
                        <Input maxLength={40} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item name={[field.name, 'weight']} label={t('form.weight')} rules={[{ required: true }]}>
                        <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={9}>
                      <Form.Item name={[field.name, 'content']} label={t('form.content')} extra={t('form.contentHint')}>
                        <Input.TextArea rows={1} maxLength={500} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={1}>
                      {fields.length > 2 ? (
                        <Form.Item>
                          <Button
                            type="text"
                            icon={<MinusCircleOutlined />}
                            aria-label={t('form.removeVariant')}
                            onClick={() => remove(field.name)}
                          />
                        </Form.Item>
                      ) : null}
                    </Col>
                  </Row>
                </Card>
              ))}
              <Flex justify="space-between" align="center" wrap gap={8}>
                <Typography.Text type={sum === 100 ? 'secondary' : 'danger'} data-testid="weight-sum">
                  {t('form.weightSum', { sum })}
                </Typography.Text>
                {fields.length < 5 ? (
                  <Button icon={<PlusOutlined />} onClick={() => add({ key: '', name: '', weight: 0, content: '' })}>
                    {t('form.addVariant')}
                  </Button>
                ) : null}
              </Flex>
              <div role="alert" data-testid="variants-error">
                <Form.ErrorList errors={errors} />
              </div>
            </Flex>
          )}
        </Form.List>
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col xs={24} md={8}>
            <Form.Item name="goalMetric" label={t('form.goalMetric')} rules={[{ required: true }]}>
              <Select options={EVENT_OPTIONS.map((e) => ({ value: e, label: e }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="guardrailMetrics" label={t('form.guardrailMetrics')}>
              <Select mode="multiple" options={EVENT_OPTIONS.map((e) => ({ value: e, label: e }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="shipThresholdPercent" label={t('form.shipThreshold')} extra={t('form.shipThresholdHint')}>
              <InputNumber min={0} max={1000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="experiment-submit">
          {t('form.submit')}
        </Button>
      </Form>
    </Card>
  );
}
