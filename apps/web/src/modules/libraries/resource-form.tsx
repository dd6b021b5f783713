import { RESOURCE_KINDS } from '@zhuhe/contracts';
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useBilingual } from '../../app/language';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { useActiveContext } from '../organisation';
import { RegionCascader, useRegions } from '../regions';
import { createListing } from './libraries.api';
import { useLibraryMutation } from './libraries.queries';
import { yuanToFen } from './money';

interface Values {
  kind: string;
  title: string;
  params: Record<string, string | number>;
  priceYuan: number;
  unit: string;
  stock: number;
  serviceRegionCodes: string[];
  leadTimeDays: number;
  regionCode: string;
  tags?: string[];
  description?: string;
}

/** 发布资源: the parameters asked for depend on the kind (钢筋: grade and diameter; 塔吊: load and jib …). */
export function ResourceForm() {
  const { t } = useTranslation('libraries');
  const bilingual = useBilingual();
  const { orgId } = useActiveContext();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const regions = useRegions();
  const kindKey = Form.useWatch('kind', form);
  const kind = RESOURCE_KINDS.find((k) => k.key === kindKey);
  const create = useLibraryMutation((v: Values) =>
    createListing(orgId, {
      kind: v.kind,
      title: v.title,
      params: Object.fromEntries(
        Object.entries(v.params ?? {}).filter(([, value]) => value !== undefined && value !== ''),
      ),
      priceFen: yuanToFen(v.priceYuan),
      unit: v.unit as never,
      stock: v.stock ?? 0,
      serviceRegionCodes: v.serviceRegionCodes,
      leadTimeDays: v.leadTimeDays,
      regionCode: v.regionCode,
      tags: v.tags ?? [],
      description: v.description ?? '',
    }),
  );
  const provinces = (regions.data ?? []).filter((r) => r.level === 1);
  return (
    <Card>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'rebar', unit: '吨', stock: 0, leadTimeDays: 3 }}
        onValuesChange={(changed) => {
          if ('kind' in changed) {
            const next = RESOURCE_KINDS.find((k) => k.key === changed.kind);
            form.setFieldsValue({ unit: next?.units[0], params: {} });
          }
        }}
        onFinish={(values) =>
          create.mutate(values, {
            onSuccess: (listing) => {
              message.success(t('resources.created'));
              navigate(`/workspace/resources/${listing.id}`);
            },
            onError: feedback.show,
          })
        }
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="kind" label={t('resources.kind')} rules={[{ required: true }]}>
              <Select
                options={RESOURCE_KINDS.map((k) => ({
                  value: k.key,
                  label: `${k.name}（${t(`categories.${k.category}`)}）`,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="title" label={t('resources.titleField')} rules={[{ required: true, min: 2, max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          {kind?.params.map((p) => (
            <Col xs={12} md={8} key={p.key}>
              <Form.Item
                name={['params', p.key]}
                label={`${bilingual(p.label)}${p.unit ? `（${p.unit}）` : ''}`}
                rules={[{ required: p.required }]}
              >
                {p.type === 'enum' ? (
                  <Select options={(p.options ?? []).map((o) => ({ value: o, label: o }))} />
                ) : p.type === 'number' ? (
                  <InputNumber min={p.min} max={p.max} style={{ width: '100%' }} />
                ) : (
                  <Input maxLength={100} />
                )}
              </Form.Item>
            </Col>
          ))}
          <Col xs={12} md={6}>
            <Form.Item name="priceYuan" label={t('resources.price')} rules={[{ required: true }]}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="unit" label={t('resources.unit')} rules={[{ required: true }]}>
              <Select options={(kind?.units ?? []).map((u) => ({ value: u, label: u }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="stock" label={t('resources.stock')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="leadTimeDays" label={t('resources.leadTime')} rules={[{ required: true }]}>
              <InputNumber min={0} max={365} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="regionCode" label={t('resources.region')} rules={[{ required: true }]}>
              <RegionCascader anyLevel placeholder={t('search.regionPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="serviceRegionCodes" label={t('resources.serviceRegions')} rules={[{ required: true }]}>
              <Select
                mode="multiple"
                options={provinces.map((r) => ({ value: r.code, label: r.name }))}
                optionFilterProp="label"
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="tags" label={t('projects.tags')}>
              <Select mode="tags" maxCount={10} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="description" label={t('resources.description')}>
              <Input.TextArea rows={3} maxLength={3000} />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('resources.submit')}
        </Button>
      </Form>
    </Card>
  );
}
