import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CannedAnswerList,
  TICKET_CATEGORIES,
  TICKET_PRIORITIES,
  Ticket,
  TicketBoard,
  type Ticket as TicketData,
  TicketList,
  type TicketSummary,
} from '@zhuhe/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Input,
  List,
  Rate,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { apiRequest, apiUpload } from '../../app/api-client';
import { formatDateTime } from '../../app/format-date';
import { ErrorState, LoadingState } from '../../app/page-states';
import { StarRating } from '../../app/star-rating';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { useAuthedMe } from '../identity';

type Clock = TicketSummary['firstResponse'];
const RED = '#cf1322';
const SLA_COLOR = { ok: 'blue', due_soon: 'orange', breached: 'red', met: 'green' } as const;
const PRIORITY_COLOR = { urgent: 'red', high: 'orange', normal: 'blue', low: 'default' } as const;

function ClockTag({ clock }: { clock: Clock }) {
  const { t } = useTranslation('tickets');
  return (
    <Space size={4} wrap>
      <Tag color={SLA_COLOR[clock.state]} data-testid={`sla-${clock.state}`}>
        {t(`sla.${clock.state}`)}
      </Tag>
      <Typography.Text type={clock.state === 'breached' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
        {clock.doneAt
          ? t('doneAt', { at: formatDateTime(clock.doneAt) })
          : t('due', { at: formatDateTime(clock.dueAt) })}
      </Typography.Text>
    </Space>
  );
}

function StatusTag({ s }: { s: Pick<TicketSummary, 'status'> }) {
  const { t } = useTranslation('tickets');
  const color =
    s.status === 'resolved' || s.status === 'closed' ? 'green' : s.status === 'answered' ? 'cyan' : 'processing';
  return <Tag color={color}>{t(`statuses.${s.status}`)}</Tag>;
}

function useDuration() {
  const { t } = useTranslation('tickets');
  return (minutes: number | null) => {
    if (minutes === null) return t('none');
    const m = Math.round(minutes);
    if (m < 60) return t('minutes', { m });
    if (m < 24 * 60) return t('hours', { h: Math.floor(m / 60), m: m % 60 });
    return t('days', { d: Math.floor(m / 1440), h: Math.floor((m % 1440) / 60) });
  };
}

function useColumns(link: (id: string) => string, staff: boolean) {
  const { t } = useTranslation('tickets');
  return [
    {
      title: t('ticketNo'),
      key: 'no',
      render: (_: unknown, r: TicketSummary) => (
        <Space direction="vertical" size={0}>
          <Link to={link(r.id)} data-testid="ticket-link">
            {r.subject}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.ticketNo} · {t(`categories.${r.category}`)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('priority'),
      key: 'priority',
      render: (_: unknown, r: TicketSummary) => (
        <Tag color={PRIORITY_COLOR[r.priority]}>{t(`priorities.${r.priority}`)}</Tag>
      ),
    },
    {
      title: t('status'),
      key: 'status',
      render: (_: unknown, r: TicketSummary) => (
        <Space size={4} wrap>
          <StatusTag s={r} />
          {r.breached && staff ? (
            <Tag color="red" data-testid="ticket-breached">
              {t('breachedBadge')}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('line'),
      key: 'line',
      responsive: ['sm' as const],
      render: (_: unknown, r: TicketSummary) => <span style={{ whiteSpace: 'nowrap' }}>{t(`lines.l${r.line}`)}</span>,
    },
    ...(staff
      ? [
          {
            title: t('requester'),
            key: 'requester',
            responsive: ['md' as const],
            render: (_: unknown, r: TicketSummary) =>
              `${r.requester.name}${r.requester.orgName ? ` · ${r.requester.orgName}` : r.requester.guest ? ` (${t('guest')})` : ''}`,
          },
        ]
      : []),
    {
      title: t('firstResponse'),
      key: 'first',
      responsive: ['lg' as const],
      render: (_: unknown, r: TicketSummary) => <ClockTag clock={r.firstResponse} />,
    },
    {
      title: t('resolution'),
      key: 'resolution',
      responsive: ['md' as const],
      render: (_: unknown, r: TicketSummary) =>
        r.rating ? (
          <Rate disabled value={r.rating.stars} style={{ fontSize: 12 }} />
        ) : (
          <ClockTag clock={r.resolution} />
        ),
    },
  ];
}

/** 我的工单 the organisation's tickets. */
export function MyTickets({ orgId }: { orgId: string }) {
  const { t } = useTranslation('tickets');
  const columns = useColumns((id) => `/workspace/tickets/${id}`, false);
  const query = useQuery({
    queryKey: ['tickets', orgId],
    queryFn: () => apiRequest('GET', `/api/orgs/${orgId}/tickets`, TicketList),
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

/** 提交工单 category, priority, subject, text and attachments (uploaded through the files module first). */
export function OpenTicketForm({ orgId, onOpened }: { orgId: string; onOpened: (id: string) => void }) {
  const { t } = useTranslation('tickets');
  const feedback = useErrorFeedback();
  const [form] = Form.useForm();
  const open = useMutation({
    mutationFn: async (v: {
      category: string;
      priority: string;
      subject: string;
      text: string;
      files?: { originFileObj?: File }[];
    }) => {
      const ids: string[] = [];
      for (const f of v.files ?? [])
        if (f.originFileObj)
          ids.push((await apiUpload(`/api/orgs/${orgId}/files`, f.originFileObj, z.object({ id: z.string() }))).id);
      return apiRequest('POST', `/api/orgs/${orgId}/tickets?channel=web`, Ticket, {
        body: { category: v.category, priority: v.priority, subject: v.subject, text: v.text, attachmentFileIds: ids },
      });
    },
    onSuccess: (d) => onOpened(d.id),
    onError: (error) =>
      feedback.showOnForm(form, error, {
        fields: ['category', 'priority', 'subject', 'text'],
        codeFields: { ATTACHMENT_TOO_LARGE: 'files', ATTACHMENT_UNKNOWN: 'files' },
      }),
  });
  return (
    <Card>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => open.mutate(v)}
        initialValues={{ category: 'account', priority: 'normal' }}
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="category" label={t('category')} rules={[{ required: true }]}>
              <Select
                data-testid="ticket-category"
                options={TICKET_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="priority" label={t('priority')} rules={[{ required: true }]}>
              <Select
                data-testid="ticket-priority"
                options={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`priorities.${p}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="subject" label={t('subject')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input maxLength={200} data-testid="ticket-subject" />
        </Form.Item>
        <Form.Item name="text" label={t('text')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={5} maxLength={8000} showCount data-testid="ticket-text" />
        </Form.Item>
        <Form.Item
          name="files"
          label={t('attachments')}
          extra={t('attachmentHint')}
          valuePropName="fileList"
          getValueFromEvent={(e) => e?.fileList}
        >
          <Upload beforeUpload={() => false} multiple maxCount={10}>
            <Button>{t('upload')}</Button>
          </Upload>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={open.isPending} data-testid="ticket-submit">
          {t('submit')}
        </Button>
      </Form>
    </Card>
  );
}

function Thread({ d, staff }: { d: TicketData; staff: boolean }) {
  const { t } = useTranslation('tickets');
  const sideLabel = { requester: t('requesterSide'), agent: t('agentSide'), system: t('systemSide') };
  return (
    <List
      size="small"
      dataSource={d.messages}
      data-testid="ticket-thread"
      renderItem={(m) => (
        <List.Item
          style={m.internal ? { background: '#fffbe6', paddingInline: 8 } : undefined}
          data-testid={m.internal ? 'ticket-note' : 'ticket-message'}
        >
          <Space direction="vertical" size={0} style={{ minWidth: 0, width: '100%' }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {sideLabel[m.side]} · {m.authorName} · {formatDateTime(m.createdAt)}
              {m.internal && staff ? (
                <Tag color="gold" style={{ marginInlineStart: 6 }}>
                  {t('internal')}
                </Tag>
              ) : null}
            </Typography.Text>
            <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{m.body}</span>
          </Space>
        </List.Item>
      )}
    />
  );
}

function Overview({ d, staff }: { d: TicketData; staff: boolean }) {
  const { t } = useTranslation('tickets');
  return (
    <Card>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} title={d.subject}>
        <Descriptions.Item label={t('ticketNo')}>{d.ticketNo}</Descriptions.Item>
        <Descriptions.Item label={t('status')}>
          <span data-testid="ticket-status">
            <StatusTag s={d} />
          </span>{' '}
          <span data-testid="ticket-line">{t(`lines.l${d.line}`)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('category')}>
          {t(`categories.${d.category}`)} ·{' '}
          <Tag color={PRIORITY_COLOR[d.priority]}>{t(`priorities.${d.priority}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('channel')}>{t(`channels.${d.channel}`)}</Descriptions.Item>
        {staff ? (
          <Descriptions.Item label={t('requester')}>
            {d.requester.name}
            {d.requester.orgName ? ` · ${d.requester.orgName}` : ''}
            {d.requester.email ? ` · ${d.requester.email}` : ''}
            {d.requester.guest ? ` (${t('guest')})` : ''}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('agent')}>{d.agentName ?? t('none')}</Descriptions.Item>
        <Descriptions.Item label={t('createdAt')}>{formatDateTime(d.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('firstResponse')}>
          <ClockTag clock={d.firstResponse} />
        </Descriptions.Item>
        <Descriptions.Item label={t('resolution')}>
          <ClockTag clock={d.resolution} />
        </Descriptions.Item>
        {staff && d.lineDueAt ? (
          <Descriptions.Item label={t('lineDue')}>{formatDateTime(d.lineDueAt)}</Descriptions.Item>
        ) : null}
        {d.attachments.length ? (
          <Descriptions.Item label={t('attachments')} span={2}>
            <Space wrap>
              {d.attachments.map((a) => (
                <a key={a.id} href={a.url} target="_blank" rel="noreferrer">
                  {a.name}
                </a>
              ))}
            </Space>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {d.escalations.length ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 12 }}>
          {t('escalations')}:
          {d.escalations
            .map(
              (e) =>
                `${t(`lines.l${e.fromLine}`)} → ${t(`lines.l${e.toLine}`)} (${e.automatic ? t('autoEscalated') : t('byAgent')}, ${formatDateTime(e.at)})`,
            )
            .join('; ')}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}

/** One ticket for the requester: the thread, a reply, and once resolved the rating or reopening. */
export function MyTicketDetail({ orgId, ticketId }: { orgId: string; ticketId: string }) {
  const { t } = useTranslation('tickets');
  const client = useQueryClient();
  const feedback = useErrorFeedback();
  const { message } = App.useApp();
  const base = `/api/orgs/${orgId}/tickets/${ticketId}`;
  const key = ['tickets', 'detail', base];
  const query = useQuery({ queryKey: key, queryFn: () => apiRequest('GET', base, Ticket) });
  const [replyForm] = Form.useForm();
  const [rateForm] = Form.useForm();
  const post = useMutation({
    mutationFn: (v: { path: string; body: unknown }) =>
      apiRequest('POST', `${base}${v.path}`, Ticket, { body: v.body }),
    onSuccess: (d) => {
      client.setQueryData(key, d);
      void client.invalidateQueries({ queryKey: ['tickets', orgId] });
      replyForm.resetFields();
      void message.success('OK');
    },
    onError: (error) => feedback.showOnForm(rateForm, error, { fields: ['stars', 'comment'] }),
  });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <LoadingState />;
  const d = query.data;
  const canWrite = d.status === 'new' || d.status === 'open' || d.status === 'answered' || d.status === 'reopened';
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Overview d={d} staff={false} />
      <Card title={t('thread')} size="small">
        <Thread d={d} staff={false} />
        {canWrite ? (
          <Form
            form={replyForm}
            layout="vertical"
            onFinish={(v: { body: string }) => post.mutate({ path: '/messages', body: v })}
            style={{ marginTop: 8 }}
          >
            <Form.Item name="body" rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={2} maxLength={8000} aria-label={t('reply')} />
            </Form.Item>
            <Button htmlType="submit" loading={post.isPending}>
              {t('send')}
            </Button>
          </Form>
        ) : null}
      </Card>
      {d.rating ? (
        <Card title={t('rated')} size="small" data-testid="ticket-rating">
          <Rate disabled value={d.rating.stars} />
          {d.rating.comment ? (
            <Typography.Paragraph style={{ marginTop: 8 }}>{d.rating.comment}</Typography.Paragraph>
          ) : null}
        </Card>
      ) : null}
      {d.status === 'resolved' ? (
        <Card title={t('rate')} size="small">
          <Form
            form={rateForm}
            layout="vertical"
            initialValues={{ stars: 5, comment: '' }}
            onFinish={(v: { stars: number; comment: string }) =>
              post.mutate({ path: '/rating', body: { stars: v.stars, comment: v.comment ?? '' } })
            }
          >
            <Form.Item name="stars" label={t('stars')} rules={[{ required: true }]}>
              <StarRating label={t('stars')} data-testid="ticket-stars" />
            </Form.Item>
            <Form.Item name="comment" label={t('comment')}>
              <Input.TextArea rows={2} maxLength={1000} data-testid="ticket-comment" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={post.isPending} data-testid="ticket-rate">
              {t('rate')}
            </Button>
          </Form>
          {d.reopenUntil ? (
            <Form
              layout="vertical"
              style={{ marginTop: 16 }}
              onFinish={(v: { body: string }) => post.mutate({ path: '/reopen', body: v })}
            >
              <Typography.Text type="secondary">
                {t('reopenUntil', { at: formatDateTime(d.reopenUntil) })}
              </Typography.Text>
              <Form.Item name="body" label={t('reopenReason')} rules={[{ required: true, whitespace: true }]}>
                <Input.TextArea rows={2} maxLength={8000} />
              </Form.Item>
              <Button htmlType="submit">{t('reopen')}</Button>
            </Form>
          ) : null}
        </Card>
      ) : null}
    </Space>
  );
}

function FiguresTable({
  rows,
  label,
}: {
  rows: (z.infer<typeof TicketBoard>['overall'] & { key: string; name: string })[];
  label: string;
}) {
  const { t } = useTranslation('tickets');
  const duration = useDuration();
  return (
    <Table
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: true }}
      columns={[
        {
          title: label,
          key: 'name',
          render: (_: unknown, r) => <span style={{ whiteSpace: 'nowrap' }}>{r.name}</span>,
        },
        { title: t('opened'), dataIndex: 'opened', key: 'opened' },
        {
          title: t('rateTitle'),
          key: 'rate',
          render: (_: unknown, r) =>
            r.firstMonthResolutionRate === null ? (
              t('none')
            ) : (
              <span style={{ color: r.firstMonthResolutionRate < 0.95 ? RED : undefined }}>
                {(r.firstMonthResolutionRate * 100).toFixed(1)}%
              </span>
            ),
        },
        {
          title: t('medianFirst'),
          key: 'first',
          responsive: ['sm' as const],
          render: (_: unknown, r) => duration(r.medianFirstAnswerMinutes),
        },
        {
          title: t('medianResolution'),
          key: 'res',
          responsive: ['sm' as const],
          render: (_: unknown, r) => duration(r.medianResolutionMinutes),
        },
      ]}
    />
  );
}

function currentMonth() {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
}

function lastMonths(n: number) {
  const [y, m] = currentMonth().split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    return d.toISOString().slice(0, 7);
  });
}

function Board() {
  const { t } = useTranslation('tickets');
  const duration = useDuration();
  const [month, setMonth] = useState(currentMonth());
  const query = useQuery({
    queryKey: ['tickets', 'board', month],
    queryFn: () => apiRequest('GET', `/api/staff/tickets/board?month=${month}`, TicketBoard),
  });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <LoadingState />;
  const b = query.data;
  const rate = b.overall.firstMonthResolutionRate;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="ticket-board">
      <Space wrap>
        <Typography.Text>{t('month')}</Typography.Text>
        <Select
          aria-label={t('month')}
          value={month}
          onChange={setMonth}
          style={{ width: 120 }}
          options={lastMonths(6).map((m) => ({ value: m, label: m }))}
          data-testid="board-month"
        />
      </Space>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('rateTitle')}
              value={rate === null ? t('none') : `${(rate * 100).toFixed(1)}%`}
              valueStyle={{ color: rate !== null && rate < b.target ? RED : '#389e0d' }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="board-resolved">
              {t('target', { pct: b.target * 100 })} · {b.overall.resolvedInMonth}/{b.overall.opened}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('medianFirst')} value={duration(b.overall.medianFirstAnswerMinutes)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('medianResolution')} value={duration(b.overall.medianResolutionMinutes)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={`${t('openCount')} / ${t('breachedCount')}`}
              value={`${b.queue.open} / ${b.queue.breached}`}
              valueStyle={{ color: b.queue.breached ? RED : undefined }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {b.queue.byLine.map((l) => `L${l.line} ${l.open}/${l.breached}`).join(' · ')}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('byLine')}>
            <FiguresTable
              label={t('line')}
              rows={b.byLine.map((l) => ({ ...l, key: `l${l.line}`, name: t(`lines.l${l.line}`) }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('byCategory')}>
            <FiguresTable
              label={t('category')}
              rows={b.byCategory.map((c) => ({ ...c, key: c.category, name: t(`categories.${c.category}`) }))}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

/** 工单台 staff: the queue by line, priority and SLA state (breaches in red), and the board. */
export function TicketDesk() {
  const { t } = useTranslation('tickets');
  const [line, setLine] = useState<'all' | '1' | '2' | '3'>('all');
  const [state, setState] = useState<'open' | 'breached' | 'resolved' | 'all'>('open');
  const columns = useColumns((id) => `/staff/tickets/${id}`, true);
  const query = useQuery({
    queryKey: ['tickets', 'queue', line, state],
    queryFn: () =>
      apiRequest('GET', `/api/staff/tickets?state=${state}${line === 'all' ? '' : `&line=${line}`}`, TicketList),
  });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Board />
      <Card title={t('queue')} size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <div style={{ overflowX: 'auto' }}>
            <Segmented
              value={line}
              onChange={(v) => setLine(v as 'all' | '1' | '2' | '3')}
              options={[
                { value: 'all', label: t('allLines') },
                { value: '1', label: t('lines.l1') },
                { value: '2', label: t('lines.l2') },
                { value: '3', label: t('lines.l3') },
              ]}
              data-testid="queue-line"
            />
          </div>
          <Select
            aria-label={t('stateFilterLabel')}
            value={state}
            onChange={setState}
            style={{ width: 140 }}
            options={(['open', 'breached', 'resolved', 'all'] as const).map((s) => ({
              value: s,
              label: t(`stateFilter.${s}`),
            }))}
          />
          {query.isError ? (
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          ) : !query.data ? (
            <LoadingState />
          ) : (
            <Table
              rowKey="id"
              size="small"
              dataSource={query.data.items}
              columns={columns}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              locale={{ emptyText: t('empty') }}
              onRow={(r) => ({ style: r.breached && state !== 'resolved' ? { background: '#fff1f0' } : {} })}
              scroll={{ x: true }}
            />
          )}
        </Space>
      </Card>
    </Space>
  );
}

/** One ticket at the desk: thread with internal notes, reply with canned answers, escalate, resolve. */
export function StaffTicketDetail({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation('tickets');
  const client = useQueryClient();
  const feedback = useErrorFeedback();
  const { message } = App.useApp();
  const base = `/api/staff/tickets/${ticketId}`;
  const key = ['tickets', 'staff', ticketId];
  const query = useQuery({ queryKey: key, queryFn: () => apiRequest('GET', base, Ticket) });
  const canned = useQuery({
    queryKey: ['tickets', 'canned'],
    queryFn: () => apiRequest('GET', '/api/staff/tickets/canned-answers', CannedAnswerList),
  });
  const me = useAuthedMe();
  const [replyForm] = Form.useForm();
  const [escalateForm] = Form.useForm();
  const [resolveForm] = Form.useForm();
  const post = useMutation({
    mutationFn: (v: { path: string; body: unknown }) =>
      apiRequest('POST', `${base}${v.path}`, Ticket, { body: v.body }),
    onSuccess: (d) => {
      client.setQueryData(key, d);
      void client.invalidateQueries({ queryKey: ['tickets', 'queue'] });
      void client.invalidateQueries({ queryKey: ['tickets', 'board'] });
      for (const f of [replyForm, escalateForm, resolveForm]) f.resetFields();
      void message.success('OK');
    },
    onError: feedback.show,
  });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <LoadingState />;
  const d = query.data;
  const open = d.status === 'new' || d.status === 'open' || d.status === 'answered' || d.status === 'reopened';
  // an agent works the line their role gives them (一线 customer service, 二线 technical, 三线 expert); admins any
  const lineRole = ({ 1: 'service', 2: 'support_technical', 3: 'support_expert' } as const)[d.line];
  const mine = me.staffRoles.includes('admin') || me.staffRoles.includes(lineRole);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Overview d={d} staff />
      {!mine && d.status !== 'closed' ? (
        <Alert
          type="info"
          showIcon
          message={t('otherLine', { line: t(`lines.l${d.line}`) })}
          data-testid="other-line"
        />
      ) : null}
      <Card title={t('thread')} size="small">
        <Thread d={d} staff />
        {mine && d.status !== 'closed' ? (
          <Form
            form={replyForm}
            layout="vertical"
            initialValues={{ internal: false, cannedAnswerId: null }}
            onFinish={(v: { body: string; internal: boolean; cannedAnswerId: string | null }) =>
              post.mutate({ path: '/messages', body: { ...v, cannedAnswerId: v.cannedAnswerId ?? null } })
            }
            style={{ marginTop: 8 }}
          >
            <Form.Item name="cannedAnswerId" label={t('canned')}>
              <Select
                allowClear
                placeholder={t('cannedPlaceholder')}
                data-testid="canned-select"
                options={(canned.data?.items ?? [])
                  .filter((c) => !c.category || c.category === d.category)
                  .map((c) => ({ value: c.id, label: c.title }))}
                onChange={(id: string | undefined) => {
                  const answer = canned.data?.items.find((c) => c.id === id);
                  if (answer) {
                    const current = (replyForm.getFieldValue('body') as string | undefined) ?? '';
                    replyForm.setFieldValue('body', current ? `${current}\n${answer.body}` : answer.body);
                  }
                }}
              />
            </Form.Item>
            <Form.Item name="body" label={t('reply')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={4} maxLength={8000} data-testid="reply-body" />
            </Form.Item>
            <Form.Item name="internal" valuePropName="checked">
              <Checkbox data-testid="reply-internal">
                {t('internal')}（{t('internalHint')}）
              </Checkbox>
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={post.isPending} data-testid="reply-send">
              {t('send')}
            </Button>
          </Form>
        ) : null}
      </Card>
      {open && mine ? (
        <Row gutter={[16, 16]}>
          {d.line < 3 ? (
            <Col xs={24} md={12}>
              <Card size="small" title={t('escalate')}>
                <Form
                  form={escalateForm}
                  layout="vertical"
                  onFinish={(v: { reason: string }) => post.mutate({ path: '/escalate', body: v })}
                >
                  <Form.Item name="reason" label={t('escalateReason')} rules={[{ required: true, min: 2 }]}>
                    <Input data-testid="escalate-reason" />
                  </Form.Item>
                  <Button htmlType="submit" data-testid="escalate">
                    {t('escalate')} → {t(d.line === 1 ? 'lines.l2' : 'lines.l3')}
                  </Button>
                </Form>
              </Card>
            </Col>
          ) : null}
          <Col xs={24} md={12}>
            <Card size="small" title={t('resolve')}>
              <Form
                form={resolveForm}
                layout="vertical"
                onFinish={(v: { resolution: string }) => post.mutate({ path: '/resolve', body: v })}
              >
                <Form.Item name="resolution" label={t('resolutionText')} rules={[{ required: true, min: 2 }]}>
                  <Input.TextArea rows={2} data-testid="resolution-text" />
                </Form.Item>
                <Button type="primary" htmlType="submit" data-testid="resolve">
                  {t('resolve')}
                </Button>
              </Form>
            </Card>
          </Col>
        </Row>
      ) : null}
    </Space>
  );
}
