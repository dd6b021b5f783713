import {
  CREDIT_GRADES,
  FINANCE_PRODUCT_TYPES,
  type FinanceApplicationView,
  type FinanceBorrowerView,
  type FinanceProductBody,
} from '@zhuhe/contracts';
import {
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { formatDate, formatDateTime } from '../../app/format-date';
import { formatBp, formatFen } from '../../app/format-money';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { useStepUp } from '../identity';
import {
  useApply,
  useBorrower,
  useDecide,
  useLenderProducts,
  useLenderQueue,
  usePortfolio,
  usePublishProduct,
} from './finance.api';

type Application = FinanceApplicationView;
type Asset = z.infer<typeof FinanceBorrowerView>['assets'][number];
type Offer = Asset['offers'][number];

const STATUS_COLOURS: Record<Application['status'], string> = {
  submitted: 'processing',
  rejected: 'default',
  disbursed: 'blue',
  overdue: 'error',
  repaid: 'success',
};

function StatusTag({ status }: { status: Application['status'] }) {
  const { t } = useTranslation('finance');
  return <Tag color={STATUS_COLOURS[status]}>{t(`statuses.${status}`)}</Tag>;
}

/** 审批时限 the working days left (or late) on an application still awaiting a decision. */
function Timer({ a }: { a: Application }) {
  const { t } = useTranslation('finance');
  if (a.workingDaysLeft === null) return <span>—</span>;
  const days = Math.abs(a.workingDaysLeft).toFixed(1);
  return a.workingDaysLeft >= 0 ? (
    <Tag color={a.workingDaysLeft < 1 ? 'warning' : 'processing'}>{t('app.left', { days })}</Tag>
  ) : (
    <Tag color="error">{t('app.late', { days })}</Tag>
  );
}

function Repayments({ a }: { a: Application }) {
  const { t } = useTranslation('finance');
  if (a.repayments.length === 0) return <Typography.Text type="secondary">{t('app.noRepayments')}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={a.repayments}
      renderItem={(r) => (
        <List.Item>
          <Space wrap>
            <span>{formatDateTime(r.at)}</span>
            <Tag>{r.source === 'release' ? t('app.release') : t('app.penaltyCharge')}</Tag>
            <strong>{formatFen(r.amountFen)}</strong>
          </Space>
        </List.Item>
      )}
    />
  );
}

function LoanFacts({ a }: { a: Application }) {
  const { t } = useTranslation('finance');
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
      <Descriptions.Item label={t('app.requested')}>{formatFen(a.requestedFen)}</Descriptions.Item>
      <Descriptions.Item label={t('app.approved')}>{formatFen(a.approvedFen)}</Descriptions.Item>
      <Descriptions.Item label={t('app.fee')}>
        {a.feeFen === null ? '—' : `${formatFen(a.feeFen)}（${formatBp(a.feeBp)}）`}
      </Descriptions.Item>
      <Descriptions.Item label={t('app.due')}>{a.dueDate ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('app.repaid')}>{formatFen(a.repaidFen)}</Descriptions.Item>
      <Descriptions.Item label={t('app.penalty')}>{formatFen(a.penaltyFen)}</Descriptions.Item>
      <Descriptions.Item label={t('app.outstanding')}>{formatFen(a.outstandingFen)}</Descriptions.Item>
      <Descriptions.Item label={t('app.timer')}>
        {formatDateTime(a.decisionDueAt)} <Timer a={a} />
      </Descriptions.Item>
    </Descriptions>
  );
}

// ── borrower ────────────────────────────────────────────────────────────────

