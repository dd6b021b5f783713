import {
  CREDIT_GRADES,
  type InsuranceBondView,
  type InsuranceClaimView,
  type InsurancePolicyView,
  type InsuranceProductBody,
} from '@zhuhe/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../app/format-date';
import { formatBp, formatFen } from '../../app/format-money';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { useStepUp } from '../identity';
import {
  claimEvidenceUrl,
  policyPdfUrl,
  useBond,
  useBuyPolicy,
  useDecideClaim,
  useFileClaim,
  useInsurerProducts,
  usePolicies,
  usePublishProduct,
  useSetProductActive,
} from './insurance.api';

type Offer = InsuranceBondView['offers'][number];
type Policy = InsurancePolicyView;
type Claim = InsuranceClaimView;

const CLAIM_COLOURS: Record<Claim['status'], string> = {
  submitted: 'processing',
  approved: 'success',
  rejected: 'default',
};

/** The refusal in the reader's language. */
function useLocalised() {
  const { i18n } = useTranslation();
  return (m: { 'zh-CN': string; en: string }) => (i18n.language === 'en' ? m.en : m['zh-CN']);
}

// ── the bond on the contract's money page ───────────────────────────────────

/**
 * 履约保证险 on the contract's money page: to the contractor, while its bond is due, the offers it may buy in place
 * of the cash bond; to the three parties, the policy and its claims. Nothing for a contract without a bond.
 */
