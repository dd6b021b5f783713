import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { OPS_ASSIST_KINDS, OPS_LEAD_SOURCES, type OpsLeadState } from '@zhuhe/contracts';
import {
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Progress,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayjs } from '../../app/dayjs';
import { formatDateTime } from '../../app/format-date';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { useAuthedMe } from '../identity';
import { RegionCascader } from '../regions';
import * as api from './operations.api';

const TargetsChart = lazy(() => import('./targets-chart').then((m) => ({ default: m.TargetsChart })));

/** YYYY-MM on the Shanghai calendar, this month and the eleven before it. */
export function recentMonths(count = 12): string[] {
  const now = dayjs().tz('Asia/Shanghai');
  return Array.from({ length: count }, (_, i) => now.subtract(i, 'month').format('YYYY-MM'));
}

const STATE_COLOURS: Record<OpsLeadState, string> = {
  new: 'default',
  visited: 'blue',
  intent: 'gold',
  registered: 'cyan',
  won: 'green',
  lost: 'red',
};

function MonthSelect({ value, onChange, id }: { value: string; onChange: (m: string) => void; id: string }) {
  const { t } = useTranslation('operations');
  return (
    <Space>
      <label htmlFor={id}>{t('overview.month')}</label>
      <Select
        id={id}
        value={value}
        onChange={onChange}
        style={{ width: 120 }}
        options={recentMonths().map((m) => ({ value: m, label: m }))}
      />
    </Space>
  );
}

const pct = (v: number | null) => (v === null ? null : Math.min(100, Math.round(v * 100)));

// ——— centre overview ———

