import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  RISK_STATES,
  RISK_WARNING_TYPES,
  RiskBoardView,
  RiskScanResult,
  type RiskState,
  RiskWarningList as RiskWarningListSchema,
  type RiskWarningType,
  RiskWarningView,
  TenderRiskView,
} from '@zhuhe/contracts';
import { Alert, App, Button, Card, Empty, Input, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { apiRequest } from '../../app/api-client';
import { formatDateTime } from '../../app/format-date';
import { useBilingual } from '../../app/language';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';

type Warning = z.infer<typeof RiskWarningView>;

/** Names of the evidence facts; a fact without a name here shows its key. */
const FACT_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  amendmentsInWindow: { 'zh-CN': '窗口内补充协议数', en: 'Amendments in the window' },
  windowDays: { 'zh-CN': '窗口（天）', en: 'Window (days)' },
  threshold: { 'zh-CN': '阈值', en: 'Threshold' },
  versions: { 'zh-CN': '版本', en: 'Versions' },
  lastLogDate: { 'zh-CN': '最后一次日志', en: 'Last log' },
  daysSilent: { 'zh-CN': '未提交天数', en: 'Days without a log' },
  usualGapDays: { 'zh-CN': '此前通常间隔（天）', en: 'Usual gap before (days)' },
  logsBefore: { 'zh-CN': '此前日志数', en: 'Logs before' },
  progressPercent: { 'zh-CN': '实际进度 %', en: 'Progress %' },
  thresholdDays: { 'zh-CN': '阈值（天）', en: 'Threshold (days)' },
  milestoneSeq: { 'zh-CN': '节点序号', en: 'Milestone' },
  dueDate: { 'zh-CN': '计划完成日', en: 'Due date' },
  delayDays: { 'zh-CN': '已延误（天）', en: 'Days late' },
  daysLeft: { 'zh-CN': '距到期（天）', en: 'Days to the due date' },
  probabilityPercent: { 'zh-CN': '延误超过 7 天的概率 %', en: 'Probability of > 7 days late, %' },
  thresholdPercent: { 'zh-CN': '预警阈值 %', en: 'Warning threshold %' },
  behindPlan: { 'zh-CN': '落后计划（占节点目标）', en: 'Behind plan (share of target)' },
  paceRatio: { 'zh-CN': '所需 / 近 14 天进度', en: 'Required / recent pace' },
  logGap: { 'zh-CN': '距上次日志（周）', en: 'Since the last log (weeks)' },
  disagreements: { 'zh-CN': '近 30 天退回日志', en: 'Logs sent back (30 days)' },
  paymentLate: { 'zh-CN': '付款延迟（周）', en: 'Payment lateness (weeks)' },
  amountFen: { 'zh-CN': '金额（分）', en: 'Amount (fen)' },
  beneficiaryName: { 'zh-CN': '收款人', en: 'Beneficiary' },
  account: { 'zh-CN': '账户', en: 'Account' },
  firstUseOfAccount: { 'zh-CN': '首次使用该账户', en: 'First use of the account' },
  beneficiaryIsOrganisation: { 'zh-CN': '收款人为本组织', en: 'Beneficiary is the organisation' },
  thresholdFen: { 'zh-CN': '阈值（分）', en: 'Threshold (fen)' },
  at: { 'zh-CN': '时间', en: 'At' },
  applicationId: { 'zh-CN': '融资申请', en: 'Finance application' },
  outstandingFen: { 'zh-CN': '未还金额（分）', en: 'Outstanding (fen)' },
  month: { 'zh-CN': '月份', en: 'Month' },
  logDays: { 'zh-CN': '有工人在场的日志天数', en: 'Log days with workers on site' },
  peakWorkers: { 'zh-CN': '单日最多在场人数', en: 'Most workers on one day' },
  workerDays: { 'zh-CN': '工日合计', en: 'Worker-days' },
  wagePayouts: { 'zh-CN': '工资专户当月发放笔数', en: 'Wage-account payouts that month' },
};
const CONTRIBUTION = { 'zh-CN': '（对预警的贡献）', en: ' (contribution)' };

function factLabel(key: string, bilingual: (t: { 'zh-CN': string; en: string }) => string): string {
  if (FACT_LABELS[key]) return bilingual(FACT_LABELS[key]);
  const base = key.replace(/Contribution$/, '');
  if (base !== key && FACT_LABELS[base]) return `${bilingual(FACT_LABELS[base])}${bilingual(CONTRIBUTION)}`;
  return key;
}
type Target = 'acknowledged' | 'resolved' | 'false_alarm';