/** 工程e贷 the applicant's page: eligible assets with offers, its applications and their repayment schedule. */
export function BorrowerFinance({ orgId, canApply }: { orgId: string; canApply: boolean }) {
  const { t } = useTranslation('finance');
  const query = useBorrower(orgId);
  const [applying, setApplying] = useState<{ asset: Asset; offer: Offer } | null>(null);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { assets, applications } = query.data;
  return (
    <>
      <Tabs
        items={[
          {
            key: 'assets',
            label: t('tabs.assets'),
            children:
              assets.length === 0 ? (
                <Empty description={t('asset.empty')} />
              ) : (
                <Space direction="vertical" style={{ width: '100%' }}>
                  {assets.map((a) => (
                    <Card
                      key={`${a.kind}:${a.contractId}:${a.milestoneId ?? ''}`}
                      size="small"
                      data-testid="finance-asset"
                      title={
                        <Space wrap>
                          <Tag color="blue">{t(`types.${a.kind}`)}</Tag>
                          <span>{a.title || `${t('asset.contract')} ${a.contractId.slice(0, 8)}`}</span>
                          {a.kind === 'receivable' && (
                            <Tag color={a.settled ? 'green' : 'default'}>
                              {a.settled ? t('asset.settled') : t('asset.scheduled')}
                            </Tag>
                          )}
                          {a.financed && <Tag color="purple">{t('asset.financed')}</Tag>}
                        </Space>
                      }
                    >
                      <Space direction="vertical" style={{ width: '100%' }}>
                        <Space wrap>
                          <span>
                            {t('asset.base')}: <strong>{formatFen(a.baseFen)}</strong>
                          </span>
                          {a.dueDate && <span>{`${t('asset.due')}: ${a.dueDate}`}</span>}
                        </Space>
                        {a.offers.length === 0 ? (
                          <Typography.Text type="secondary">{t('asset.noOffers')}</Typography.Text>
                        ) : (
                          a.offers.map((o) => (
                            <OfferLine
                              key={o.productId}
                              offer={o}
                              disabled={!canApply || a.financed}
                              onApply={() => setApplying({ asset: a, offer: o })}
                            />
                          ))
                        )}
                      </Space>
                    </Card>
                  ))}
                </Space>
              ),
          },
          {
            key: 'applications',
            label: t('tabs.applications'),
            children:
              applications.length === 0 ? (
                <Empty description={t('app.empty')} />
              ) : (
                <Space direction="vertical" style={{ width: '100%' }}>
                  {applications.map((a) => (
                    <Card
                      key={a.id}
                      size="small"
                      data-testid="finance-application"
                      title={
                        <Space wrap>
                          <StatusTag status={a.status} />
                          <span>{a.productName}</span>
                          <Typography.Text type="secondary">{a.finOrgName}</Typography.Text>
                        </Space>
                      }
                    >
                      <LoanFacts a={a} />
                      <Typography.Title level={5} style={{ marginTop: 12 }}>
                        {t('app.schedule')}
                      </Typography.Title>
                      <Repayments a={a} />
                    </Card>
                  ))}
                </Space>
              ),
          },
        ]}
      />
      {applying && <ApplyModal orgId={orgId} {...applying} onClose={() => setApplying(null)} />}
    </>
  );
}

function OfferLine({ offer, disabled, onApply }: { offer: Offer; disabled: boolean; onApply: () => void }) {
  const { t } = useTranslation('finance');
  return (
    <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
      <Space wrap>
        <strong>{offer.productName}</strong>
        <Typography.Text type="secondary">{offer.finOrgName}</Typography.Text>
        <span>{t('offer.range', { min: formatFen(offer.minFen), max: formatFen(offer.maxFen) })}</span>
        <span>{t('offer.fee', { fee: formatBp(offer.feeBp), basis: t(`feeBasis.${offer.feeBasis}`) })}</span>
        {!offer.eligible && offer.reason && <Tag color="warning">{offer.reason['zh-CN']}</Tag>}
      </Space>
      <Button type="primary" size="small" disabled={disabled || !offer.eligible} onClick={onApply}>
        {offer.eligible ? t('offer.apply') : t('offer.notEligible')}
      </Button>
    </Space>
  );
}

