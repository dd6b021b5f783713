import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
// the date picker follows the UI language through dayjs's locale
import '../../app/dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../app/format-date';
import { formatFen } from '../../app/format-money';
import { useLanguage } from '../../app/language';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { OrgGradeBadge } from '../credit';
import * as api from './tendering.api';
import { useMemberOptions, useTender, useTenderMutation } from './tendering.queries';
import { STATUS_COLOR } from './tenders-table';

type T = api.TenderData;
const points = (hundredths: number) => (hundredths / 100).toFixed(2);
const short = (hash: string) => `${hash.slice(0, 16)}…`;

/** One tender, for the buyer (publish, addenda, opening, evaluation, award, contract) or a bidder (bid, award). */
export function TenderDetail({ orgId, tenderId, manager }: { orgId: string; tenderId: string; manager: boolean }) {
  const { t } = useTranslation('tendering');
  const tender = useTender(orgId, tenderId);
  if (tender.isError) return <ErrorState error={tender.error} onRetry={() => void tender.refetch()} />;
  if (!tender.data) return <LoadingState />;
  const x = tender.data;
  const buyer = x.viewerRole === 'buyer';
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <TenderInfo tender={x} />
      {x.status === 'open' || x.status === 'draft' ? (
        <Alert type="info" showIcon message={t('detail.sealedNotice')} />
      ) : null}
      {buyer && manager ? <BuyerActions orgId={orgId} tender={x} /> : null}
      {!buyer && x.status === 'open' && manager ? <BidPanel orgId={orgId} tender={x} /> : null}
      {!buyer && x.status !== 'open' && x.myBid ? <ReceiptCard tender={x} /> : null}
      {x.opening ? <OpeningCard orgId={orgId} tender={x} /> : null}
      {x.evaluation ? <EvaluationCard orgId={orgId} tender={x} manager={manager} /> : null}
      {x.awards.length ? <AwardsCard orgId={orgId} tender={x} manager={manager} /> : null}
      {x.contractId ? (
        <Alert
          type="success"
          showIcon
          message={
            <Link to={`/workspace/contracts/${x.contractId}`} data-testid="tender-contract-link">
              {t('award.contractLink')}
            </Link>
          }
        />
      ) : null}
      {buyer && manager && x.status === 'awarded' && !x.contractId ? <ContractForm orgId={orgId} tender={x} /> : null}
    </Space>
  );
}

