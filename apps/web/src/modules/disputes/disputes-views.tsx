import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ContractList,
  Dispute,
  DisputeBoard as DisputeBoardSchema,
  DisputeList,
  type Dispute as DisputeType,
} from '@zhuhe/contracts';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { apiRequest, apiUpload } from '../../app/api-client';
import { formatDateTime } from '../../app/format-date';
import { formatFen } from '../../app/format-money';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';

type Summary = z.infer<typeof DisputeList>['items'][number];
type Clock = DisputeType['team']['clock'];

function ClockTag({ clock }: { clock: Clock }) {
  const { t } = useTranslation('disputes');
  const color = clock.breached ? 'red' : clock.doneAt ? 'green' : 'blue';
  const label = clock.breached ? t('breached') : clock.doneAt ? t('onTime') : t('open');
  return (
    <Space size={4} wrap>
      <Tag color={color} data-testid={clock.breached ? 'clock-breached' : 'clock-ok'}>
        {label}
      </Tag>
      <Typography.Text type={clock.breached ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
        {clock.doneAt
          ? t('doneAt', { at: formatDateTime(clock.doneAt) })
          : t('due', { at: formatDateTime(clock.dueAt) })}
      </Typography.Text>
    </Space>
  );
}

function StatusTag({ d }: { d: Pick<Summary, 'status' | 'outcome'> }) {
  const { t } = useTranslation('disputes');
  const color = d.status === 'resolved' ? 'green' : d.status === 'withdrawn' ? 'default' : 'processing';
  return (
    <Tag color={color}>
      {t(`statuses.${d.status}`)}
      {d.outcome ? ` · ${t(`outcomes.${d.outcome}`)}` : ''}
    </Tag>
  );
}

function useColumns(link: (id: string) => string) {
  const { t } = useTranslation('disputes');
  return [
    {
      title: t('caseNo'),
      key: 'caseNo',
      render: (_: unknown, d: Summary) => <Link to={link(d.id)}>{d.caseNo}</Link>,
    },
    {
      title: t('subject'),
      key: 'subject',
      responsive: ['md' as const],
      render: (_: unknown, d: Summary) => d.subject.title,
    },
    {
      title: t('type'),
      key: 'type',
      render: (_: unknown, d: Summary) => <span style={{ whiteSpace: 'nowrap' }}>{t(`types.${d.type}`)}</span>,
    },
    {
      title: t('level'),
      key: 'level',
      responsive: ['lg' as const],
      render: (_: unknown, d: Summary) => t(`levels.l${d.level}`),
    },
    { title: t('status'), key: 'status', render: (_: unknown, d: Summary) => <StatusTag d={d} /> },
    {
      title: t('amount'),
      key: 'amount',
      responsive: ['md' as const],
      render: (_: unknown, d: Summary) => formatFen(d.amountInDisputeFen),
    },
    {
      title: t('teamClock'),
      key: 'team',
      responsive: ['lg' as const],
      render: (_: unknown, d: Summary) => <ClockTag clock={d.team.clock} />,
    },
    {
      title: t('mediationClock'),
      key: 'mediation',
      responsive: ['md' as const],
      render: (_: unknown, d: Summary) => <ClockTag clock={d.mediation.clock} />,
    },
  ];
}

/** 我的纠纷 the organisation's cases, filed or received. */
export function MyDisputes({ orgId }: { orgId: string }) {
  const { t } = useTranslation('disputes');
  const columns = useColumns((id) => `/workspace/disputes/${id}`);
  const query = useQuery({
    queryKey: ['disputes', orgId],
    queryFn: () => apiRequest('GET', `/api/orgs/${orgId}/disputes`, DisputeList),
  });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <LoadingState />;
  return (
    <Card>
      <Table
        rowKey="id"
        size="small"
        dataSource={query.data.items}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('empty') }}
        scroll={{ x: true }}
      />
    </Card>
  );
}