const SEVERITY_COLOURS = { low: 'default', medium: 'orange', high: 'red' } as const;
const STATE_COLOURS = { open: 'red', acknowledged: 'gold', resolved: 'green', false_alarm: 'default' } as const;

/** Where a party or risk staff moves a warning on. */
function transitionPath(scope: { orgId: string } | 'staff', id: string) {
  return scope === 'staff'
    ? `/api/staff/risk/warnings/${id}/transitions`
    : `/api/orgs/${scope.orgId}/risk/warnings/${id}/transitions`;
}

function WarningActions({
  warning,
  scope,
  onDone,
}: {
  warning: Warning;
  scope: { orgId: string } | 'staff';
  onDone: () => void;
}) {
  const { t } = useTranslation('risk');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const [target, setTarget] = useState<Target | null>(null);
  const [note, setNote] = useState('');
  const move = useMutation({
    mutationFn: (body: { to: Target; note: string }) =>
      apiRequest('POST', transitionPath(scope, warning.id), RiskWarningView, { body }),
    onSuccess: () => {
      message.success(t('done'));
      setTarget(null);
      setNote('');
      onDone();
    },
    onError: (e) => feedback.show(e),
  });
  if (warning.state === 'resolved' || warning.state === 'false_alarm') return null;
  return (
    <>
      <Space wrap>
        {warning.state === 'open' ? (
          <Button
            size="small"
            type="primary"
            loading={move.isPending}
            onClick={() => move.mutate({ to: 'acknowledged', note: '' })}
          >
            {t('acknowledge')}
          </Button>
        ) : null}
        <Button size="small" onClick={() => setTarget('resolved')}>
          {t('resolve')}
        </Button>
        <Button size="small" onClick={() => setTarget('false_alarm')}>
          {t('falseAlarm')}
        </Button>
      </Space>
      <Modal
        open={target !== null}
        title={`${t('noteTitle')} · ${target === 'false_alarm' ? t('falseAlarm') : t('resolve')}`}
        okText={t('confirm')}
        confirmLoading={move.isPending}
        onCancel={() => setTarget(null)}
        onOk={() => target && move.mutate({ to: target, note })}
      >
        <Input.TextArea
          rows={3}
          maxLength={1000}
          value={note}
          placeholder={t('notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
          aria-label={t('noteTitle')}
        />
      </Modal>
    </>
  );
}

function WarningCard({
  warning,
  scope,
  onDone,
  canAct = true,
}: {
  warning: Warning;
  scope: { orgId: string } | 'staff';
  onDone: () => void;
  canAct?: boolean;
}) {
  const { t } = useTranslation('risk');
  const bilingual = useBilingual();
  const facts = Object.entries(warning.evidence.facts);
  return (
    <Card
      size="small"
      data-testid="risk-warning"
      data-type={warning.type}
      data-state={warning.state}
      style={{ width: '100%' }}
    >
      <Space direction="vertical" size={6} style={{ width: '100%' }}>
        <Space wrap size={4}>
          <Tag color={SEVERITY_COLOURS[warning.severity]}>{t(`severities.${warning.severity}`)}</Tag>
          <Tag>{t(`types.${warning.type}`)}</Tag>
          <Tag color={STATE_COLOURS[warning.state]} data-testid="risk-state">
            {t(`states.${warning.state}`)}
          </Tag>
        </Space>
        <Typography.Text strong style={{ wordBreak: 'break-word' }}>
          {bilingual(warning.title)}
        </Typography.Text>
        <Typography.Text style={{ wordBreak: 'break-word' }}>{bilingual(warning.summary)}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('detectedAt', { at: formatDateTime(warning.detectedAt) })}
          {warning.ownerOrgName ? ` · ${t('owner', { name: warning.ownerOrgName })}` : ''}
        </Typography.Text>
        <details>
          <summary style={{ cursor: 'pointer' }}>{t('evidence')}</summary>
          <div style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
            {facts.map(([k, v]) => (
              <div key={k}>
                <Typography.Text type="secondary">{factLabel(k, bilingual)}</Typography.Text>: {String(v)}
              </div>
            ))}
            <Space wrap>
              {warning.evidence.links.map((l) => (
                <Link key={l.href} to={l.href}>
                  {bilingual(l.label)}
                </Link>
              ))}
            </Space>
            <div style={{ marginTop: 6 }}>
              <Typography.Text type="secondary">{t('history')}</Typography.Text>
              {warning.transitions.map((x) => (
                <div key={`${x.at}-${x.to}`}>
                  {formatDateTime(x.at)} · {t(`actor.${x.actorKind}`)} · {t(`states.${x.to}`)}
                  {x.note ? ` · ${x.note}` : ''}
                </div>
              ))}
            </div>
          </div>
        </details>
        {canAct ? <WarningActions warning={warning} scope={scope} onDone={onDone} /> : null}
      </Space>
    </Card>
  );
}

function Filters({
  state,
  type,
  onState,
  onType,
}: {
  state: RiskState | undefined;
  type: RiskWarningType | undefined;
  onState: (s: RiskState | undefined) => void;
  onType: (s: RiskWarningType | undefined) => void;
}) {
  const { t } = useTranslation('risk');
  return (
    <Space wrap>
      <Select
        aria-label={t('filterState')}
        style={{ minWidth: 140 }}
        value={state ?? ''}
        onChange={(v) => onState(v ? (v as RiskState) : undefined)}
        options={[
          { value: '', label: t('filterAll', { what: t('filterState') }) },
          ...RISK_STATES.map((s) => ({ value: s, label: t(`states.${s}`) })),
        ]}
      />
      <Select
        aria-label={t('filterType')}
        style={{ minWidth: 180 }}
        value={type ?? ''}
        onChange={(v) => onType(v ? (v as RiskWarningType) : undefined)}
        options={[
          { value: '', label: t('filterAll', { what: t('filterType') }) },
          ...RISK_WARNING_TYPES.map((s) => ({ value: s, label: t(`types.${s}`) })),
        ]}
      />
    </Space>
  );
}

function query(params: Record<string, string | undefined>) {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
  return q.size ? `?${q}` : '';
}

/** 风险预警 an organisation's own warnings with acknowledge / resolve / false alarm. */
export function RiskWarningList({ orgId, canAct }: { orgId: string; canAct: boolean }) {
  const { t } = useTranslation('risk');
  const client = useQueryClient();
  const [state, setState] = useState<RiskState | undefined>();
  const [type, setType] = useState<RiskWarningType | undefined>();
  const list = useQuery({
    queryKey: ['risk', orgId, state, type],
    queryFn: () =>
      apiRequest('GET', `/api/orgs/${orgId}/risk/warnings${query({ state, type })}`, RiskWarningListSchema),
  });
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Filters state={state} type={type} onState={setState} onType={setType} />
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Empty description={t('empty')} />
      ) : (
        list.data.items.map((w) => (
          <WarningCard
            key={w.id}
            warning={w}
            scope={{ orgId }}
            canAct={canAct}
            onDone={() => void client.invalidateQueries({ queryKey: ['risk'] })}
          />
        ))
      )}
    </Space>
  );
}