export function BondInsurance({ orgId, contractId, canAct }: { orgId: string; contractId: string; canAct: boolean }) {
  const { t } = useTranslation('insurance');
  const local = useLocalised();
  const query = useBond(orgId, contractId);
  const [buying, setBuying] = useState<Offer | null>(null);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return null;
  const bond = query.data;
  return (
    <Card title={t('bond.title')} data-testid="bond-insurance" style={{ marginTop: 16 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {bond.readerRole === 'holder' && bond.bondDue ? (
          <>
            <Typography.Text>
              {t('bond.due', { required: formatFen(bond.bondRequiredFen), posted: formatFen(bond.bondPostedFen) })}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('bond.wallet', { amount: formatFen(bond.walletFen) })}
            </Typography.Text>
            {bond.offers.length === 0 ? (
              <Typography.Text type="secondary">{t('bond.noOffers')}</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={bond.offers}
                renderItem={(o) => (
                  <List.Item
                    data-testid="insurance-offer"
                    actions={[
                      <Button
                        key="buy"
                        type="primary"
                        size="small"
                        disabled={!canAct || !o.eligible}
                        onClick={() => setBuying(o)}
                      >
                        {o.eligible ? t('bond.buy') : t('bond.notEligible')}
                      </Button>,
                    ]}
                  >
                    <Space wrap>
                      <strong>{o.productName}</strong>
                      <Typography.Text type="secondary">{o.insurerOrgName}</Typography.Text>
                      <span>
                        {t('bond.premium', { premium: formatFen(o.premiumFen), rate: formatBp(o.premiumBp) })}
                      </span>
                      <span>{t('bond.term', { days: o.termDays })}</span>
                      {o.reason && (
                        <Tag color="warning" style={{ whiteSpace: 'normal' }}>
                          {local(o.reason)}
                        </Tag>
                      )}
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </>
        ) : null}
        {bond.policy ? (
          <PolicyCard orgId={orgId} policy={bond.policy} canAct={canAct} />
        ) : bond.bondDue ? null : (
          <Typography.Text type="secondary">{t('bond.notDue')}</Typography.Text>
        )}
      </Space>
      {buying && (
        <BuyModal orgId={orgId} contractId={contractId} bond={bond} offer={buying} onClose={() => setBuying(null)} />
      )}
    </Card>
  );
}

function BuyModal({
  orgId,
  contractId,
  bond,
  offer,
  onClose,
}: {
  orgId: string;
  contractId: string;
  bond: InsuranceBondView;
  offer: Offer;
  onClose: () => void;
}) {
  const { t } = useTranslation('insurance');
  const [form] = Form.useForm<{ insuredYuan: number }>();
  const buy = useBuyPolicy(orgId);
  const { ensureStepUp, stepUpModal } = useStepUp();
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const submit = async () => {
    const v = await form.validateFields();
    if (!(await ensureStepUp(t('bond.stepUpReason')))) return;
    try {
      await buy.mutateAsync({ productId: offer.productId, contractId, insuredFen: Math.round(v.insuredYuan * 100) });
      message.success(t('bond.bought'));
      onClose();
    } catch (error) {
      feedback.show(error);
    }
  };
  return (
    <>
      <Modal
        open
        title={t('bond.buyTitle', { product: offer.productName })}
        onCancel={onClose}
        onOk={() => void submit()}
        okText={t('bond.buy')}
        confirmLoading={buy.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ insuredYuan: bond.bondRequiredFen / 100 }}>
          <Form.Item
            name="insuredYuan"
            label={t('bond.insured')}
            extra={t('bond.insuredHint', {
              required: formatFen(bond.bondRequiredFen),
              max: formatFen(offer.maxInsuredFen),
            })}
            rules={[{ required: true }]}
          >
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Typography.Paragraph type="secondary">
            {t('bond.premium', { premium: formatFen(offer.premiumFen), rate: formatBp(offer.premiumBp) })}
          </Typography.Paragraph>
          <Alert type="info" showIcon title={t('bond.buyNote')} />
        </Form>
      </Modal>
      {stepUpModal}
    </>
  );
}

// ── a policy with its claims ────────────────────────────────────────────────

/** One policy as its reader sees it: terms, the PDF and its hash, the claims and what the reader may do with them. */
export function PolicyCard({ orgId, policy, canAct }: { orgId: string; policy: Policy; canAct: boolean }) {
  const { t } = useTranslation('insurance');
  const [claiming, setClaiming] = useState(false);
  const [deciding, setDeciding] = useState<Claim | null>(null);
  const open = policy.claims.some((c) => c.status === 'submitted');
  const mayClaim = canAct && policy.readerRole === 'beneficiary' && policy.status === 'active' && !open;
  return (
    <Card
      size="small"
      data-testid="insurance-policy"
      title={
        <Space wrap>
          <Tag color={policy.status === 'active' ? 'blue' : 'default'}>{t(`policyStatuses.${policy.status}`)}</Tag>
          <span>{policy.productName}</span>
          <Tag>{t(`roles.${policy.readerRole}`)}</Tag>
        </Space>
      }
      extra={
        mayClaim ? (
          <Button size="small" danger onClick={() => setClaiming(true)}>
            {t('policy.fileClaim')}
          </Button>
        ) : null
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
        <Descriptions.Item label={t('policy.no')}>{policy.policyNo}</Descriptions.Item>
        <Descriptions.Item label={t('policy.insurer')}>{policy.insurerOrgName}</Descriptions.Item>
        <Descriptions.Item label={t('policy.holder')}>{policy.holderOrgName}</Descriptions.Item>
        <Descriptions.Item label={t('policy.beneficiary')}>{policy.beneficiaryOrgName}</Descriptions.Item>
        <Descriptions.Item label={t('policy.bond')}>{formatFen(policy.bondRequiredFen)}</Descriptions.Item>
        <Descriptions.Item label={t('policy.insured')}>{formatFen(policy.insuredFen)}</Descriptions.Item>
        <Descriptions.Item label={t('policy.premium')}>
          {`${formatFen(policy.premiumFen)}（${formatBp(policy.premiumBp)}）`}
        </Descriptions.Item>
        <Descriptions.Item label={t('policy.period')}>{`${policy.startsOn} – ${policy.endsOn}`}</Descriptions.Item>
        <Descriptions.Item label={t('policy.hash')} span={2}>
          <Typography.Text code style={{ wordBreak: 'break-all' }}>
            {policy.pdfSha256}
          </Typography.Text>
          {` · ${t('policy.evidenceIndex')} #${policy.evidenceIndex}`}
        </Descriptions.Item>
      </Descriptions>
      <Space style={{ marginTop: 8 }} wrap>
        <a href={policyPdfUrl(orgId, policy.id)} target="_blank" rel="noreferrer">
          {t('policy.pdf')}
        </a>
      </Space>
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('policy.claims')}
      </Typography.Title>
      {policy.claims.length === 0 ? (
        <Typography.Text type="secondary">{t('policy.noClaims')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={policy.claims}
          renderItem={(c) => (
            <List.Item
              data-testid="insurance-claim"
              actions={
                canAct && policy.readerRole === 'insurer' && c.status === 'submitted'
                  ? [
                      <Button key="decide" type="primary" size="small" onClick={() => setDeciding(c)}>
                        {t('claim.approve')}
                      </Button>,
                    ]
                  : []
              }
            >
              <Space direction="vertical" size={2}>
                <Space wrap>
                  <Tag color={CLAIM_COLOURS[c.status]}>{t(`claimStatuses.${c.status}`)}</Tag>
                  <strong>{formatFen(c.amountFen)}</strong>
                  <Typography.Text type="secondary">{formatDateTime(c.filedAt)}</Typography.Text>
                  {c.status === 'approved' && (
                    <Tag color="green">{t('claim.paid', { amount: formatFen(c.paidFen) })}</Tag>
                  )}
                </Space>
                <Typography.Text>{c.reason}</Typography.Text>
                {c.evidence.map((e) => (
                  <a key={e.fileId} href={claimEvidenceUrl(orgId, c.id, e.fileId)} target="_blank" rel="noreferrer">
                    {`${t('claim.evidence')}：${e.name}`}
                  </a>
                ))}
                {c.rejectReason && (
                  <Typography.Text type="secondary">
                    {t('claim.rejectReason', { reason: c.rejectReason })}
                  </Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
      {claiming && <ClaimModal orgId={orgId} policy={policy} onClose={() => setClaiming(false)} />}
      {deciding && <DecideModal orgId={orgId} claim={deciding} onClose={() => setDeciding(null)} />}
    </Card>
  );
}

function ClaimModal({ orgId, policy, onClose }: { orgId: string; policy: Policy; onClose: () => void }) {
  const { t } = useTranslation('insurance');
  const [form] = Form.useForm<{ amountYuan: number; reason: string; files?: { originFileObj?: File }[] }>();
  const file = useFileClaim(orgId);
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await file.mutateAsync({
        policyId: policy.id,
        body: { amountFen: Math.round(v.amountYuan * 100), reason: v.reason },
        files: (v.files ?? []).flatMap((f) => (f.originFileObj ? [f.originFileObj] : [])),
      });
      message.success(t('claim.filed'));
      onClose();
    } catch (error) {
      feedback.show(error);
    }
  };
  return (
    <Modal
      open
      title={t('claim.title', { no: policy.policyNo })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('policy.fileClaim')}
      confirmLoading={file.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ amountYuan: policy.insuredFen / 100 }}>
        <Form.Item name="amountYuan" label={t('claim.amount')} rules={[{ required: true }]}>
          <InputNumber min={0.01} max={policy.insuredFen / 100} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('claim.reason')}
          extra={t('claim.reasonHint')}
          rules={[{ required: true, min: 10 }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item
          name="files"
          label={t('claim.evidence')}
          valuePropName="fileList"
          getValueFromEvent={(e) => e?.fileList}
        >
          <Upload beforeUpload={() => false} accept=".pdf,.jpg,.jpeg,.png" multiple maxCount={10}>
            <Button>{t('claim.upload')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DecideModal({ orgId, claim, onClose }: { orgId: string; claim: Claim; onClose: () => void }) {
  const { t } = useTranslation('insurance');
  const [form] = Form.useForm<{ reason?: string }>();
  const decide = useDecideClaim(orgId);
  const { ensureStepUp, stepUpModal } = useStepUp();
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const run = async (decision: 'approve' | 'reject') => {
    const v = decision === 'reject' ? await form.validateFields() : {};
    if (!(await ensureStepUp(t('claim.stepUpReason')))) return;
    try {
      await decide.mutateAsync({
        id: claim.id,
        body: decision === 'approve' ? { decision } : { decision, reason: v.reason ?? '' },
      });
      message.success(decision === 'approve' ? t('claim.approved') : t('claim.rejected'));
      onClose();
    } catch (error) {
      feedback.show(error);
    }
  };
  return (
    <>
      <Modal
        open
        title={`${claim.policyNo} · ${formatFen(claim.amountFen)}`}
        onCancel={onClose}
        destroyOnHidden
        footer={
          <Space wrap>
            <Button danger onClick={() => void run('reject')} loading={decide.isPending}>
              {t('claim.reject')}
            </Button>
            <Button type="primary" onClick={() => void run('approve')} loading={decide.isPending}>
              {t('claim.approve')}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph>{claim.reason}</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t('claim.rejectLabel')} rules={[{ min: 4 }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
      {stepUpModal}
    </>
  );
}

// ── lists ───────────────────────────────────────────────────────────────────

/** The policies the organisation holds, benefits from or insures, each with its claims. */
export function PolicyList({ orgId, canAct }: { orgId: string; canAct: boolean }) {
  const { t } = useTranslation('insurance');
  const query = usePolicies(orgId);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0) return <Empty description={t('policy.empty')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {query.data.items.map((p) => (
        <PolicyCard key={p.id} orgId={orgId} policy={p} canAct={canAct} />
      ))}
    </Space>
  );
}

/** 保险工作台 the insurer's policies and claims, and its products (publish, pause, resume). */
export function InsurerWorkspace({ orgId, canAct }: { orgId: string; canAct: boolean }) {
  const { t } = useTranslation('insurance');
  return (
    <Tabs
      items={[
        { key: 'policies', label: t('tabs.policies'), children: <PolicyList orgId={orgId} canAct={canAct} /> },
        { key: 'products', label: t('tabs.products'), children: <Products orgId={orgId} canAct={canAct} /> },
      ]}
    />
  );
}

function Products({ orgId, canAct }: { orgId: string; canAct: boolean }) {
  const { t } = useTranslation('insurance');
  const query = useInsurerProducts(orgId);
  const toggle = useSetProductActive(orgId);
  const feedback = useErrorFeedback();
  const [open, setOpen] = useState(false);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canAct && (
        <Button type="primary" onClick={() => setOpen(true)}>
          {t('product.new')}
        </Button>
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 720 }}
        dataSource={query.data.items}
        locale={{ emptyText: t('product.empty') }}
        columns={[
          { title: t('product.name'), dataIndex: 'name' },
          { title: t('product.columns.premium'), dataIndex: 'premiumBp', render: (v: number) => formatBp(v) },
          { title: t('product.columns.coverage'), dataIndex: 'coverageBp', render: (v: number) => formatBp(v) },
          {
            title: t('product.columns.maxInsured'),
            dataIndex: 'maxInsuredFen',
            render: (v: number) => formatFen(v),
          },
          { title: t('product.minGrade'), dataIndex: 'minGrade' },
          {
            title: t('product.columns.term'),
            dataIndex: 'termDays',
            render: (v: number) => t('product.days', { days: v }),
          },
          { title: t('product.published'), dataIndex: 'createdAt', render: formatDate },
          {
            title: t('product.status'),
            key: 'status',
            render: (_, p) => (
              <Space wrap>
                <Tag color={p.active ? 'green' : 'default'}>{p.active ? t('product.active') : t('product.paused')}</Tag>
                {canAct && (
                  <Button
                    size="small"
                    loading={toggle.isPending}
                    onClick={() => toggle.mutateAsync({ id: p.id, active: !p.active }).catch(feedback.show)}
                  >
                    {p.active ? t('product.pause') : t('product.resume')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {open && <ProductModal orgId={orgId} onClose={() => setOpen(false)} />}
    </Space>
  );
}

interface ProductForm {
  name: string;
  premiumPct: number;
  coveragePct: number;
  maxInsuredYuan: number;
  minGrade: InsuranceProductBody['minGrade'];
  regions: string;
  termDays: number;
}

function ProductModal({ orgId, onClose }: { orgId: string; onClose: () => void }) {
  const { t } = useTranslation('insurance');
  const [form] = Form.useForm<ProductForm>();
  const publish = usePublishProduct(orgId);
  const feedback = useErrorFeedback();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await publish.mutateAsync({
        name: v.name,
        premiumBp: Math.round(v.premiumPct * 100),
        coverageBp: Math.round(v.coveragePct * 100),
        maxInsuredFen: Math.round(v.maxInsuredYuan * 100),
        minGrade: v.minGrade,
        regions: (v.regions ?? '')
          .split(/[,，\s]+/)
          .map((s) => s.trim())
          .filter(Boolean),
        termDays: v.termDays,
      });
      onClose();
    } catch (error) {
      feedback.show(error);
    }
  };
  return (
    <Modal
      open
      title={t('product.new')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={publish.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          premiumPct: 1.5,
          coveragePct: 100,
          maxInsuredYuan: 1_000_000,
          minGrade: 'B',
          regions: '',
          termDays: 365,
        }}
      >
        <Typography.Paragraph type="secondary">{t('product.limits')}</Typography.Paragraph>
        <Form.Item name="name" label={t('product.name')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="premiumPct" label={t('product.premium')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} step={0.1} precision={2} />
          </Form.Item>
          <Form.Item name="coveragePct" label={t('product.coverage')} rules={[{ required: true }]}>
            <InputNumber min={0} max={1000} precision={0} />
          </Form.Item>
        </Space>
        <Form.Item name="maxInsuredYuan" label={t('product.maxInsured')} rules={[{ required: true }]}>
          <InputNumber min={1} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="minGrade" label={t('product.minGrade')}>
          <Select options={CREDIT_GRADES.map((g) => ({ value: g, label: g }))} />
        </Form.Item>
        <Form.Item name="regions" label={t('product.regions')}>
          <Input />
        </Form.Item>
        <Form.Item name="termDays" label={t('product.term')} rules={[{ required: true }]}>
          <InputNumber min={30} max={1825} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