function ApplyModal({
  orgId,
  asset,
  offer,
  onClose,
}: {
  orgId: string;
  asset: Asset;
  offer: Offer;
  onClose: () => void;
}) {
  const { t } = useTranslation('finance');
  const [form] = Form.useForm<{ amountYuan: number; termDays: number; consent: boolean }>();
  const apply = useApply(orgId);
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await apply.mutateAsync({
        productId: offer.productId,
        asset: { kind: asset.kind, contractId: asset.contractId, milestoneId: asset.milestoneId },
        amountFen: Math.round(v.amountYuan * 100),
        termDays: v.termDays,
        consent: true,
      });
      message.success(t('apply.done'));
      onClose();
    } catch (error) {
      feedback.show(error);
    }
  };
  return (
    <Modal
      open
      title={t('apply.title', { product: offer.productName })}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={apply.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ amountYuan: offer.maxFen / 100, termDays: 90 }}>
        <Form.Item
          name="amountYuan"
          label={t('apply.amount')}
          extra={t('offer.range', { min: formatFen(offer.minFen), max: formatFen(offer.maxFen) })}
          rules={[{ required: true }]}
        >
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="termDays" label={t('apply.term')} rules={[{ required: true }]}>
          <InputNumber min={7} max={720} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="consent"
          valuePropName="checked"
          rules={[
            { validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('apply.consentRequired')))) },
          ]}
        >
          <Checkbox>{t('apply.consent')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

// ── lender ──────────────────────────────────────────────────────────────────

/** 融资工作台 the FIN organisation's products, application queue with working-day timers, and portfolio. */
export function LenderWorkspace({ orgId, canAct }: { orgId: string; canAct: boolean }) {
  const { t } = useTranslation('finance');
  return (
    <Tabs
      items={[
        { key: 'queue', label: t('tabs.queue'), children: <Queue orgId={orgId} canAct={canAct} /> },
        { key: 'portfolio', label: t('tabs.portfolio'), children: <Portfolio orgId={orgId} /> },
        { key: 'products', label: t('tabs.products'), children: <Products orgId={orgId} canAct={canAct} /> },
      ]}
    />
  );
}

function Queue({ orgId, canAct }: { orgId: string; canAct: boolean }) {
  const { t } = useTranslation('finance');
  const query = useLenderQueue(orgId);
  const [deciding, setDeciding] = useState<Application | null>(null);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0) return <Empty description={t('app.empty')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {query.data.items.map((a) => (
        <Card
          key={a.id}
          size="small"
          data-testid="finance-queue-item"
          title={
            <Space wrap>
              <StatusTag status={a.status} />
              <span>{a.applicantOrgName}</span>
              <Tag>{t(`types.${a.productType}`)}</Tag>
              <Timer a={a} />
            </Space>
          }
          extra={
            a.status === 'submitted' && canAct ? (
              <Button type="primary" size="small" onClick={() => setDeciding(a)}>
                {t('decide.approve')}
              </Button>
            ) : null
          }
        >
          <LoanFacts a={a} />
          {a.evidence && (
            <Descriptions size="small" column={1} title={t('app.evidence')} style={{ marginTop: 12 }}>
              <Descriptions.Item label={t('asset.contract')}>
                {`${a.evidence.contract.contractId.slice(0, 8)} · ${formatFen(a.evidence.contract.amountFen)}`}
              </Descriptions.Item>
              {a.evidence.statement && (
                <Descriptions.Item label={t('app.statementHash')}>
                  <Typography.Text code style={{ wordBreak: 'break-all' }}>
                    {a.evidence.statement.sha256}
                  </Typography.Text>
                  {a.evidence.statement.evidenceIndex !== null &&
                    ` · ${t('app.evidenceIndex')} #${a.evidence.statement.evidenceIndex}`}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('app.grade')}>{a.evidence.credit.grade ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('app.history')}>
                {t('app.historyValue', {
                  count: a.evidence.paymentHistory.releases,
                  amount: formatFen(a.evidence.paymentHistory.releasedFen),
                })}
              </Descriptions.Item>
            </Descriptions>
          )}
          {a.repayments.length > 0 && <Repayments a={a} />}
        </Card>
      ))}
      {deciding && <DecideModal orgId={orgId} a={deciding} onClose={() => setDeciding(null)} />}
    </Space>
  );
}

function DecideModal({ orgId, a, onClose }: { orgId: string; a: Application; onClose: () => void }) {
  const { t } = useTranslation('finance');
  const [form] = Form.useForm<{ amountYuan: number; feePct: number; termDays: number; reason?: string }>();
  const decide = useDecide(orgId);
  const { ensureStepUp, stepUpModal } = useStepUp();
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const approve = async () => {
    const v = await form.validateFields(['amountYuan', 'feePct', 'termDays']);
    if (!(await ensureStepUp(t('decide.stepUpReason')))) return;
    try {
      await decide.mutateAsync({
        id: a.id,
        body: {
          decision: 'approve',
          amountFen: Math.round(v.amountYuan * 100),
          feeBp: Math.round(v.feePct * 100),
          termDays: v.termDays,
        },
      });
      message.success(t('decide.approved'));
      onClose();
    } catch (error) {
      feedback.show(error);
    }
  };
  const reject = async () => {
    const v = await form.validateFields(['reason']);
    if (!(await ensureStepUp(t('decide.stepUpReason')))) return;
    try {
      await decide.mutateAsync({ id: a.id, body: { decision: 'reject', reason: v.reason ?? '' } });
      message.success(t('decide.rejected'));
      onClose();
    } catch (error) {
      feedback.show(error);
    }
  };
  return (
    <>
      <Modal
        open
        title={`${a.applicantOrgName} · ${a.productName}`}
        onCancel={onClose}
        destroyOnHidden
        footer={
          <Space wrap>
            <Button danger onClick={() => void reject()} loading={decide.isPending}>
              {t('decide.reject')}
            </Button>
            <Button type="primary" onClick={() => void approve()} loading={decide.isPending}>
              {t('decide.approve')}
            </Button>
          </Space>
        }
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ amountYuan: a.requestedFen / 100, feePct: 2, termDays: a.termDays }}
        >
          <Form.Item name="amountYuan" label={t('decide.amount')} rules={[{ required: true }]}>
            <InputNumber min={0.01} max={a.requestedFen / 100} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="feePct" label={t('decide.fee')} rules={[{ required: true }]}>
            <InputNumber min={1.5} max={3} step={0.1} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="termDays" label={t('decide.term')} rules={[{ required: true }]}>
            <InputNumber min={7} max={720} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reason" label={t('decide.reason')} rules={[{ min: 4 }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
      {stepUpModal}
    </>
  );
}