/** The active warnings of one contract, on its detail page (nothing when there are none). */
export function ContractRiskWarnings({ orgId, contractId }: { orgId: string; contractId: string }) {
  const { t } = useTranslation('risk');
  const bilingual = useBilingual();
  const list = useQuery({
    queryKey: ['risk', orgId, 'contract', contractId],
    queryFn: () =>
      apiRequest('GET', `/api/orgs/${orgId}/risk/warnings?contractId=${contractId}`, RiskWarningListSchema),
  });
  const active = (list.data?.items ?? []).filter((w) => w.state === 'open' || w.state === 'acknowledged');
  if (active.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="contract-risk-warnings"
      message={t('onContract')}
      description={
        <Space direction="vertical" size={4}>
          {active.map((w) => (
            <span key={w.id}>
              <Tag color={STATE_COLOURS[w.state]}>{t(`states.${w.state}`)}</Tag>
              {bilingual(w.title)} — {/* underlined: inside a sentence a link must not be told apart by colour alone */}
              <Link to="/workspace/risk" style={{ textDecoration: 'underline' }}>
                {t('title')}
              </Link>
            </span>
          ))}
        </Space>
      }
    />
  );
}

function FlagList({ tender }: { tender: z.infer<typeof TenderRiskView> }) {
  const { t } = useTranslation('risk');
  const bilingual = useBilingual();
  if (tender.flags.length === 0) return <Typography.Text type="secondary">{t('noFlags')}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={tender.flags}
      renderItem={(f) => (
        <List.Item data-testid="red-flag" style={{ paddingInline: 0 }}>
          <Space direction="vertical" size={0}>
            <Tag color="red">{t(`flags.${f.flag}`)}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {bilingual(f.detail)}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** 招标红旗 on the tender page, for its buyer (a bidder gets nothing: the request is not found). */
export function TenderRedFlags({ orgId, tenderId }: { orgId: string; tenderId: string }) {
  const { t } = useTranslation('risk');
  const flags = useQuery({
    queryKey: ['risk', orgId, 'tender', tenderId],
    queryFn: () => apiRequest('GET', `/api/orgs/${orgId}/tenders/${tenderId}/risk-flags`, TenderRiskView),
    retry: false,
  });
  if (!flags.data) return null;
  return (
    <Card size="small" title={t('redFlags')} style={{ marginTop: 16 }} data-testid="tender-red-flags">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('redFlagsHint')}
      </Typography.Paragraph>
      <FlagList tender={flags.data} />
    </Card>
  );
}

/** 风控看板 counts by type and state, filters, every warning, red-flagged tenders, scan on demand. */
export function StaffRiskBoard() {
  const { t } = useTranslation('risk');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const client = useQueryClient();
  const [state, setState] = useState<RiskState | undefined>();
  const [type, setType] = useState<RiskWarningType | undefined>();
  const board = useQuery({
    queryKey: ['risk', 'board', state, type],
    queryFn: () => apiRequest('GET', `/api/staff/risk/board${query({ state, type })}`, RiskBoardView),
  });
  const scan = useMutation({
    mutationFn: () => apiRequest('POST', '/api/staff/risk/scan', RiskScanResult),
    onSuccess: (r) => {
      message.success(t('scanned', { opened: r.opened, contracts: r.scannedContracts, tenders: r.scannedTenders }));
      void client.invalidateQueries({ queryKey: ['risk'] });
    },
    onError: (e) => feedback.show(e),
  });
  if (board.isPending) return <LoadingState />;
  if (board.isError) return <ErrorState error={board.error} onRetry={() => board.refetch()} />;
  const b = board.data;
  const count = (ty: string, st: string) => b.counts.find((c) => c.type === ty && c.state === st)?.count ?? 0;
  const rows = RISK_WARNING_TYPES.map((ty) => ({
    key: ty,
    type: t(`types.${ty}`),
    ...Object.fromEntries(RISK_STATES.map((st) => [st, count(ty, st)])),
    total: RISK_STATES.reduce((s, st) => s + count(ty, st), 0),
  }));
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('counts')}
        extra={
          <Button onClick={() => scan.mutate()} loading={scan.isPending}>
            {t('scan')}
          </Button>
        }
      >
        <Table
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={rows}
          data-testid="risk-counts"
          columns={[
            { title: t('filterType'), dataIndex: 'type', fixed: 'left' },
            ...RISK_STATES.map((st) => ({ title: t(`states.${st}`), dataIndex: st })),
            { title: t('total'), dataIndex: 'total' },
          ]}
        />
      </Card>
      <Card size="small" title={`${t('flaggedTenders')} (${b.tenders.length})`}>
        <Space wrap style={{ marginBottom: 8 }}>
          {b.flagCounts.map((f) => (
            <Tag key={f.flag} color="red">
              {t(`flags.${f.flag}`)} · {f.count}
            </Tag>
          ))}
        </Space>
        {b.tenders.length === 0 ? (
          <Empty description={t('noFlags')} />
        ) : (
          b.tenders.map((tender) => (
            <div key={tender.tenderId} style={{ marginBottom: 12 }} data-testid="flagged-tender">
              <Typography.Text strong>{tender.title}</Typography.Text>
              <Typography.Text type="secondary"> · {tender.buyerName}</Typography.Text>
              <FlagList tender={tender} />
            </div>
          ))
        )}
      </Card>
      <Filters state={state} type={type} onState={setState} onType={setType} />
      {b.warnings.length === 0 ? (
        <Empty description={t('empty')} />
      ) : (
        b.warnings.map((w) => (
          <WarningCard
            key={w.id}
            warning={w}
            scope="staff"
            onDone={() => void client.invalidateQueries({ queryKey: ['risk'] })}
          />
        ))
      )}
    </Space>
  );
}