/** 提起纠纷 the claim form: a signed contract, type, amount, claim, evidence files, optional escrow hold. */
export function FileDisputeForm({ orgId, onFiled }: { orgId: string; onFiled: (id: string) => void }) {
  const { t } = useTranslation('disputes');
  const feedback = useErrorFeedback();
  const [form] = Form.useForm();
  const contracts = useQuery({
    queryKey: ['contracts', orgId],
    queryFn: () => apiRequest('GET', `/api/orgs/${orgId}/contracts`, ContractList),
  });
  const file = useMutation({
    mutationFn: (v: {
      contractId: string;
      type: string;
      amountYuan: number | null;
      claim: string;
      holdInEscrow: boolean;
      files?: { originFileObj?: File }[];
    }) =>
      (async () => {
        const ids: string[] = [];
        for (const f of v.files ?? [])
          if (f.originFileObj)
            ids.push((await apiUpload(`/api/orgs/${orgId}/files`, f.originFileObj, z.object({ id: z.string() }))).id);
        return apiRequest('POST', `/api/orgs/${orgId}/disputes`, Dispute, {
          body: {
            subject: { kind: 'contract', id: v.contractId },
            type: v.type,
            amountInDisputeFen: v.amountYuan ? Math.round(v.amountYuan * 100) : null,
            claim: v.claim,
            evidenceFileIds: ids,
            holdInEscrow: Boolean(v.holdInEscrow),
          },
        });
      })(),
    onSuccess: (d) => onFiled(d.id),
    onError: feedback.show,
  });
  const signed = (contracts.data?.items ?? []).filter((c) => c.status === 'signed' || c.status === 'amending');
  return (
    <Card title={t('file')}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => file.mutate(v)}
        initialValues={{ type: 'payment', holdInEscrow: true }}
      >
        <Form.Item name="contractId" label={t('subject')} rules={[{ required: true }]}>
          <Select
            data-testid="dispute-contract"
            options={signed.map((c) => ({ value: c.id, label: `${c.title} · ${c.counterparty.orgName}` }))}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="type" label={t('type')} rules={[{ required: true }]}>
              <Select
                options={(['payment', 'quality', 'schedule', 'other'] as const).map((k) => ({
                  value: k,
                  label: t(`types.${k}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="amountYuan" label={`${t('amount')}（${t('yuan')}）`}>
              <InputNumber min={0.01} precision={2} style={{ width: '100%' }} data-testid="dispute-amount" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="claim" label={t('claim')} rules={[{ required: true, min: 10 }]}>
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid="dispute-claim" />
        </Form.Item>
        <Form.Item name="files" label={t('upload')} valuePropName="fileList" getValueFromEvent={(e) => e?.fileList}>
          <Upload beforeUpload={() => false} accept=".pdf,.jpg,.jpeg,.png" multiple>
            <Button>{t('upload')}</Button>
          </Upload>
        </Form.Item>
        <Form.Item name="holdInEscrow" valuePropName="checked">
          <Checkbox>{t('holdInEscrow')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={file.isPending} data-testid="dispute-submit">
          {t('submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** 纠纷看板 staff: every case by level and clock; breaches in red. */
export function DisputeBoard() {
  const { t } = useTranslation('disputes');
  const columns = useColumns((id) => `/staff/disputes/${id}`);
  const query = useQuery({
    queryKey: ['disputes', 'board'],
    queryFn: () => apiRequest('GET', '/api/staff/disputes', DisputeBoardSchema),
  });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <LoadingState />;
  const d = query.data;
  return (
    <>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={8}>
          <Card size="small">
            <Statistic
              title={t('averageCycle')}
              value={d.averageCycleWorkingDays ?? '—'}
              valueStyle={{ color: (d.averageCycleWorkingDays ?? 0) > 7 ? '#cf1322' : undefined }}
            />
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small">
            <Statistic
              title={t('breaches')}
              value={d.breaches}
              valueStyle={{ color: d.breaches ? '#cf1322' : undefined }}
            />
          </Card>
        </Col>
      </Row>
      <Card>
        <Table
          rowKey="id"
          size="small"
          dataSource={d.items}
          columns={columns}
          pagination={false}
          rowClassName={(r) =>
            r.team.clock.breached || (r.mediation.clock.breached && !r.outcome) ? 'dispute-breached' : ''
          }
          onRow={(r) => ({
            style: r.team.clock.breached || (r.mediation.clock.breached && !r.outcome) ? { background: '#fff1f0' } : {},
          })}
          scroll={{ x: true }}
        />
      </Card>
    </>
  );
}

/**
 * One case for a party or the staff (仲裁室): progress and clocks, both sides' evidence side by side, the thread,
 * and the actions of the viewer's role.
 */
export function DisputeCase({ base, staff }: { base: string; staff?: { arbitrator: boolean } }) {
  const { t } = useTranslation('disputes');
  const client = useQueryClient();
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const key = ['disputes', 'case', base];
  const query = useQuery({ queryKey: key, queryFn: () => apiRequest('GET', base, Dispute) });
  const refresh = () => void client.invalidateQueries({ queryKey: key });
  const post = useMutation({
    mutationFn: (v: { path: string; body?: unknown }) =>
      apiRequest('POST', `${base}${v.path}`, z.unknown(), { body: v.body ?? {} }),
    onSuccess: () => {
      void message.success('OK');
      refresh();
    },
    onError: feedback.show,
  });
  const upload = useMutation({
    mutationFn: (f: File) => apiUpload(`${base}/evidence`, f, Dispute),
    onSuccess: refresh,
    onError: feedback.show,
  });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <LoadingState />;
  const d = query.data;
  const closed = d.status === 'resolved' || d.status === 'withdrawn';
  const side = (s: 'claimant' | 'respondent') => (
    <Col xs={24} md={12} key={s}>
      <Card size="small" title={t(`evidenceOf.${s}`)} data-testid={`evidence-${s}`}>
        <List
          size="small"
          dataSource={d.evidence.filter((e) => e.side === s)}
          locale={{ emptyText: '—' }}
          renderItem={(e) => (
            <List.Item>
              <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
                <a href={e.fileUrl} target="_blank" rel="noreferrer">
                  {e.name}
                </a>
                <Typography.Text type="secondary" style={{ fontSize: 11, wordBreak: 'break-all' }}>
                  {t('evidenceIndex', { n: e.evidenceIndex })} · {t('hash')} {e.sha256.slice(0, 16)}…
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </Col>
  );
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} title={`${d.caseNo} · ${t(`types.${d.type}`)}`}>
          <Descriptions.Item label={t('status')}>
            <StatusTag d={d} /> {t(`levels.l${d.level}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('subject')}>{d.subject.title}</Descriptions.Item>
          <Descriptions.Item label={t('claimant')}>
            {d.claimant.orgName}
            {d.viewerSide === 'claimant' ? t('you') : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('respondent')}>
            {d.respondent.orgName}
            {d.viewerSide === 'respondent' ? t('you') : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('amount')}>{formatFen(d.amountInDisputeFen)}</Descriptions.Item>
          <Descriptions.Item label={t('held')}>
            <span data-testid="dispute-held">{formatFen(d.heldFen)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('team')}>
            {d.team.ownerName ?? '—'} / {d.team.specialistName ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('teamClock')}>
            <ClockTag clock={d.team.clock} />
          </Descriptions.Item>
          <Descriptions.Item label={t('mediationClock')}>
            <ClockTag clock={d.mediation.clock} />
          </Descriptions.Item>
          <Descriptions.Item label={t('arbitrators')}>{d.arbitrators.join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('claim')} span={2}>
            {d.claim}
          </Descriptions.Item>
          {d.external ? (
            <Descriptions.Item label={t('levels.l3')} span={2}>
              {t('external', d.external)}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        <Typography.Text type="secondary">{t('cycle', { days: d.cycleWorkingDays })}</Typography.Text>
      </Card>
      {d.outcome ? (
        <Card title={t('outcome')} data-testid="dispute-outcome">
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t(`outcomes.${d.outcome}`)}
          </Typography.Title>
          {d.awardedToClaimantFen !== null ? (
            <Typography.Paragraph>
              {t('awarded')}：<strong data-testid="dispute-awarded">{formatFen(d.awardedToClaimantFen)}</strong>
            </Typography.Paragraph>
          ) : null}
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.decisionReasons}</Typography.Paragraph>
          {d.decisionPdfUrl ? (
            <a href={d.decisionPdfUrl} target="_blank" rel="noreferrer">
              {t('decisionPdf')}
            </a>
          ) : null}
        </Card>
      ) : null}
      <Row gutter={[16, 16]}>{(['claimant', 'respondent'] as const).map(side)}</Row>
      {!staff && !closed ? (
        <Space wrap>
          <Upload
            beforeUpload={(f) => {
              upload.mutate(f);
              return false;
            }}
            showUploadList={false}
            accept=".pdf,.jpg,.jpeg,.png"
          >
            <Button loading={upload.isPending}>{t('upload')}</Button>
          </Upload>
          {d.viewerSide === 'claimant' ? (
            <Button danger onClick={() => post.mutate({ path: '/withdraw' })}>
              {t('withdraw')}
            </Button>
          ) : null}
        </Space>
      ) : null}
      {staff && !staff.arbitrator && d.status === 'mediation' ? (
        <MediationActions onSubmit={(body) => post.mutate({ path: '/mediation', body })} />
      ) : null}
      {staff && !staff.arbitrator && (d.status === 'mediation' || d.status === 'arbitration') ? (
        <Button onClick={() => post.mutate({ path: '/hand-over' })}>{t('handOver')}</Button>
      ) : null}
      {staff?.arbitrator && d.status === 'arbitration' ? (
        <VoteForm
          amountInDisputeFen={d.amountInDisputeFen}
          onSubmit={(body) => post.mutate({ path: '/votes', body })}
        />
      ) : null}
      {d.votes.length ? (
        <Card title={t('votes')} size="small">
          <List
            size="small"
            dataSource={d.votes}
            renderItem={(v) => (
              <List.Item data-testid="dispute-vote">
                <Typography.Text strong>{v.arbitratorName}</Typography.Text>：{t(`outcomes.${v.outcome}`)}{' '}
                {formatFen(v.awardedToClaimantFen)} — {v.reasons}
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <Card title={t('messages')} size="small">
        <List
          size="small"
          dataSource={d.messages}
          locale={{ emptyText: '—' }}
          renderItem={(m) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {m.side === 'platform' ? t('platform') : t(m.side)} · {m.authorName} · {formatDateTime(m.createdAt)}
                </Typography.Text>
                <span>{m.body}</span>
              </Space>
            </List.Item>
          )}
        />
        {!closed ? (
          <Form
            layout="inline"
            onFinish={(v: { body: string }) => post.mutate({ path: '/messages', body: v })}
            style={{ marginTop: 8 }}
          >
            <Form.Item name="body" rules={[{ required: true }]} style={{ flex: 1, minWidth: 200 }}>
              <Input />
            </Form.Item>
            <Button htmlType="submit">{t('send')}</Button>
          </Form>
        ) : null}
      </Card>
    </Space>
  );
}

function MediationActions({ onSubmit }: { onSubmit: (body: unknown) => void }) {
  const { t } = useTranslation('disputes');
  const [form] = Form.useForm();
  return (
    <Card size="small" title={t('note')}>
      <Form form={form} layout="vertical">
        <Form.Item name="note" rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={2} data-testid="mediation-note" />
        </Form.Item>
        <Button
          danger
          data-testid="mediation-failed"
          onClick={() => void form.validateFields().then((v) => onSubmit({ result: 'failed', note: v.note }))}
        >
          {t('mediationFailed')}
        </Button>
      </Form>
    </Card>
  );
}

function VoteForm({
  amountInDisputeFen,
  onSubmit,
}: {
  amountInDisputeFen: number | null;
  onSubmit: (body: unknown) => void;
}) {
  const { t } = useTranslation('disputes');
  return (
    <Card size="small" title={t('vote')}>
      <Form
        layout="vertical"
        initialValues={{
          outcome: 'claimant',
          awardedYuan: amountInDisputeFen === null ? null : amountInDisputeFen / 100,
        }}
        onFinish={(v: { outcome: string; awardedYuan: number | null; reasons: string }) =>
          onSubmit({
            outcome: v.outcome,
            awardedToClaimantFen: amountInDisputeFen === null ? null : Math.round((v.awardedYuan ?? 0) * 100),
            reasons: v.reasons,
          })
        }
      >
        <Form.Item name="outcome" label={t('outcome')}>
          <Select
            options={(['claimant', 'split', 'respondent'] as const).map((k) => ({
              value: k,
              label: t(`outcomes.${k}`),
            }))}
          />
        </Form.Item>
        {amountInDisputeFen !== null ? (
          <Form.Item name="awardedYuan" label={`${t('awarded')}（${t('yuan')}）`}>
            <InputNumber
              min={0}
              max={amountInDisputeFen / 100}
              precision={2}
              style={{ width: '100%' }}
              data-testid="vote-amount"
            />
          </Form.Item>
        ) : null}
        <Form.Item name="reasons" label={t('reasons')} rules={[{ required: true, min: 10 }]}>
          <Input.TextArea rows={3} data-testid="vote-reasons" />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="vote-submit">
          {t('vote')}
        </Button>
      </Form>
    </Card>
  );
}