function Portfolio({ orgId }: { orgId: string }) {
  const { t } = useTranslation('finance');
  const query = usePortfolio(orgId);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { totals, cycle, loans } = query.data;
  const days = (d: number | null) => (d === null ? '—' : t('portfolio.days', { days: d.toFixed(2) }));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap size="large">
        <Statistic title={t('portfolio.loans')} value={totals.loans} />
        <Statistic title={t('portfolio.disbursed')} value={formatFen(totals.disbursedFen)} />
        <Statistic title={t('portfolio.used')} value={formatFen(totals.usedFen)} />
        <Statistic title={t('portfolio.repaid')} value={formatFen(totals.repaidFen)} />
        <Statistic title={t('portfolio.outstanding')} value={formatFen(totals.outstandingFen)} />
        <Statistic title={t('portfolio.overdue')} value={formatFen(totals.overdueFen)} />
        <Statistic title={t('portfolio.closed')} value={totals.closed} />
      </Space>
      <Space wrap size="large">
        <Statistic title={t('portfolio.cycle')} value={days(cycle.averageDecisionWorkingDays)} />
        <Statistic
          title={t('portfolio.onTime')}
          value={cycle.onTimeShare === null ? '—' : `${Math.round(cycle.onTimeShare * 100)}%`}
        />
      </Space>
      <Table
        size="small"
        rowKey="applicationId"
        scroll={{ x: 900 }}
        dataSource={loans}
        locale={{ emptyText: t('portfolio.empty') }}
        pagination={false}
        columns={[
          { title: t('app.applicant'), dataIndex: 'applicantOrgName' },
          {
            title: t('app.status'),
            dataIndex: 'status',
            render: (s: Application['status']) => <StatusTag status={s} />,
          },
          { title: t('portfolio.disbursed'), dataIndex: 'disbursedFen', render: formatFen },
          { title: t('portfolio.used'), dataIndex: 'usedFen', render: formatFen },
          { title: t('portfolio.repaid'), dataIndex: 'repaidFen', render: formatFen },
          { title: t('portfolio.overdue'), dataIndex: 'overdueFen', render: formatFen },
          { title: t('portfolio.decisionDays'), dataIndex: 'decisionWorkingDays', render: days },
          { title: t('portfolio.disbursementDays'), dataIndex: 'disbursementWorkingDays', render: days },
          { title: t('portfolio.promised'), dataIndex: 'promisedWorkingDays', render: (d: number) => days(d) },
        ]}
      />
    </Space>
  );
}