function TenderInfo({ tender: x }: { tender: T }) {
  const { t } = useTranslation('tendering');
  return (
    <Card
      title={
        <Space wrap>
          {x.title}
          <Tag color={STATUS_COLOR[x.status]} data-testid="tender-status">
            {t(`status.${x.status}`)}
          </Tag>
        </Space>
      }
    >
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('detail.buyer')}>
          {x.orgName} <OrgGradeBadge orgId={x.orgId} />
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.project')}>{x.projectName}</Descriptions.Item>
        <Descriptions.Item label={t('list.columns.mode')}>{t(`mode.${x.mode}`)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.deadline')}>
          <span data-testid="tender-deadline" data-deadline={x.deadline}>
            {formatDateTime(x.deadline)}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.version')}>{x.version}</Descriptions.Item>
        <Descriptions.Item label={t('detail.budget')}>{formatFen(x.budgetFen)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.qualification')}>
          {x.qualification.kind || '—'} {x.qualification.grade}
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.weights')}>{t('detail.weightsValue', x.weights)}</Descriptions.Item>
        {x.publishedSha256 ? (
          <Descriptions.Item label={t('detail.publishedHash')}>
            <Typography.Text code copyable={{ text: x.publishedSha256 }}>
              {short(x.publishedSha256)}
            </Typography.Text>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Typography.Title level={5}>{t('detail.boq')}</Typography.Title>
      <Table
        size="small"
        rowKey={(_, i) => String(i)}
        pagination={false}
        scroll={{ x: 480 }}
        dataSource={x.items}
        columns={[
          { title: t('detail.item'), dataIndex: 'name' },
          { title: t('detail.spec'), dataIndex: 'spec' },
          { title: t('detail.unit'), dataIndex: 'unit' },
          { title: t('detail.quantity'), dataIndex: 'quantity' },
        ]}
      />
      <Typography.Title level={5}>{t('addendum.title')}</Typography.Title>
      {x.addenda.length === 0 ? (
        <Typography.Text type="secondary">{t('addendum.none')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={x.addenda}
          renderItem={(a) => (
            <List.Item>
              <List.Item.Meta
                title={t('addendum.item', { no: a.versionNo, summary: a.summary })}
                description={`${a.body} · ${formatDateTime(a.createdAt)} · ${t('detail.deadline')} ${formatDateTime(a.deadline)} · SHA-256 ${short(a.sha256)}`}
              />
            </List.Item>
          )}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('detail.dbTime', { time: formatDateTime(x.dbNow) })}
      </Typography.Paragraph>
    </Card>
  );
}

function BuyerActions({ orgId, tender: x }: { orgId: string; tender: T }) {
  const { t } = useTranslation('tendering');
  const feedback = useErrorFeedback();
  const action = useTenderMutation(orgId, (a: { name: string; body?: unknown }) =>
    api.tenderAction(orgId, x.id, a.name, a.body),
  );
  const run = (name: string, body?: unknown) => action.mutateAsync({ name, body }).catch(feedback.show);
  const [form] = Form.useForm<{ summary: string; body: string; deadline?: Dayjs }>();
  if (x.status === 'draft')
    return (
      <Button
        type="primary"
        onClick={() => void run('publish')}
        loading={action.isPending}
        data-testid="tender-publish"
      >
        {t('detail.publish')}
      </Button>
    );
  if (x.status === 'closed')
    return (
      <Card title={t('opening.title')}>
        <Button type="primary" onClick={() => void run('open')} loading={action.isPending} data-testid="tender-open">
          {t('opening.open')}
        </Button>
      </Card>
    );
  if (x.status !== 'open') return null;
  return (
    <Card title={t('addendum.add')}>
      <Typography.Paragraph type="secondary">{t('opening.waiting')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 640 }}
        onFinish={async (v) => {
          await run('addenda', {
            summary: v.summary,
            body: v.body,
            ...(v.deadline ? { deadline: v.deadline.toISOString() } : {}),
          });
          form.resetFields();
        }}
      >
        <Form.Item name="summary" label={t('addendum.summary')} rules={[{ required: true, min: 2, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="body" label={t('addendum.body')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="deadline" label={t('addendum.deadline')}>
          <DatePicker showTime style={{ width: '100%' }} />
        </Form.Item>
        <Button htmlType="submit" loading={action.isPending}>
          {t('addendum.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function ReceiptCard({ tender: x }: { tender: T }) {
  const { t } = useTranslation('tendering');
  const bid = x.myBid;
  if (!bid) return null;
  return (
    <Card title={t('bid.title')}>
      <Space direction="vertical">
        <Tag color={bid.status === 'withdrawn' ? 'default' : 'success'}>
          {bid.status === 'withdrawn' ? t('bid.withdrawn') : t('bid.submitted')}
        </Tag>
        <Typography.Text data-testid="bid-receipt">
          {t('bid.receipt', { hash: bid.envelopeSha256, index: bid.evidenceIndex ?? '—' })}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('bid.revision', { no: bid.revision, version: bid.confirmedVersion })}
        </Typography.Text>
        <Link to={`/workspace/tenders/${x.id}/prequalification`}>{t('bid.prequal')}</Link>
        {x.status === 'open' ? null : <Typography.Text type="secondary">{t('bid.closed')}</Typography.Text>}
      </Space>
    </Card>
  );
}

function BidPanel({ orgId, tender: x }: { orgId: string; tender: T }) {
  const { t } = useTranslation('tendering');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const [form] = Form.useForm<{ plan: string; qualifications?: string; prices: (number | null)[] }>();
  const prices = Form.useWatch('prices', form) ?? [];
  const total = x.items.reduce(
    (s, item, i) => s + Math.round(item.quantity * Math.round(Number(prices[i] ?? 0) * 100)),
    0,
  );
  const submit = useTenderMutation(orgId, (body: Parameters<typeof api.submitBid>[2]) =>
    api.submitBid(orgId, x.id, body),
  );
  const confirm = useTenderMutation(orgId, () => api.confirmBid(orgId, x.id, x.version));
  const withdraw = useTenderMutation(orgId, () => api.withdrawBid(orgId, x.id));
  const bid = x.myBid;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {bid?.needsReconfirmation ? (
        <Alert
          type="warning"
          showIcon
          message={t('bid.reconfirm', { version: x.version })}
          action={
            <Button
              type="primary"
              data-testid="bid-confirm"
              loading={confirm.isPending}
              onClick={() => void confirm.mutateAsync(undefined).catch(feedback.show)}
            >
              {t('bid.confirm')}
            </Button>
          }
        />
      ) : null}
      {bid ? <ReceiptCard tender={x} /> : null}
      <Card title={bid?.status === 'submitted' ? t('bid.resubmit') : t('bid.title')}>
        <Form
          form={form}
          layout="vertical"
          style={{ maxWidth: 720 }}
          onFinish={async (v) => {
            try {
              await submit.mutateAsync({
                constructionPlan: v.plan,
                qualificationNumbers: (v.qualifications ?? '')
                  .split(/[,，\s]+/)
                  .map((s) => s.trim())
                  .filter(Boolean),
                unitPricesFen: x.items.map((_, i) => Math.round(Number(v.prices[i] ?? 0) * 100)),
                tenderVersion: x.version,
              });
              message.success(t('bid.submitted'));
            } catch (error) {
              feedback.show(error);
            }
          }}
        >
          <Form.Item name="plan" label={t('bid.plan')} rules={[{ required: true, min: 10 }]}>
            <Input.TextArea rows={5} maxLength={20_000} data-testid="bid-plan" />
          </Form.Item>
          <Form.Item name="qualifications" label={t('bid.qualifications')}>
            <Input />
          </Form.Item>
          <Typography.Text strong>{t('bid.prices')}</Typography.Text>
          {x.items.map((item, i) => (
            <Form.Item
              // biome-ignore lint/suspicious/noArrayIndexKey: bill lines have no id and never reorder
              key={i}
              name={['prices', i]}
              label={`${item.name}${item.spec ? `（${item.spec}）` : ''} · ${item.quantity} ${item.unit} · ${t('detail.unitPrice')}`}
              rules={[{ required: true }]}
            >
              <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid={`bid-price-${i}`} />
            </Form.Item>
          ))}
          <Typography.Paragraph strong data-testid="bid-total">
            {t('bid.total', { total: formatFen(total) })}
          </Typography.Paragraph>
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="bid-submit">
              {bid?.status === 'submitted' ? t('bid.resubmit') : t('bid.submit')}
            </Button>
            {bid?.status === 'submitted' ? (
              <Button danger onClick={() => void withdraw.mutateAsync(undefined).catch(feedback.show)}>
                {t('bid.withdraw')}
              </Button>
            ) : null}
            <Link to={`/workspace/tenders/${x.id}/prequalification`}>{t('bid.prequal')}</Link>
          </Space>
        </Form>
      </Card>
    </Space>
  );
}

function OpeningCard({ orgId, tender: x }: { orgId: string; tender: T }) {
  const { t } = useTranslation('tendering');
  const lang = useLanguage();
  const opening = x.opening;
  if (!opening) return null;
  return (
    <Card
      title={t('opening.title')}
      extra={
        <Button href={api.openingPdfUrl(orgId, x.id)} target="_blank" data-testid="opening-pdf">
          {t('opening.pdf')}
        </Button>
      }
    >
      <Typography.Paragraph>
        {t('opening.openedAt', { time: formatDateTime(opening.openedAt) })} ·{' '}
        {t('opening.hash', { hash: short(opening.sha256) })}
      </Typography.Paragraph>
      <Table
        rowKey="bidId"
        size="small"
        pagination={false}
        scroll={{ x: 640 }}
        dataSource={opening.bids}
        data-testid="opening-table"
        expandable={{
          rowExpandable: (b) => Boolean(b.constructionPlan),
          expandedRowRender: (b) => (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              <strong>{t('opening.plan')}：</strong>
              {b.constructionPlan}
            </Typography.Paragraph>
          ),
        }}
        columns={[
          {
            title: t('opening.bidder'),
            dataIndex: 'bidderName',
            render: (name: string, b) => (
              <span>
                {name} <OrgGradeBadge orgId={b.bidderOrgId} />
              </span>
            ),
          },
          { title: t('opening.total'), dataIndex: 'totalFen', render: (v: number | null) => formatFen(v) },
          {
            title: t('opening.valid'),
            render: (_, b) =>
              b.valid ? (
                <Tag color="success">{t('opening.validYes')}</Tag>
              ) : (
                <Tag color="error">{b.invalidReason?.[lang]}</Tag>
              ),
          },
          {
            title: t('opening.envelope'),
            dataIndex: 'envelopeSha256',
            render: (v: string) => <Typography.Text code>{short(v)}</Typography.Text>,
          },
          ...(x.viewerRole === 'buyer'
            ? [
                {
                  title: t('opening.prequal'),
                  render: (_: unknown, b: { bidderOrgId: string }) => (
                    <Link to={`/workspace/tenders/${x.id}/prequalification?bidder=${b.bidderOrgId}`}>
                      {t('opening.prequal')}
                    </Link>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function EvaluationCard({ orgId, tender: x, manager }: { orgId: string; tender: T; manager: boolean }) {
  const { t } = useTranslation('tendering');
  const feedback = useErrorFeedback();
  const evaluation = x.evaluation;
  const buyer = x.viewerRole === 'buyer';
  const editing = buyer && x.status === 'evaluating';
  const members = useMemberOptions(orgId, editing && manager);
  const action = useTenderMutation(orgId, (a: { name: string; body?: unknown }) =>
    api.tenderAction(orgId, x.id, a.name, a.body),
  );
  const run = (name: string, body?: unknown) => action.mutateAsync({ name, body }).catch(feedback.show);
  const [evaluator, setEvaluator] = useState<string | undefined>();
  const [scoreForm] = Form.useForm<{ bidId: string; score: number; note?: string }>();
  if (!evaluation) return null;
  const validBids = x.opening?.bids.filter((b) => b.valid) ?? [];
  return (
    <Card
      title={t('evaluation.title')}
      extra={
        evaluation.finalisedAt ? (
          <Button href={api.evaluationPdfUrl(orgId, x.id)} target="_blank" data-testid="evaluation-pdf">
            {t('evaluation.pdf')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('evaluation.formula')}</Typography.Paragraph>
      {evaluation.finalisedAt && evaluation.sha256 ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('evaluation.finalised', {
            time: formatDateTime(evaluation.finalisedAt),
            hash: short(evaluation.sha256),
          })}
        />
      ) : null}
      {editing && manager ? (
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text>
            {t('evaluation.evaluators')}：{x.evaluators.map((e) => e.name).join('、') || t('evaluation.noEvaluators')}
          </Typography.Text>
          <Select
            style={{ minWidth: 200 }}
            placeholder={t('evaluation.addEvaluator')}
            value={evaluator}
            onChange={setEvaluator}
            data-testid="evaluator-select"
            options={(members.data ?? []).map((m) => ({ value: m.userId, label: m.displayName }))}
          />
          <Button
            disabled={!evaluator}
            onClick={() => void run('evaluators', { userId: evaluator })}
            data-testid="evaluator-add"
          >
            {t('evaluation.addEvaluator')}
          </Button>
        </Space>
      ) : null}
      <Table
        rowKey="bidId"
        size="small"
        pagination={false}
        scroll={{ x: 640 }}
        dataSource={evaluation.rows}
        data-testid="evaluation-table"
        columns={[
          { title: t('evaluation.rank'), dataIndex: 'rank' },
          { title: t('opening.bidder'), dataIndex: 'bidderName' },
          { title: t('opening.total'), dataIndex: 'totalFen', render: (v: number) => formatFen(v) },
          { title: t('evaluation.price'), dataIndex: 'price', render: points },
          { title: t('evaluation.technical'), dataIndex: 'technical', render: points },
          { title: t('evaluation.credit'), dataIndex: 'credit', render: points },
          { title: t('evaluation.performance'), dataIndex: 'performance', render: points },
          { title: t('evaluation.total'), dataIndex: 'total', render: (v: number) => <strong>{points(v)}</strong> },
        ]}
      />
      {editing && x.viewerIsEvaluator ? (
        <Form
          form={scoreForm}
          layout="vertical"
          style={{ maxWidth: 640, marginTop: 16 }}
          onFinish={async (v) => {
            await run('scores', { bidId: v.bidId, score: v.score, note: v.note ?? '' });
            scoreForm.resetFields(['score', 'note']);
          }}
        >
          <Form.Item name="bidId" label={t('opening.bidder')} rules={[{ required: true }]}>
            <Select data-testid="score-bid" options={validBids.map((b) => ({ value: b.bidId, label: b.bidderName }))} />
          </Form.Item>
          <Form.Item name="score" label={t('evaluation.scoreInput')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} precision={0} data-testid="score-value" />
          </Form.Item>
          <Form.Item name="note" label={t('evaluation.note')}>
            <Input maxLength={500} />
          </Form.Item>
          <Button htmlType="submit" loading={action.isPending} data-testid="score-save">
            {t('evaluation.save')}
          </Button>
        </Form>
      ) : null}
      {evaluation.history.length ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('evaluation.history')}
          </Typography.Title>
          <List
            size="small"
            dataSource={evaluation.history}
            renderItem={(h) => (
              <List.Item>
                {t('evaluation.historyItem', {
                  time: formatDateTime(h.createdAt),
                  evaluator: h.evaluatorName,
                  bidder: x.opening?.bids.find((b) => b.bidId === h.bidId)?.bidderName ?? '—',
                  score: h.score,
                  note: h.note,
                })}
              </List.Item>
            )}
          />
        </>
      ) : null}
      {editing && manager ? (
        <Button
          type="primary"
          style={{ marginTop: 16 }}
          onClick={() => void run('evaluation/finalise')}
          loading={action.isPending}
          data-testid="evaluation-finalise"
        >
          {t('evaluation.finalise')}
        </Button>
      ) : null}
    </Card>
  );
}

function AwardsCard({ orgId, tender: x, manager }: { orgId: string; tender: T; manager: boolean }) {
  const { t } = useTranslation('tendering');
  const feedback = useErrorFeedback();
  const [reason, setReason] = useState('');
  const answer = useTenderMutation(orgId, (a: { name: string; body?: unknown }) =>
    api.tenderAction(orgId, x.id, a.name, a.body),
  );
  const mine = x.awards.find((a) => a.status === 'offered' && a.bidderOrgId === orgId);
  return (
    <Card title={t('award.title')}>
      <List
        dataSource={x.awards}
        data-testid="awards"
        renderItem={(a) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap>
                  {t('award.rank', { rank: a.rank })} {a.bidderName} {formatFen(a.amountFen)}
                  <Tag color={a.status === 'accepted' ? 'success' : a.status === 'offered' ? 'processing' : 'default'}>
                    {t(`award.status.${a.status}`)}
                  </Tag>
                </Space>
              }
              description={`${formatDateTime(a.offeredAt)} · ${t('award.respondBy', { time: formatDateTime(a.respondBy) })}${a.reason ? ` · ${a.reason}` : ''}`}
            />
          </List.Item>
        )}
      />
      {mine && manager ? (
        <Space wrap>
          <Button
            type="primary"
            data-testid="award-accept"
            onClick={() => void answer.mutateAsync({ name: 'award/accept' }).catch(feedback.show)}
          >
            {t('award.accept')}
          </Button>
          <Input
            placeholder={t('award.declineReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            style={{ minWidth: 200 }}
          />
          <Button
            danger
            disabled={reason.trim().length < 2}
            onClick={() => void answer.mutateAsync({ name: 'award/decline', body: { reason } }).catch(feedback.show)}
          >
            {t('award.decline')}
          </Button>
        </Space>
      ) : null}
    </Card>
  );
}

/** Fields of the contract template the award cannot fill. */
const PREFILLED = new Set(['projectName', 'scope', 'goods', 'equipment', 'amountFen', 'billOfQuantities']);

function ContractForm({ orgId, tender: x }: { orgId: string; tender: T }) {
  const { t } = useTranslation('tendering');
  const lang = useLanguage();
  const navigate = useNavigate();
  const feedback = useErrorFeedback();
  const templates = useQuery({ queryKey: ['contract-templates'], queryFn: api.fetchContractTemplates });
  const [kind, setKind] = useState(x.defaultContractKind);
  const generate = useTenderMutation(orgId, (variables: Record<string, string | number>) =>
    api.generateContract(orgId, x.id, { kind, variables }),
  );
  const template = templates.data?.find((tpl) => tpl.kind === kind);
  const dated = new Set(
    [
      x.plannedStart ? ['startDate', 'leaseStart'] : [],
      x.plannedEnd ? ['endDate', 'leaseEnd', 'deliveryDate'] : [],
    ].flat(),
  );
  const fields = (template?.fields ?? []).filter((f) => f.required && !PREFILLED.has(f.key) && !dated.has(f.key));
  return (
    <Card title={t('award.contract')}>
      <Typography.Paragraph type="secondary">{t('award.contractHint')}</Typography.Paragraph>
      <Form
        layout="vertical"
        style={{ maxWidth: 640 }}
        onFinish={async (values: Record<string, unknown>) => {
          const variables: Record<string, string | number> = {};
          for (const f of fields) {
            const v = values[f.key];
            if (v === undefined || v === null || v === '') continue;
            if (f.type === 'percent') variables[f.key] = Math.round(Number(v) * 100);
            else if (f.type === 'money') variables[f.key] = Math.round(Number(v) * 100);
            else if (f.type === 'date') variables[f.key] = (v as Dayjs).format('YYYY-MM-DD');
            else variables[f.key] = String(v);
          }
          try {
            const { contractId } = await generate.mutateAsync(variables);
            navigate(`/workspace/contracts/${contractId}`);
          } catch (error) {
            feedback.show(error);
          }
        }}
      >
        <Form.Item label={t('award.kind')}>
          <Select
            value={kind}
            onChange={setKind}
            options={(templates.data ?? []).map((tpl) => ({ value: tpl.kind, label: tpl.title[lang] }))}
          />
        </Form.Item>
        {fields.map((f) => (
          <Form.Item key={f.key} name={f.key} label={f.label[lang]} rules={[{ required: true }]}>
            {f.type === 'date' ? (
              <DatePicker style={{ width: '100%' }} />
            ) : f.type === 'percent' || f.type === 'money' || f.type === 'integer' ? (
              <InputNumber min={0} style={{ width: '100%' }} data-testid={`contract-${f.key}`} />
            ) : f.type === 'textarea' ? (
              <Input.TextArea rows={2} data-testid={`contract-${f.key}`} />
            ) : (
              <Input data-testid={`contract-${f.key}`} />
            )}
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" loading={generate.isPending} data-testid="contract-generate">
          {t('award.contract')}
        </Button>
      </Form>
    </Card>
  );
}