export function OpsOverview() {
  const { t } = useTranslation('operations');
  const me = useAuthedMe();
  const canSet = me.staffRoles.includes('operator');
  const [month, setMonth] = useState(recentMonths(1)[0] as string);
  const [editing, setEditing] = useState<api.OpsTargetBoardData['items'][number] | null>(null);
  const centres = useQuery({ queryKey: api.opsKeys.centres, queryFn: api.fetchCentres });
  const board = useQuery({ queryKey: api.opsKeys.targets(month), queryFn: () => api.fetchTargets(month) });
  if (board.error) return <ErrorState error={board.error} onRetry={() => board.refetch()} />;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" wrap gap={8}>
        <MonthSelect id="ops-overview-month" value={month} onChange={setMonth} />
      </Flex>
      {centres.data?.items.map((c) => (
        <Card key={c.id} size="small" title={c.name} data-testid="ops-centre">
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('overview.territories')}>
              {c.territories.map((x) => x.name).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('overview.members')}>
              {c.members.map((m) => `${m.displayName}（${t(`roles.${m.role}`)}）`).join('、')}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      ))}
      {board.isLoading || !board.data ? (
        <LoadingState />
      ) : board.data.items.length === 0 ? (
        <Empty description={t('overview.empty')} />
      ) : (
        <>
          <Suspense fallback={<LoadingState minHeight={280} />}>
            <TargetsChart board={board.data} />
          </Suspense>
          <Table
            rowKey="userId"
            size="small"
            pagination={false}
            scroll={{ x: 640 }}
            dataSource={board.data.items}
            data-testid="ops-targets"
            columns={[
              { title: t('overview.person'), dataIndex: 'displayName' },
              { title: t('overview.centre'), dataIndex: 'centreName' },
              {
                title: t('overview.target'),
                dataIndex: 'target',
                render: (v: number | null) => v ?? t('overview.noTarget'),
              },
              { title: t('overview.registered'), dataIndex: 'registered' },
              { title: t('overview.firstDeals'), dataIndex: 'firstDeals' },
              { title: t('overview.visits'), dataIndex: 'visits' },
              {
                title: t('overview.progress'),
                dataIndex: 'progress',
                render: (v: number | null, row) =>
                  v === null ? (
                    '—'
                  ) : (
                    <Progress
                      percent={pct(v) ?? 0}
                      size="small"
                      aria-label={`${row.displayName} ${t('overview.progress')} ${pct(v)}%`}
                    />
                  ),
              },
              ...(canSet
                ? [
                    {
                      title: t('overview.setTarget'),
                      key: 'set',
                      render: (_: unknown, row: api.OpsTargetBoardData['items'][number]) => (
                        <Button size="small" onClick={() => setEditing(row)}>
                          {t('overview.setTarget')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
      {editing ? <TargetModal row={editing} month={month} onClose={() => setEditing(null)} /> : null}
    </Space>
  );
}

function TargetModal({
  row,
  month,
  onClose,
}: {
  row: api.OpsTargetBoardData['items'][number];
  month: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('operations');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const client = useQueryClient();
  const [value, setValue] = useState<number | null>(row.target ?? 30);
  const save = useMutation({
    mutationFn: () => api.setTarget({ userId: row.userId, month, newCustomers: value ?? 0 }),
    onSuccess: (data) => {
      client.setQueryData(api.opsKeys.targets(month), data);
      message.success(t('overview.saved'));
      onClose();
    },
    onError: feedback.show,
  });
  return (
    <Modal
      open
      title={t('overview.targetFor', { name: row.displayName, month })}
      okText={t('overview.save')}
      onOk={() => save.mutate()}
      confirmLoading={save.isPending}
      onCancel={onClose}
    >
      <label htmlFor="ops-target-value">{t('overview.target')}</label>
      <InputNumber
        id="ops-target-value"
        min={0}
        max={1000}
        value={value}
        onChange={setValue}
        style={{ width: '100%' }}
      />
    </Modal>
  );
}

// ——— my leads ———

export function MyLeads() {
  const { t } = useTranslation('operations');
  const me = useAuthedMe();
  const month = recentMonths(1)[0] as string;
  const isBd = me.staffRoles.includes('bd');
  const leads = useQuery({ queryKey: api.opsKeys.leads, queryFn: api.fetchLeads });
  const board = useQuery({ queryKey: api.opsKeys.targets(month), queryFn: () => api.fetchTargets(month) });
  const [checkingIn, setCheckingIn] = useState<api.OpsLeadSummary | null>(null);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const mine = board.data?.items.find((r) => r.userId === me.user.id);
  if (leads.error) return <ErrorState error={leads.error} onRetry={() => leads.refetch()} />;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {mine ? (
        <Card size="small" title={`${t('leads.myProgress')}（${month}）`} data-testid="ops-my-progress">
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            {mine.target === null
              ? t('leads.progressNoTarget', { registered: mine.registered })
              : t('leads.progressText', { registered: mine.registered, target: mine.target })}
          </Typography.Paragraph>
          {mine.progress !== null ? (
            <Progress
              percent={pct(mine.progress) ?? 0}
              aria-label={`${t('leads.myProgress')} ${pct(mine.progress)}%`}
            />
          ) : null}
          <Typography.Text type="secondary">
            {t('leads.firstDeals', { count: mine.firstDeals })} · {t('leads.visitsThisMonth', { count: mine.visits })}
          </Typography.Text>
        </Card>
      ) : null}
      {isBd ? (
        <Button type="primary" block onClick={() => setCreating(true)} data-testid="ops-lead-new">
          {t('leads.new')}
        </Button>
      ) : null}
      {leads.isLoading ? (
        <LoadingState />
      ) : (leads.data?.items.length ?? 0) === 0 ? (
        <Empty description={t('leads.empty')} />
      ) : (
        <List
          dataSource={leads.data?.items}
          data-testid="ops-leads"
          renderItem={(lead) => (
            <List.Item style={{ display: 'block' }} data-testid="ops-lead">
              <Flex justify="space-between" align="flex-start" gap={8} wrap>
                <div style={{ minWidth: 0, flex: '1 1 200px' }}>
                  <Typography.Text strong>{lead.companyName}</Typography.Text>{' '}
                  <Tag color={STATE_COLOURS[lead.state]}>{t(`states.${lead.state}`)}</Tag>
                  <div>
                    <Typography.Text type="secondary">
                      {lead.contactName} · {lead.contactPhone} · {lead.regionName}
                    </Typography.Text>
                  </div>
                  <div>
                    <Typography.Text type="secondary">
                      {t('leads.visits', { count: lead.visitCount })}
                      {lead.lastVisitAt ? ` · ${t('leads.lastVisit')} ${formatDateTime(lead.lastVisitAt)}` : ''}
                      {lead.org ? ` · ${t('leads.org')}：${lead.org.name}` : ''}
                      {lead.owner.userId !== me.user.id ? ` · ${lead.owner.displayName}` : ''}
                    </Typography.Text>
                  </div>
                </div>
                <Space>
                  <Button size="small" onClick={() => setOpen(open === lead.id ? null : lead.id)}>
                    {t('leads.history')}
                  </Button>
                  {lead.owner.userId === me.user.id && isBd ? (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setCheckingIn(lead)}
                      aria-label={`${t('leads.checkIn')}：${lead.companyName}`}
                    >
                      {t('leads.checkIn')}
                    </Button>
                  ) : null}
                </Space>
              </Flex>
              {open === lead.id ? <LeadVisits leadId={lead.id} /> : null}
            </List.Item>
          )}
        />
      )}
      {checkingIn ? <CheckInDrawer lead={checkingIn} month={month} onClose={() => setCheckingIn(null)} /> : null}
      {creating ? <NewLeadDrawer onClose={() => setCreating(false)} /> : null}
    </Space>
  );
}

function LeadVisits({ leadId }: { leadId: string }) {
  const { t } = useTranslation('operations');
  const lead = useQuery({ queryKey: api.opsKeys.lead(leadId), queryFn: () => api.fetchLead(leadId) });
  if (!lead.data) return <LoadingState minHeight={60} />;
  return (
    <List
      size="small"
      header={t('leads.history')}
      dataSource={lead.data.visits}
      locale={{ emptyText: '—' }}
      renderItem={(v) => (
        <List.Item style={{ display: 'block' }}>
          <Typography.Text strong>{formatDateTime(v.visitedAt)}</Typography.Text> · {v.place} · {v.byName}
          <div>{v.notes}</div>
          {v.nextStep ? (
            <Typography.Text type="secondary">
              {t('leads.nextStep')}：{v.nextStep}
            </Typography.Text>
          ) : null}
        </List.Item>
      )}
    />
  );
}

const drawerWidth = () => (typeof window !== 'undefined' && window.innerWidth < 480 ? '100%' : 420);

function CheckInDrawer({ lead, month, onClose }: { lead: api.OpsLeadSummary; month: string; onClose: () => void }) {
  const { t } = useTranslation('operations');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const [location, setLocation] = useState<{ lat: number; lng: number; accuracyM: number | null } | null>(null);
  const [locating, setLocating] = useState(false);
  const locate = () => {
    if (!navigator.geolocation) {
      message.warning(t('leads.locateFailed'));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating(false);
        setLocation({ lat: p.coords.latitude, lng: p.coords.longitude, accuracyM: Math.round(p.coords.accuracy) });
      },
      () => {
        setLocating(false);
        message.warning(t('leads.locateFailed'));
      },
      { timeout: 10_000 },
    );
  };
  const submit = useMutation({
    mutationFn: (values: { place: string; notes: string; nextStep?: string; intent?: boolean }) =>
      api.checkIn(lead.id, {
        place: values.place,
        notes: values.notes,
        nextStep: values.nextStep ?? '',
        intent: values.intent ?? false,
        location,
      }),
    onSuccess: () => {
      message.success(t('leads.checkedIn'));
      void client.invalidateQueries({ queryKey: api.opsKeys.leads });
      void client.invalidateQueries({ queryKey: api.opsKeys.targets(month) });
      onClose();
    },
    onError: (error) => feedback.showOnForm(form, error, { fields: ['place', 'notes', 'nextStep'] }),
  });
  return (
    <Drawer open title={t('leads.checkInTitle', { name: lead.companyName })} width={drawerWidth()} onClose={onClose}>
      <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} data-testid="ops-checkin-form">
        <Form.Item name="place" label={t('leads.place')} rules={[{ required: true, min: 2 }]}>
          <Input autoComplete="street-address" />
        </Form.Item>
        <Form.Item name="notes" label={t('leads.notes')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="nextStep" label={t('leads.nextStep')}>
          <Input />
        </Form.Item>
        <Form.Item name="intent" valuePropName="checked">
          <Checkbox>{t('leads.intent')}</Checkbox>
        </Form.Item>
        <Form.Item>
          <Space direction="vertical">
            <Button onClick={locate} loading={locating}>
              {t('leads.locate')}
            </Button>
            {location ? (
              <Typography.Text type="success">
                {t('leads.located', { accuracy: location.accuracyM ?? '—' })}
              </Typography.Text>
            ) : null}
          </Space>
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submit.isPending}>
          {t('leads.submit')}
        </Button>
      </Form>
    </Drawer>
  );
}

function NewLeadDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('operations');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const fields = ['companyName', 'creditCode', 'contactName', 'contactPhone', 'regionCode', 'source'];
  const create = useMutation({
    mutationFn: (v: {
      companyName: string;
      creditCode?: string;
      contactName: string;
      contactPhone: string;
      regionCode: string;
      source: string;
    }) => api.createLead({ ...v, creditCode: v.creditCode?.trim() ? v.creditCode.trim() : null }),
    onSuccess: () => {
      message.success(t('leads.created'));
      void client.invalidateQueries({ queryKey: api.opsKeys.leads });
      onClose();
    },
    onError: (error) =>
      feedback.showOnForm(form, error, { fields, codeFields: { REGION_OUTSIDE_TERRITORY: 'regionCode' } }),
  });
  return (
    <Drawer open title={t('leads.new')} width={drawerWidth()} onClose={onClose}>
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} initialValues={{ source: 'visit' }}>
        <Form.Item name="companyName" label={t('leads.companyName')} rules={[{ required: true, min: 2 }]}>
          <Input autoComplete="organization" />
        </Form.Item>
        <Form.Item name="creditCode" label={t('leads.creditCode')}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="contactName" label={t('leads.contactName')} rules={[{ required: true }]}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('leads.contactPhone')} rules={[{ required: true, min: 5 }]}>
          <Input autoComplete="tel" inputMode="tel" />
        </Form.Item>
        <Form.Item name="regionCode" label={t('leads.region')} rules={[{ required: true }]}>
          <RegionCascader id="ops-lead-region" />
        </Form.Item>
        <Form.Item name="source" label={t('leads.source')}>
          <Select options={OPS_LEAD_SOURCES.map((s) => ({ value: s, label: t(`sources.${s}`) }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={create.isPending}>
          {t('leads.create')}
        </Button>
      </Form>
    </Drawer>
  );
}

// ——— customer success ———

export function SuccessAssignments() {
  const { t } = useTranslation('operations');
  const me = useAuthedMe();
  const query = useQuery({ queryKey: api.opsKeys.assignments, queryFn: api.fetchAssignments });
  const [recording, setRecording] = useState<api.OpsAssignmentData | null>(null);
  if (query.error) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  if (!query.data) return <LoadingState />;
  if (query.data.items.length === 0) return <Empty description={t('success.empty')} />;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {query.data.items.map((a) => (
        <Card
          key={a.id}
          size="small"
          data-testid="ops-assignment"
          title={
            <Space wrap>
              <span>{a.org.name}</span>
              <Tag color={a.status === 'open' ? 'blue' : 'green'}>{t(`success.${a.status}`)}</Tag>
            </Space>
          }
          extra={
            a.status === 'open' && a.manager.userId === me.user.id ? (
              <Button size="small" onClick={() => setRecording(a)} aria-label={`${t('success.record')}：${a.org.name}`}>
                {t('success.record')}
              </Button>
            ) : null
          }
        >
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('success.manager')}：{a.manager.displayName} ·{' '}
            {t('success.openedAt', { at: formatDateTime(a.openedAt) })}
            {a.closedAt && a.closedBy
              ? ` · ${t('success.closedAt', {
                  at: formatDateTime(a.closedAt),
                  event: t(`success.events.${a.closedBy.event as 'contract.signed'}`, {
                    defaultValue: a.closedBy.event,
                  }),
                })}`
              : ''}
          </Typography.Paragraph>
          <List
            size="small"
            header={t('success.assists')}
            dataSource={a.assists}
            locale={{ emptyText: t('success.noAssists') }}
            renderItem={(s) => (
              <List.Item style={{ display: 'block' }}>
                <Tag>{t(`assistKinds.${s.kind}`)}</Tag>
                <Typography.Text type="secondary">
                  {formatDateTime(s.at)} · {s.byName}
                </Typography.Text>
                <div>{s.notes}</div>
              </List.Item>
            )}
          />
        </Card>
      ))}
      {recording ? <AssistModal assignment={recording} onClose={() => setRecording(null)} /> : null}
    </Space>
  );
}

function AssistModal({ assignment, onClose }: { assignment: api.OpsAssignmentData; onClose: () => void }) {
  const { t } = useTranslation('operations');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: (v: { kind: string; notes: string }) => api.recordAssist(assignment.id, v),
    onSuccess: () => {
      message.success(t('success.saved'));
      void client.invalidateQueries({ queryKey: api.opsKeys.assignments });
      onClose();
    },
    onError: (error) => feedback.showOnForm(form, error, { fields: ['kind', 'notes'] }),
  });
  return (
    <Modal
      open
      title={`${t('success.record')}：${assignment.org.name}`}
      okText={t('success.save')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'call' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="kind" label={t('success.kind')}>
          <Select options={OPS_ASSIST_KINDS.map((k) => ({ value: k, label: t(`assistKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="notes" label={t('success.notes')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// ——— monthly report ———

export function ExperienceReports() {
  const { t } = useTranslation('operations');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const me = useAuthedMe();
  const client = useQueryClient();
  const canGenerate = me.staffRoles.some((r) => r === 'operator' || r === 'admin');
  const list = useQuery({ queryKey: api.opsKeys.reports, queryFn: api.fetchReports });
  const [month, setMonth] = useState<string | null>(null);
  const shown = month ?? list.data?.items[0]?.month ?? (recentMonths(2)[1] as string);
  const existing = list.data?.items.some((r) => r.month === shown) ?? false;
  const report = useQuery({
    queryKey: api.opsKeys.report(shown),
    queryFn: () => api.fetchReport(shown),
    enabled: existing,
  });
  const generate = useMutation({
    mutationFn: () => api.generateReport(shown),
    onSuccess: (data) => {
      client.setQueryData(api.opsKeys.report(shown), data);
      void client.invalidateQueries({ queryKey: api.opsKeys.reports });
      message.success(t('reports.generated'));
    },
    onError: feedback.show,
  });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Flex gap={8} wrap align="center">
        <label htmlFor="ops-report-month">{t('reports.month')}</label>
        <Select
          id="ops-report-month"
          value={shown}
          onChange={setMonth}
          style={{ width: 120 }}
          options={recentMonths().map((m) => ({ value: m, label: m }))}
        />
        {canGenerate ? (
          <Button onClick={() => generate.mutate()} loading={generate.isPending} data-testid="ops-report-generate">
            {existing ? t('reports.regenerate') : t('reports.generate')}
          </Button>
        ) : null}
        {existing ? (
          <Button type="primary" href={api.reportPdfUrl(shown)} download data-testid="ops-report-pdf">
            {t('reports.download')}
          </Button>
        ) : null}
      </Flex>
      {!existing ? (
        <Empty description={list.isLoading ? null : t('reports.none')} />
      ) : report.data ? (
        <ReportBody report={report.data} />
      ) : (
        <LoadingState />
      )}
    </Space>
  );
}

function ReportBody({ report }: { report: api.OpsReportData }) {
  const { t, i18n } = useTranslation('operations');
  const { t: tt } = useTranslation('tickets');
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const rate = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);
  const minutes = (v: number | null) => (v === null ? '—' : t('reports.minutes', { count: v }));
  const category = (c: string) => tt(`categories.${c as 'other'}`, { defaultValue: c });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="ops-report">
      <Typography.Text type="secondary">
        {t('reports.meta', { at: formatDateTime(report.generatedAt), by: report.generatedBy })}
      </Typography.Text>
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('reports.findings')}</h2>}>
        <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid="ops-report-findings">
          {report.findings.map((f) => (
            <li key={f['zh-CN']}>{f[lang]}</li>
          ))}
        </ol>
      </Card>
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('reports.tickets')}</h2>}>
        <Flex wrap gap={24}>
          <Statistic title={t('reports.opened')} value={report.tickets.opened} />
          <Statistic title={t('reports.resolvedInMonth')} value={report.tickets.resolvedInMonth} />
          <Statistic
            title={`${t('reports.rate')}（${t('reports.target', { target: rate(report.tickets.target) })}）`}
            value={rate(report.tickets.firstMonthResolutionRate)}
          />
          <Statistic title={t('reports.firstAnswer')} value={minutes(report.tickets.medianFirstAnswerMinutes)} />
          <Statistic title={t('reports.resolution')} value={minutes(report.tickets.medianResolutionMinutes)} />
        </Flex>
        <Table
          size="small"
          rowKey="category"
          pagination={false}
          style={{ marginTop: 12 }}
          dataSource={report.tickets.byCategory}
          columns={[
            { title: t('reports.category'), dataIndex: 'category', render: category },
            { title: t('reports.count'), dataIndex: 'opened' },
            { title: t('reports.rate'), dataIndex: 'firstMonthResolutionRate', render: rate },
          ]}
        />
      </Card>
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('reports.feedback')}</h2>}>
        <Flex wrap gap={24}>
          <Statistic title={t('reports.ratings')} value={report.feedback.ratings} />
          <Statistic title={t('reports.average')} value={report.feedback.averageStars ?? '—'} />
          <Statistic title={t('reports.distribution')} value={report.feedback.distribution.join(' / ')} />
        </Flex>
        {report.feedback.lowRated.length > 0 ? (
          <List
            size="small"
            header={t('reports.lowRated')}
            dataSource={report.feedback.lowRated}
            renderItem={(l) => (
              <List.Item>
                {category(l.category)} · {'★'.repeat(l.stars)} · {l.comment || t('reports.noComment')}
              </List.Item>
            )}
          />
        ) : null}
      </Card>
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('reports.behaviour')}</h2>}>
        <Flex wrap gap={24}>
          <Statistic title={t('reports.activeUsers')} value={report.behaviour.activeUsers} />
          <Statistic title={t('reports.activeOrgs')} value={report.behaviour.activeOrgs} />
        </Flex>
        <Table
          size="small"
          rowKey="name"
          pagination={false}
          style={{ marginTop: 12 }}
          dataSource={report.behaviour.topEvents}
          columns={[
            { title: t('reports.event'), dataIndex: 'name' },
            { title: t('reports.count'), dataIndex: 'count' },
            { title: t('reports.users'), dataIndex: 'users' },
          ]}
        />
      </Card>
    </Space>
  );
}
