import { InboxOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { DEMAND_QUALIFICATION_GRADES, DEMAND_TEMPLATES, DEMAND_TYPES } from '@zhuhe/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Segmented,
  Select,
  Upload,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { dayjs } from '../../app/dayjs';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { ExperimentGuidance } from '../experiments';
import { useActiveContext } from '../organisation';
import { RegionCascader } from '../regions';
import { FileUploadField } from './file-upload-field';
import { createDemand, type DemandDraftData, importTender } from './libraries.api';
import { useLibraryMutation } from './libraries.queries';
import { fenToWan, wanToFen } from './money';

interface Values {
  type: (typeof DEMAND_TYPES)[number];
  title: string;
  projectName: string;
  category: string;
  items: { name: string; spec?: string; unit: string; quantity: number }[];
  budgetWan: number;
  qualificationKind?: string;
  qualificationGrade: (typeof DEMAND_QUALIFICATION_GRADES)[number];
  regionCode: string;
  siteAddress?: string;
  deadline: Dayjs;
  description?: string;
  feasibilityFileId: string;
  fundsProofFileId: string;
}

const FIELDS = [
  'type',
  'title',
  'projectName',
  'category',
  'items',
  'budgetWan',
  'qualificationKind',
  'regionCode',
  'siteAddress',
  'deadline',
  'description',
];

/** The draft's field name of a form field, and back (the budget is in 万元 in the form, in fen in the draft). */
const draftName = (name: string) => (name === 'budgetWan' ? 'budgetFen' : name);
const formName = (field: string) => (field === 'budgetFen' ? 'budgetWan' : field);

/**
 * 发布需求: start from a template or import a tender file (一键导入; a scan or photo is read by OCR) — the fields
 * found are filled in and marked with their confidence for the user to check or confirm — then attach 可行性报告 and 资金证明 and submit for review.
 */
export function DemandForm() {
  const { t } = useTranslation('libraries');
  const { orgId } = useActiveContext();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const [mode, setMode] = useState<'file' | 'template'>('file');
  const [draft, setDraft] = useState<DemandDraftData | null>(null);
  const [importing, setImporting] = useState(false);
  /** fields read by OCR that the user has not confirmed or edited yet (form names) */
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const create = useLibraryMutation((v: Values) =>
    createDemand(orgId, {
      type: v.type,
      title: v.title,
      projectName: v.projectName,
      category: v.category,
      items: (v.items ?? []).map((i) => ({ name: i.name, spec: i.spec ?? '', unit: i.unit, quantity: i.quantity })),
      budgetFen: wanToFen(v.budgetWan),
      qualificationKind: v.qualificationKind ?? '',
      qualificationGrade: v.qualificationGrade,
      regionCode: v.regionCode,
      siteAddress: v.siteAddress ?? '',
      deadline: v.deadline.format('YYYY-MM-DD'),
      description: v.description ?? '',
      feasibilityFileId: v.feasibilityFileId,
      fundsProofFileId: v.fundsProofFileId,
      ...(draft ? { sourceFileId: draft.sourceFile.id } : {}),
    }),
  );

  const applyTemplate = (key: string) => {
    const template = DEMAND_TEMPLATES.find((x) => x.key === key);
    if (!template) return;
    form.setFieldsValue({
      type: template.type,
      category: template.category,
      qualificationKind: template.qualificationKind,
      qualificationGrade: template.qualificationGrade,
      items: template.items,
    });
  };

  const onImport = (file: File) => {
    setImporting(true);
    importTender(orgId, file)
      .then((result) => {
        setDraft(result);
        setPending(new Set(result.source === 'ocr' ? result.found.map(formName) : []));
        const f = result.fields;
        form.setFieldsValue({
          ...(f.title ? { title: f.title } : {}),
          ...(f.projectName ? { projectName: f.projectName } : {}),
          ...(f.type ? { type: f.type } : {}),
          ...(f.category ? { category: f.category } : {}),
          ...(f.budgetFen !== undefined ? { budgetWan: fenToWan(f.budgetFen) } : {}),
          ...(f.deadline ? { deadline: dayjs(f.deadline) } : {}),
          ...(f.qualificationKind ? { qualificationKind: f.qualificationKind } : {}),
          ...(f.qualificationGrade ? { qualificationGrade: f.qualificationGrade } : {}),
          ...(f.regionCode ? { regionCode: f.regionCode } : {}),
          ...(f.siteAddress ? { siteAddress: f.siteAddress } : {}),
          ...(f.description ? { description: f.description } : {}),
        });
      })
      .catch(feedback.show)
      .finally(() => setImporting(false));
    return false;
  };

  const confirm = (name: string) =>
    setPending((now) => {
      const next = new Set(now);
      next.delete(name);
      return next;
    });
  /**
   * The confidence mark of a pre-filled field: OCR fields say 待确认 with the recognition score until the user
   * confirms or edits them; low-confidence fields are highlighted; text-layer fields the rule only guessed say 请核对.
   */
  const mark = (name: string) => {
    const field = draftName(name);
    if (!draft?.found.includes(field)) return {};
    const confidence = draft.confidence[field];
    const low = confidence?.level === 'low';
    const label = t(`demands.fieldNames.${field as 'title'}`);
    if (pending.has(name)) {
      return {
        hasFeedback: true,
        validateStatus: 'warning' as const,
        style: low ? { background: '#fffbe6', outline: '4px solid #fffbe6' } : undefined,
        // as `extra`, not `help`: a mark that wraps at 375 px pushes the next field down instead of running under it
        extra: (
          <span
            data-testid={`pending-${field}`}
            data-level={confidence?.level}
            style={{ color: low ? '#ad4e00' : '#595959' }}
          >
            {low ? t('demands.pendingLow') : t('demands.pending')}
            {confidence?.ocr !== null && confidence?.ocr !== undefined
              ? ` · ${t('demands.ocrScore', { score: confidence.ocr })}`
              : ''}
            {confidence?.rule === 'inferred' ? ` · ${t('demands.inferred')}` : ''}{' '}
            <Button
              type="link"
              size="small"
              style={{ padding: 0, height: 'auto' }}
              aria-label={t('demands.confirmField', { field: label })}
              onClick={() => confirm(name)}
            >
              {t('demands.confirm')}
            </Button>
          </span>
        ),
      };
    }
    if (draft.source === 'text' && low)
      return {
        hasFeedback: true,
        validateStatus: 'warning' as const,
        extra: <span style={{ color: '#ad4e00' }}>{t('demands.checkInferred')}</span>,
      };
    return { hasFeedback: true, validateStatus: 'success' as const };
  };

  return (
    <Flex vertical gap={16}>
      {/* 实验: the guidance text is the demand form's experiment surface (goal: demand.published) */}
      <ExperimentGuidance surface="demand_form" />
      <Card>
        <Segmented
          value={mode}
          onChange={(v) => setMode(v as 'file' | 'template')}
          options={[
            { value: 'file', label: t('demands.fromFile') },
            { value: 'template', label: t('demands.fromTemplate') },
          ]}
          style={{ marginBottom: 12 }}
        />
        {mode === 'file' ? (
          <Flex vertical gap={8}>
            <div data-testid="tender-import">
              <Upload.Dragger
                accept=".pdf,.docx,.png,.jpg,.jpeg"
                showUploadList={false}
                beforeUpload={onImport}
                disabled={importing}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p>{importing ? t('demands.importing') : t('demands.importButton')}</p>
                <p style={{ color: '#595959', padding: '0 12px' }}>{t('demands.importHint')}</p>
              </Upload.Dragger>
            </div>
            {draft?.source === 'ocr' ? (
              <Alert
                type={pending.size > 0 ? 'warning' : 'success'}
                data-testid="import-found"
                title={t('demands.ocrFound', {
                  confidence: Math.round(draft.ocr?.meanConfidence ?? 0),
                  fields:
                    draft.found.map((f) => t(`demands.fieldNames.${f as 'title'}`)).join(t('demands.fieldSeparator')) ||
                    '—',
                })}
                description={
                  <Flex vertical gap={4} align="flex-start">
                    <span>{`${draft.sourceFile.name} · ${t('demands.ocrPages', { count: draft.ocr?.pagesRead ?? 1 })}`}</span>
                    <span data-testid="ocr-pending">
                      {pending.size > 0 ? t('demands.ocrHint', { count: pending.size }) : t('demands.allConfirmed')}
                    </span>
                    {pending.size > 0 ? (
                      <Button size="small" data-testid="ocr-confirm-all" onClick={() => setPending(new Set())}>
                        {t('demands.confirmAll')}
                      </Button>
                    ) : null}
                  </Flex>
                }
              />
            ) : draft ? (
              <Alert
                type={draft.found.length > 0 ? 'success' : 'warning'}
                data-testid="import-found"
                title={
                  draft.found.length > 0
                    ? t('demands.found', {
                        fields: draft.found.map((f) => t(`demands.fieldNames.${f as 'title'}`)).join('、'),
                      })
                    : t('demands.notFound')
                }
                description={`${draft.sourceFile.name}${draft.pages ? ` · ${draft.pages} 页` : ''}`}
              />
            ) : null}
          </Flex>
        ) : (
          <Select
            style={{ width: '100%', maxWidth: 360 }}
            placeholder={t('demands.fromTemplate')}
            onChange={applyTemplate}
            options={DEMAND_TEMPLATES.map((x) => ({ value: x.key, label: x.name }))}
          />
        )}
      </Card>
      <Card>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ type: 'subcontract', qualificationGrade: '不限', items: [] }}
          onValuesChange={(changed: Partial<Values>) => {
            // a value the user changed is their own: it no longer awaits confirmation
            for (const name of Object.keys(changed)) if (pending.has(name)) confirm(name);
          }}
          onFinish={(values) => {
            if (pending.size > 0) {
              message.warning(t('demands.confirmFirst', { count: pending.size }));
              form.scrollToField([...pending][0] as keyof Values);
              return;
            }
            create.mutate(values, {
              onSuccess: (demand) => {
                message.success(t('demands.submitted'));
                navigate(`/workspace/demands/${demand.id}`);
              },
              onError: (error) => feedback.showOnForm(form, error, { fields: FIELDS }),
            });
          }}
        >
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="type" label={t('demands.type')} rules={[{ required: true }]} {...mark('type')}>
                <Select options={DEMAND_TYPES.map((v) => ({ value: v, label: t(`demandTypes.${v}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item
                name="title"
                label={t('demands.titleField')}
                rules={[{ required: true, min: 4, max: 100 }]}
                {...mark('title')}
              >
                <Input maxLength={100} data-testid="demand-title" />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item
                name="projectName"
                label={t('demands.projectName')}
                rules={[{ required: true, min: 2, max: 100 }]}
                {...mark('projectName')}
              >
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="category"
                label={t('demands.category')}
                rules={[{ required: true, min: 2, max: 30 }]}
                {...mark('category')}
              >
                <Input maxLength={30} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item
                name="budgetWan"
                label={t('demands.budget')}
                rules={[{ required: true }]}
                {...mark('budgetWan')}
              >
                <InputNumber min={0} style={{ width: '100%' }} data-testid="demand-budget" />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item
                name="deadline"
                label={t('demands.deadline')}
                rules={[{ required: true }]}
                {...mark('deadline')}
              >
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="regionCode"
                label={t('demands.region')}
                rules={[{ required: true }]}
                {...mark('regionCode')}
              >
                <RegionCascader anyLevel placeholder={t('search.regionPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name="qualificationKind" label={t('demands.qualificationKind')} {...mark('qualificationKind')}>
                <Input maxLength={50} data-testid="demand-qualification" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="qualificationGrade"
                label={t('demands.qualificationGrade')}
                {...mark('qualificationGrade')}
              >
                <Select options={DEMAND_QUALIFICATION_GRADES.map((g) => ({ value: g, label: g }))} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="siteAddress" label={t('demands.siteAddress')} {...mark('siteAddress')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item label={t('demands.items')}>
                <Form.List name="items">
                  {(fields, { add, remove }) => (
                    <Flex vertical gap={4}>
                      {fields.map((field) => (
                        <Flex key={field.key} gap={4} wrap align="baseline">
                          <Form.Item name={[field.name, 'name']} rules={[{ required: true }]} noStyle>
                            <Input placeholder={t('demands.itemName')} style={{ width: 160 }} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'spec']} noStyle>
                            <Input placeholder={t('demands.itemSpec')} style={{ width: 160 }} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'unit']} rules={[{ required: true }]} noStyle>
                            <Input placeholder={t('demands.itemUnit')} style={{ width: 80 }} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'quantity']} rules={[{ required: true }]} noStyle>
                            <InputNumber placeholder={t('demands.itemQuantity')} min={0.001} style={{ width: 110 }} />
                          </Form.Item>
                          <MinusCircleOutlined onClick={() => remove(field.name)} />
                        </Flex>
                      ))}
                      <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ unit: '项', quantity: 1 })}>
                        {t('demands.addItem')}
                      </Button>
                    </Flex>
                  )}
                </Form.List>
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="description" label={t('demands.description')} {...mark('description')}>
                <Input.TextArea rows={3} maxLength={5000} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="feasibilityFileId"
                label={t('demands.feasibility')}
                rules={[
                  { required: true, message: t('demands.attachmentRequired', { what: t('demands.feasibility') }) },
                ]}
              >
                <FileUploadField orgId={orgId} testId="upload-feasibility" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="fundsProofFileId"
                label={t('demands.fundsProof')}
                rules={[
                  { required: true, message: t('demands.attachmentRequired', { what: t('demands.fundsProof') }) },
                ]}
              >
                <FileUploadField orgId={orgId} testId="upload-funds" />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="demand-submit">
            {t('demands.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
