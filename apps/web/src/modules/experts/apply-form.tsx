import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExpertApplication } from '@zhuhe/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Select,
  Tag,
  Upload,
  type UploadFile,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { useProvinceOptions, useSpecialityOptions } from './expert-directory';
import {
  type ExpertSpeciality,
  expertKeys,
  fetchMyApplication,
  submitApplication,
  uploadCertificate,
} from './experts.api';

interface Values {
  name: string;
  title: string;
  employer: string;
  years: number;
  specialities: ExpertSpeciality[];
  regions: string[];
  free: boolean;
  feeYuan?: number | null;
  bio: string;
  files?: UploadFile[];
}

const STATUS_COLOR = { pending: 'processing', verified: 'success', rejected: 'error' } as const;

function ApplicationStatus({ application }: { application: ExpertApplication }) {
  const { t } = useTranslation('experts');
  return (
    <Alert
      type={application.status === 'rejected' ? 'warning' : application.status === 'verified' ? 'success' : 'info'}
      message={<Tag color={STATUS_COLOR[application.status]}>{t(`apply.status.${application.status}`)}</Tag>}
      description={application.decisionReason ? `${t('apply.reason')}：${application.decisionReason}` : null}
    />
  );
}

/** 申请成为专家 the profile and certificates; a change goes back to the reviewers. */
export function ApplyForm() {
  const { t } = useTranslation('experts');
  const [form] = Form.useForm<Values>();
  const feedback = useErrorFeedback();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const specialities = useSpecialityOptions();
  const provinces = useProvinceOptions();
  const mine = useQuery({ queryKey: expertKeys.me, queryFn: fetchMyApplication });
  const [free, setFree] = useState<boolean | null>(null);
  const submit = useMutation({
    mutationFn: async (v: Values) => {
      const existing = mine.data?.application?.certificates.map((c) => c.id) ?? [];
      const uploaded: string[] = [];
      for (const f of v.files ?? []) if (f.originFileObj) uploaded.push((await uploadCertificate(f.originFileObj)).id);
      return submitApplication({
        name: v.name,
        title: v.title,
        employer: v.employer,
        years: v.years,
        specialities: v.specialities,
        regions: v.regions,
        feeYuan: v.free ? null : (v.feeYuan ?? null),
        bio: v.bio,
        certificateFileIds: uploaded.length > 0 ? uploaded : existing,
      });
    },
    onSuccess: (application) => {
      queryClient.setQueryData(expertKeys.me, { application });
      void message.success(t('apply.submitted'));
    },
    onError: (error) =>
      feedback.showOnForm(form, error, {
        fields: ['name', 'title', 'employer', 'years', 'specialities', 'regions', 'feeYuan', 'bio'],
        codeFields: { CERTIFICATE_UNKNOWN: 'files', CERTIFICATES_REQUIRED: 'files', REGION_UNKNOWN: 'regions' },
      }),
  });
  if (mine.isLoading) return <LoadingState />;
  const application = mine.data?.application ?? null;
  const initial: Partial<Values> = application
    ? {
        ...application,
        regions: application.regions.map((r) => r.code),
        free: application.feeYuan === null,
        feeYuan: application.feeYuan,
      }
    : { free: true, years: 10 };
  const isFree = free ?? initial.free ?? true;
  // a region below province level (a city) saved earlier is offered under its own name
  const regionOptions = [
    ...provinces,
    ...(application?.regions ?? [])
      .filter((r) => !provinces.some((p) => p.value === r.code))
      .map((r) => ({ value: r.code, label: r.name })),
  ];
  return (
    <Card size="small">
      {application ? <ApplicationStatus application={application} /> : null}
      <Form
        form={form}
        layout="vertical"
        name="expert-apply"
        initialValues={initial}
        onFinish={(v) => submit.mutate(v)}
        style={{ marginTop: 12, maxWidth: 640 }}
      >
        <Form.Item name="name" label={t('apply.name')} rules={[{ required: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="title" label={t('apply.titleField')} rules={[{ required: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="employer" label={t('apply.employer')} rules={[{ required: true }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="years" label={t('apply.years')} rules={[{ required: true }]}>
          <InputNumber min={0} max={60} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="specialities" label={t('apply.specialities')} rules={[{ required: true }]}>
          <Select mode="multiple" maxCount={5} options={specialities} />
        </Form.Item>
        <Form.Item name="regions" label={t('apply.regions')} rules={[{ required: true }]}>
          <Select mode="multiple" maxCount={10} options={regionOptions} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="free" valuePropName="checked">
          <Checkbox onChange={(e) => setFree(e.target.checked)}>{t('apply.free')}</Checkbox>
        </Form.Item>
        {isFree ? null : (
          <Form.Item name="feeYuan" label={t('apply.fee')} rules={[{ required: true }]}>
            <InputNumber min={1} max={100_000} precision={0} style={{ width: 160 }} />
          </Form.Item>
        )}
        <Form.Item name="bio" label={t('apply.bio')} rules={[{ required: true }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item
          name="files"
          label={t('apply.certificates')}
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
          extra={application?.certificates.map((c) => c.name).join('、')}
        >
          <Upload beforeUpload={() => false} multiple maxCount={5} accept=".pdf,.png,.jpg,.jpeg">
            <Button>{t('apply.upload')}</Button>
          </Upload>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submit.isPending}>
          {application ? t('apply.resubmit') : t('apply.submit')}
        </Button>
      </Form>
    </Card>
  );
}
