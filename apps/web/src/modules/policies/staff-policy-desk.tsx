import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type PolicyDetail, PolicyFileMeta, type PolicySummary } from '@zhuhe/contracts';
import {
  App,
  AutoComplete,
  Button,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Table,
  Typography,
  Upload,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiUpload } from '../../app/api-client';
import { dayjs } from '../../app/dayjs';
import { formatDateTime } from '../../app/format-date';
import { ErrorState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { RegionCascader } from '../regions';
import {
  createPolicy,
  fetchStaffPolicies,
  fetchStaffPolicy,
  POLICY_CATEGORIES,
  type PolicyCategory,
  policyKeys,
  publishPolicy,
  updatePolicy,
  withdrawPolicy,
} from './policies.api';
import { PolicyStatusTag } from './policy-tags';

const ISSUERS = [
  '国务院',
  '住房和城乡建设部',
  '国家发展和改革委员会',
  '人力资源和社会保障部',
  '财政部',
  '应急管理部',
].map((value) => ({ value }));

interface Values {
  title: string;
  issuer: string;
  docNumber?: string;
  issueDate?: Dayjs;
  effectiveDate?: Dayjs;
  expiryDate?: Dayjs | null;
  regionCode?: string;
  category?: PolicyCategory;
  tags?: string[];
  fullText: string;
  keyPoints: string;
  impact: string;
  affected: string;
  changeNote?: string;
}

const FIELDS = [
  'title',
  'issuer',
  'docNumber',
  'issueDate',
  'effectiveDate',
  'expiryDate',
  'regionCode',
  'category',
  'tags',
  'fullText',
  'pdfFileId',
  'keyPoints',
  'impact',
  'affected',
  'changeNote',
];

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

function toValues(p: PolicyDetail): Values {
  const v = p.current;
  return {
    title: v.title,
    issuer: v.issuer,
    docNumber: v.docNumber,
    issueDate: dayjs(v.issueDate),
    effectiveDate: dayjs(v.effectiveDate),
    expiryDate: v.expiryDate ? dayjs(v.expiryDate) : null,
    ...(v.regionCode ? { regionCode: v.regionCode } : {}),
    category: v.category,
    tags: v.tags,
    fullText: v.fullText,
    keyPoints: v.keyPoints,
    impact: v.impact,
    affected: v.affected,
    changeNote: '',
  };
}

/** The editor's form: create a draft, or save a new version of an existing policy (with its revision). */
function PolicyEditor({ editing, onClose }: { editing: PolicyDetail | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation('policies');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const existing = editing && editing !== 'new' ? editing : null;
  const [pdf, setPdf] = useState<{ id: string; name: string } | null>(existing?.current.pdf ?? null);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        title: v.title,
        issuer: v.issuer,
        docNumber: v.docNumber ?? '',
        issueDate: day(v.issueDate) ?? '',
        effectiveDate: day(v.effectiveDate) ?? '',
        expiryDate: day(v.expiryDate),
        regionCode: v.regionCode ?? null,
        category: v.category,
        tags: v.tags ?? [],
        fullText: v.fullText ?? '',
        pdfFileId: pdf?.id ?? null,
        keyPoints: v.keyPoints ?? '',
        impact: v.impact ?? '',
        affected: v.affected ?? '',
      };
      return existing
        ? updatePolicy(existing.id, { ...body, revision: existing.revision, changeNote: v.changeNote ?? '' })
        : createPolicy(body);
    },
    onSuccess: (saved) => {
      void message.success(existing ? t('staff.saved', { n: saved.versionNo }) : t('staff.created'));
      void client.invalidateQueries({ queryKey: policyKeys.all });
      onClose();
    },
    onError: (error) => feedback.showOnForm(form, error, { fields: FIELDS }),
  });
  return (
    <Drawer
      open={editing !== null}
      onClose={onClose}
      width="min(720px, 100vw)"
      destroyOnHidden
      title={existing ? t('staff.editTitle', { n: existing.versionNo + 1 }) : t('staff.createTitle')}
      extra={
        <Button type="primary" onClick={() => form.submit()} loading={save.isPending}>
          {t('staff.save')}
        </Button>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={existing ? toValues(existing) : { tags: [] }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="title" label={t('fields.title')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="issuer" label={t('fields.issuer')}>
          <AutoComplete options={ISSUERS} filterOption />
        </Form.Item>
        <Form.Item name="docNumber" label={t('fields.docNumber')}>
          <Input maxLength={80} />
        </Form.Item>
        <Flex gap={8} wrap>
          <Form.Item name="issueDate" label={t('fields.issueDate')} style={{ flex: '1 1 150px' }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="effectiveDate" label={t('fields.effectiveDate')} style={{ flex: '1 1 150px' }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="expiryDate" label={t('fields.expiryDate')} style={{ flex: '1 1 150px' }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="regionCode" label={t('fields.region')} extra={t('staff.regionHelp')}>
          <RegionCascader anyLevel />
        </Form.Item>
        <Form.Item name="category" label={t('fields.category')}>
          <Select options={POLICY_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))} />
        </Form.Item>
        <Form.Item name="tags" label={t('fields.tags')} extra={t('staff.tagsHelp')}>
          <Select mode="tags" maxCount={10} open={false} />
        </Form.Item>
        <Form.Item name="fullText" label={t('fields.fullText')}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} />
        </Form.Item>
        <Form.Item label={t('fields.pdf')}>
          <Flex gap={8} wrap align="center">
            <Upload
              accept="application/pdf,.pdf"
              showUploadList={false}
              customRequest={async ({ file, onSuccess, onError }) => {
                try {
                  const meta = await apiUpload('/api/staff/policy-files', file as File, PolicyFileMeta);
                  setPdf(meta);
                  void message.success(t('staff.uploaded', { name: meta.name }));
                  onSuccess?.(meta);
                } catch (error) {
                  feedback.show(error);
                  onError?.(error as Error);
                }
              }}
            >
              <Button>{t('staff.uploadPdf')}</Button>
            </Upload>
            {pdf ? (
              <>
                <Typography.Text>{pdf.name}</Typography.Text>
                <Button size="small" type="link" onClick={() => setPdf(null)}>
                  {t('staff.removePdf')}
                </Button>
              </>
            ) : null}
          </Flex>
        </Form.Item>
        <Form.Item name="keyPoints" label={t('fields.keyPoints')} extra={t('staff.keyPointsHelp')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
        <Form.Item name="impact" label={t('fields.impact')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="affected" label={t('fields.affected')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        {existing ? (
          <Form.Item name="changeNote" label={t('fields.changeNote')}>
            <Input maxLength={300} />
          </Form.Item>
        ) : null}
      </Form>
    </Drawer>
  );
}

function WithdrawModal({ policy, onClose }: { policy: PolicySummary | null; onClose: () => void }) {
  const { t } = useTranslation('policies');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const client = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const withdraw = useMutation({
    mutationFn: (reason: string) => withdrawPolicy(policy?.id as string, reason),
    onSuccess: () => {
      void message.success(t('staff.withdrawn'));
      void client.invalidateQueries({ queryKey: policyKeys.all });
      onClose();
    },
    onError: (error) => feedback.showOnForm(form, error, { fields: ['reason'] }),
  });
  return (
    <Modal
      open={policy !== null}
      title={`${t('staff.withdraw')}：${policy?.title ?? ''}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ danger: true, loading: withdraw.isPending }}
      okText={t('staff.withdraw')}
      cancelText={t('staff.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => withdraw.mutate(v.reason ?? '')}>
        <Form.Item name="reason" label={t('staff.withdrawReason')}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 政策库编辑台: every policy with its state; create, edit (→ new version), publish and withdraw. */
export function StaffPolicyDesk() {
  const { t } = useTranslation('policies');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const client = useQueryClient();
  const [editing, setEditing] = useState<PolicyDetail | 'new' | null>(null);
  const [withdrawing, setWithdrawing] = useState<PolicySummary | null>(null);
  const list = useQuery({ queryKey: policyKeys.staff, queryFn: fetchStaffPolicies });
  const open = useMutation({
    mutationFn: (id: string) => fetchStaffPolicy(id),
    onSuccess: setEditing,
    onError: feedback.show,
  });
  const publish = useMutation({
    mutationFn: publishPolicy,
    onSuccess: () => {
      void message.success(t('staff.published'));
      void client.invalidateQueries({ queryKey: policyKeys.all });
    },
    onError: feedback.show,
  });
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Flex vertical gap={12}>
      <Flex justify="flex-end">
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('staff.create')}
        </Button>
      </Flex>
      <Table<PolicySummary>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 720 }}
        locale={{ emptyText: t('staff.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            key: 'title',
            title: t('fields.title'),
            render: (_, p) => (
              <Flex vertical>
                {p.status === 'draft' ? p.title : <Link to={`/policies/${p.id}`}>{p.title}</Link>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[p.issuer, p.docNumber].filter(Boolean).join(' · ')}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'status',
            title: t('search.status'),
            width: 100,
            render: (_, p) => <PolicyStatusTag status={p.status} />,
          },
          { key: 'version', title: t('staff.version'), width: 70, render: (_, p) => `v${p.versionNo}` },
          { key: 'updated', title: t('staff.updatedAt'), width: 150, render: (_, p) => formatDateTime(p.updatedAt) },
          {
            key: 'actions',
            title: t('staff.actions'),
            width: 200,
            render: (_, p) => (
              <Flex gap={4} wrap>
                {p.status !== 'withdrawn' ? (
                  <Button
                    size="small"
                    onClick={() => open.mutate(p.id)}
                    loading={open.isPending && open.variables === p.id}
                  >
                    {t('staff.edit')}
                  </Button>
                ) : null}
                {p.status === 'draft' ? (
                  <Popconfirm title={t('staff.confirmPublish')} onConfirm={() => publish.mutate(p.id)}>
                    <Button size="small" type="primary">
                      {t('staff.publish')}
                    </Button>
                  </Popconfirm>
                ) : null}
                {p.status === 'published' ? (
                  <Button size="small" danger onClick={() => setWithdrawing(p)}>
                    {t('staff.withdraw')}
                  </Button>
                ) : null}
              </Flex>
            ),
          },
        ]}
      />
      <PolicyEditor
        key={editing === null ? 'closed' : editing === 'new' ? 'new' : editing.id}
        editing={editing}
        onClose={() => setEditing(null)}
      />
      <WithdrawModal policy={withdrawing} onClose={() => setWithdrawing(null)} />
    </Flex>
  );
}