function Products({ orgId, canAct }: { orgId: string; canAct: boolean }) {
  const { t } = useTranslation('finance');
  const query = useLenderProducts(orgId);
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
        size="small"
        rowKey="id"
        scroll={{ x: 760 }}
        dataSource={query.data.items}
        locale={{ emptyText: t('product.empty') }}
        pagination={false}
        columns={[
          { title: t('product.name'), dataIndex: 'name' },
          { title: t('product.type'), dataIndex: 'type', render: (v: string) => t(`types.${v as 'order'}`) },
          {
            title: t('product.ratio'),
            key: 'ratio',
            render: (_, p) =>
              p.minRatioBp > 0
                ? `${formatBp(p.minRatioBp)} – ${formatBp(p.maxRatioBp)}`
                : `≤ ${formatBp(p.maxRatioBp)}`,
          },
          {
            title: t('product.fee'),
            key: 'fee',
            render: (_, p) => `${formatBp(p.feeBp)} ${t(`feeBasis.${p.feeBasis}`)}`,
          },
          { title: t('product.minGrade'), dataIndex: 'minGrade' },
          { title: t('product.decisionDays'), dataIndex: 'decisionDays' },
          { title: t('product.published'), dataIndex: 'createdAt', render: formatDate },
        ]}
      />
      {open && <ProductModal orgId={orgId} onClose={() => setOpen(false)} />}
    </Space>
  );
}

interface ProductForm {
  name: string;
  type: FinanceProductBody['type'];
  minRatioPct: number;
  maxRatioPct: number;
  feePct: number;
  feeBasis: 'annual' | 'flat';
  minGrade: FinanceProductBody['minGrade'];
  regions: string;
  categories: FinanceProductBody['categories'];
  aaaPct: number;
  decisionDays: number;
  maxTermDays: number;
  penaltyPct: number;
}

function ProductModal({ orgId, onClose }: { orgId: string; onClose: () => void }) {
  const { t } = useTranslation('finance');
  const [form] = Form.useForm<ProductForm>();
  const publish = usePublishProduct(orgId);
  const feedback = useErrorFeedback();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await publish.mutateAsync({
        name: v.name,
        type: v.type,
        minRatioBp: Math.round((v.minRatioPct ?? 0) * 100),
        maxRatioBp: Math.round(v.maxRatioPct * 100),
        feeBp: Math.round(v.feePct * 100),
        feeBasis: v.feeBasis,
        minGrade: v.minGrade,
        regions: (v.regions ?? '')
          .split(/[,，\s]+/)
          .map((s) => s.trim())
          .filter(Boolean),
        categories: v.categories ?? [],
        aaaDiscountBp: Math.round((v.aaaPct ?? 0) * 100),
        decisionDays: v.decisionDays,
        maxTermDays: v.maxTermDays,
        penaltyBpPerDay: Math.round((v.penaltyPct ?? 0) * 100),
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
          type: 'receivable',
          minRatioPct: 0,
          maxRatioPct: 80,
          feePct: 2,
          feeBasis: 'annual',
          minGrade: 'A',
          regions: '',
          categories: [],
          aaaPct: 0.3,
          decisionDays: 3,
          maxTermDays: 180,
          penaltyPct: 0.05,
        }}
      >
        <Form.Item name="name" label={t('product.name')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="type" label={t('product.type')}>
          <Select options={FINANCE_PRODUCT_TYPES.map((v) => ({ value: v, label: t(`types.${v}`) }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="minRatioPct" label={t('product.minRatio')}>
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item name="maxRatioPct" label={t('product.maxRatio')} rules={[{ required: true }]}>
            <InputNumber min={0.01} max={100} />
          </Form.Item>
          <Form.Item name="feePct" label={t('product.fee')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} step={0.1} />
          </Form.Item>
        </Space>
        <Form.Item name="feeBasis" label={t('product.basis')}>
          <Select options={(['annual', 'flat'] as const).map((v) => ({ value: v, label: t(`feeBasis.${v}`) }))} />
        </Form.Item>
        <Form.Item name="minGrade" label={t('product.minGrade')}>
          <Select options={CREDIT_GRADES.map((g) => ({ value: g, label: g }))} />
        </Form.Item>
        <Form.Item name="categories" label={t('product.categories')}>
          <Select
            mode="multiple"
            options={(['GC', 'SUB', 'SUP'] as const).map((r) => ({ value: r, label: t(`product.roles.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="regions" label={t('product.regions')}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="aaaPct" label={t('product.aaa')}>
            <InputNumber min={0} max={1} step={0.1} />
          </Form.Item>
          <Form.Item name="decisionDays" label={t('product.decisionDays')}>
            <InputNumber min={1} max={10} precision={0} />
          </Form.Item>
          <Form.Item name="maxTermDays" label={t('product.maxTerm')}>
            <InputNumber min={7} max={720} precision={0} />
          </Form.Item>
          <Form.Item name="penaltyPct" label={t('product.penalty')}>
            <InputNumber min={0} max={1} step={0.01} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
