import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayjs } from '../../app/dayjs';
import { useErrorFeedback } from '../../app/use-error-feedback';
import * as api from './execution.api';
import { toMilli } from './execution.format';
import { useExecutionMutation } from './execution.queries';

interface FormValues {
  logDate: Dayjs;
  workersOnSite: number;
  weather: string;
  issues?: string;
  work?: Record<string, number | null>;
}

/** 施工日志: the payee's daily log with work per BoQ line and site photos (EXIF read on the server). */
export function LogForm({
  orgId,
  plan,
  revises,
  onDone,
}: {
  orgId: string;
  plan: api.ExecutionPlanData;
  revises?: api.ConstructionLogData | undefined;
  onDone?: () => void;
}) {
  const { t } = useTranslation('execution');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const [form] = Form.useForm<FormValues>();
  const [photos, setPhotos] = useState<string[]>([]);
  const [uploading, setUploading] = useState(0);
  const create = useExecutionMutation(orgId, plan.contractId, (body: api.CreateLogInput) =>
    api.createLog(orgId, plan.contractId, body),
  );

  const onFinish = async (v: FormValues) => {
    try {
      await create.mutateAsync({
        logDate: v.logDate.format('YYYY-MM-DD'),
        workersOnSite: v.workersOnSite,
        weather: v.weather,
        issues: v.issues ?? '',
        work: Object.entries(v.work ?? {})
          .filter(([, q]) => typeof q === 'number' && q > 0)
          .map(([lineId, q]) => ({ lineId, quantityMilli: toMilli(q), note: '' })),
        photoFileIds: photos,
        ...(revises ? { revisesLogId: revises.id } : {}),
      });
      message.success(t('log.submitted'));
      form.resetFields();
      setPhotos([]);
      onDone?.();
    } catch (error) {
      feedback.show(error);
    }
  };

  const initialWork = Object.fromEntries((revises?.work ?? []).map((w) => [w.lineId, w.quantityMilli / 1000]));
  return (
    <Card size="small" title={revises ? t('log.revise') : t('log.create')} data-testid="log-form">
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          logDate: revises ? dayjs(revises.logDate) : dayjs(),
          workersOnSite: revises?.workersOnSite,
          weather: revises?.weather,
          issues: revises?.issues,
          work: initialWork,
        }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="logDate" label={t('log.date')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="workersOnSite" label={t('log.workers')} rules={[{ required: true }]}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="weather" label={t('log.weather')} rules={[{ required: true }]}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{t('log.work')}</Typography.Text>
        {plan.boqLines.map((line) => (
          <Form.Item
            key={line.id}
            name={['work', line.id]}
            label={`${line.code} ${line.name}（${line.unit}）`}
            style={{ marginBottom: 8 }}
          >
            <InputNumber min={0} precision={3} style={{ width: '100%' }} />
          </Form.Item>
        ))}
        <Form.Item name="issues" label={t('log.issues')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t('log.photos')}>
          <Upload
            accept=".jpg,.jpeg,.png"
            multiple
            showUploadList={false}
            beforeUpload={(file) => {
              setUploading((n) => n + 1);
              api
                .uploadPhoto(orgId, file)
                .then((meta) => setPhotos((list) => [...list, meta.id]))
                .catch(feedback.show)
                .finally(() => setUploading((n) => n - 1));
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading > 0} data-testid="log-photo-upload">
              {t('log.uploadPhoto')}
            </Button>
          </Upload>{' '}
          {photos.length > 0 ? (
            <Typography.Text type="success" data-testid="log-photo-count">
              {t('log.photoUploaded', { n: photos.length })}
            </Typography.Text>
          ) : null}
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={create.isPending}
          disabled={uploading > 0}
          data-testid="log-submit"
        >
          {t('log.submit')}
        </Button>
      </Form>
    </Card>
  );
}
