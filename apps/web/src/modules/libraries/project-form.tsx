import { ENGINEERING_TYPES, PROJECT_STATUSES } from '@zhuhe/contracts';
import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
// the date picker follows the UI language through dayjs's locale
import '../../app/dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { useActiveContext } from '../organisation';
import { RegionCascader } from '../regions';
import { FileUploadField } from './file-upload-field';
import { createProject } from './libraries.api';
import { useLibraryMutation, useMapConfig } from './libraries.queries';
import { LibraryMap } from './library-map';
import { wanToFen } from './money';

interface Values {
  name: string;
  engineeringType: (typeof ENGINEERING_TYPES)[number];
  investmentWan: number;
  regionCode: string;
  address?: string;
  tags?: string[];
  dates?: [Dayjs, Dayjs];
  tenderDeadline?: Dayjs;
  status: (typeof PROJECT_STATUSES)[number];
  description?: string;
  visibility: 'public' | 'invited';
  invitedOrgIds?: string[];
  tenderFileId?: string;
}

const FIELDS = ['name', 'engineeringType', 'investmentWan', 'regionCode', 'address', 'tags', 'description'];

/** 发布项目 the GC's form: region picker (GB/T 2260), optional site on the map, tender documents. */
export function ProjectForm() {
  const { t } = useTranslation('libraries');
  const { orgId } = useActiveContext();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const mapConfig = useMapConfig();
  const [site, setSite] = useState<{ lat: number; lng: number } | null>(null);
  const create = useLibraryMutation((values: Values) =>
    createProject(orgId, {
      name: values.name,
      engineeringType: values.engineeringType,
      investmentFen: wanToFen(values.investmentWan),
      regionCode: values.regionCode,
      address: values.address || undefined,
      ...(site ? { location: site } : {}),
      tags: values.tags ?? [],
      startDate: values.dates?.[0]?.format('YYYY-MM-DD'),
      endDate: values.dates?.[1]?.format('YYYY-MM-DD'),
      tenderDeadline: values.tenderDeadline?.format('YYYY-MM-DD'),
      status: values.status,
      description: values.description ?? '',
      visibility: values.visibility,
      invitedOrgIds: values.invitedOrgIds ?? [],
      tenderFileIds: values.tenderFileId ? [values.tenderFileId] : [],
    }),
  );
  const visibility = Form.useWatch('visibility', form);

  return (
    <Card>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ engineeringType: 'building', status: 'tendering', visibility: 'public' }}
        onFinish={(values) =>
          create.mutate(values, {
            onSuccess: (project) => {
              message.success(t('projects.created'));
              navigate(`/workspace/projects/${project.id}`);
            },
            onError: (error) => feedback.showOnForm(form, error, { fields: FIELDS }),
          })
        }
      >
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item name="name" label={t('projects.name')} rules={[{ required: true, min: 2, max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="engineeringType" label={t('projects.engineeringType')} rules={[{ required: true }]}>
              <Select options={ENGINEERING_TYPES.map((v) => ({ value: v, label: t(`engineeringTypes.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="investmentWan" label={t('projects.investment')} rules={[{ required: true }]}>
              <InputNumber min={0} max={1e9} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="regionCode" label={t('projects.region')} rules={[{ required: true }]}>
              <RegionCascader anyLevel placeholder={t('search.regionPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="status" label={t('projects.status')}>
              <Select options={PROJECT_STATUSES.map((v) => ({ value: v, label: t(`projectStatuses.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="address" label={t('projects.address')} rules={[{ max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              label={t('projects.location')}
              extra={site ? `${site.lat.toFixed(5)}, ${site.lng.toFixed(5)}` : t('projects.locationHint')}
            >
              <LibraryMap
                points={[]}
                center={site ?? { lat: 31.2, lng: 118 }}
                tiles={mapConfig.data?.tiles ?? null}
                onPick={setSite}
                hrefOf={() => '#'}
                height={240}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="dates" label={`${t('projects.startDate')} – ${t('projects.endDate')}`}>
              <DatePicker.RangePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="tenderDeadline" label={t('projects.tenderDeadline')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="tags" label={t('projects.tags')}>
              <Select mode="tags" maxCount={10} tokenSeparators={[',', '，']} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="description" label={t('projects.description')} rules={[{ max: 5000 }]}>
              <Input.TextArea rows={4} maxLength={5000} showCount />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="visibility" label={t('projects.visibility')}>
              <Select
                options={(['public', 'invited'] as const).map((v) => ({ value: v, label: t(`visibility.${v}`) }))}
              />
            </Form.Item>
          </Col>
          {visibility === 'invited' ? (
            <Col xs={24} md={12}>
              <Form.Item name="invitedOrgIds" label={t('projects.invited')}>
                <Select mode="tags" maxCount={50} />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24}>
            <Form.Item name="tenderFileId" label={t('projects.tenderFiles')}>
              <FileUploadField orgId={orgId} accept=".pdf,.docx,.xlsx" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('projects.submit')}
        </Button>
      </Form>
    </Card>
  );
}
