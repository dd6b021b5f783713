import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../app/button-link';
import { formatDateTime } from '../../app/format-date';
import { formatFen } from '../../app/format-money';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { useStepUp } from '../identity';
import * as api from './execution.api';
import { formatQuantity, toFen, toMilli } from './execution.format';
import { useExecutionMutation, usePlan, useSettlements } from './execution.queries';

type Role = 'gc' | 'payee' | 'supervisor';
const ROLES: Role[] = ['payee', 'gc', 'supervisor'];
const STATUS_COLOR = { measuring: 'processing', statement: 'warning', signed: 'cyan', released: 'success' } as const;

function SupervisorCard({ orgId, plan }: { orgId: string; plan: api.ExecutionPlanData }) {
  const { t } = useTranslation('execution');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const [code, setCode] = useState('');
  const [found, setFound] = useState<{ id: string; name: string } | 'missing' | null>(null);
  const invite = useExecutionMutation(orgId, plan.contractId, (id: string) =>
    api.inviteSupervisor(orgId, plan.contractId, id),
  );
  // typing a name offers verified supervisors; typing a code (digits and capitals) is looked up as before
  const [typed, setTyped] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setTyped(code.trim()), 300);
    return () => clearTimeout(timer);
  }, [code]);
  const byName = typed.length >= 2 && !/^[0-9A-Z]+$/.test(typed);
  const suggestions = useQuery({
    queryKey: ['org-directory', 'supervisors', typed],
    queryFn: () => api.searchSupervisors(typed),
    enabled: byName,
    staleTime: 60_000,
  });
  const lookup = async (creditCode: string) =>
    setFound(
      await api
        .lookupOrganisation(creditCode)
        .then((o) => ({ id: o.id, name: o.name }))
        .catch(() => 'missing' as const),
    );
  if (plan.supervisorOrg)
    return (
      <Descriptions size="small">
        <Descriptions.Item label={t('settlement.supervisor')}>{plan.supervisorOrg.name}</Descriptions.Item>
      </Descriptions>
    );
  if (plan.myRole !== 'gc') return <Alert type="info" showIcon message={t('settlement.noSupervisor')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="invite-supervisor">
      <Typography.Text>{t('settlement.inviteSupervisor')}</Typography.Text>
      <Space.Compact style={{ width: '100%', maxWidth: 480 }}>
        <AutoComplete
          value={code}
          style={{ width: '100%' }}
          onChange={(value: string) => {
            setCode(/^[0-9a-z]+$/i.test(value.trim()) ? value.trim().toUpperCase() : value);
            setFound(null);
          }}
          onSelect={(creditCode: string) => {
            setCode(creditCode);
            void lookup(creditCode);
          }}
          options={(byName ? (suggestions.data ?? []) : []).map((o) => ({
            value: o.creditCode,
            label: (
              <Space direction="vertical" size={0}>
                <span>{o.name}</span>
                <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
                  {o.creditCode}
                </Typography.Text>
              </Space>
            ),
          }))}
          notFoundContent={byName && suggestions.isSuccess ? t('settlement.noSupervisorFound') : null}
          placeholder={t('settlement.supervisorCode')}
          aria-label={t('settlement.supervisorCode')}
          data-testid="supervisor-search"
        />
        <Button onClick={() => void lookup(code.trim())}>{t('settlement.lookup')}</Button>
      </Space.Compact>
      {found === 'missing' ? <Typography.Text type="danger">{t('settlement.notFound')}</Typography.Text> : null}
      {found && found !== 'missing' ? (
        <Space>
          <Typography.Text>{found.name}</Typography.Text>
          <Button
            type="primary"
            loading={invite.isPending}
            onClick={async () => {
              try {
                await invite.mutateAsync(found.id);
                message.success(t('settlement.invited'));
              } catch (error) {
                feedback.show(error);
              }
            }}
          >
            {t('settlement.invite')}
          </Button>
        </Space>
      ) : null}
    </Space>
  );
}

function QuantityTable({
  orgId,
  plan,
  settlement,
}: {
  orgId: string;
  plan: api.ExecutionPlanData;
  settlement: api.SettlementData;
}) {
  const { t } = useTranslation('execution');
  const feedback = useErrorFeedback();
  const [proposing, setProposing] = useState<string | null>(null);
  const [disputing, setDisputing] = useState<string | null>(null);
  const [form] = Form.useForm<{ quantity: number; note?: string }>();
  const [disputeForm] = Form.useForm<{ note: string }>();
  const c = plan.contractId;
  const propose = useExecutionMutation(orgId, c, (b: { lineId: string; quantityMilli: number; note?: string }) =>
    api.proposeQuantity(orgId, c, settlement.id, b),
  );
  const vote = useExecutionMutation(
    orgId,
    c,
    (b: { proposalId: string; decision: 'confirm' | 'dispute'; note?: string }) =>
      api.voteQuantity(orgId, c, settlement.id, b),
  );
  const measuring = settlement.status === 'measuring';
  const current = new Map<string, api.SettlementData['proposals'][number]>();
  for (const p of settlement.proposals) if (!p.superseded) current.set(p.lineId, p);

  return (
    <>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 720 }}
        dataSource={plan.boqLines}
        data-testid="quantities"
        columns={[
          { title: t('settlement.line'), render: (_, l) => `${l.code} ${l.name}` },
          { title: t('settlement.planned'), render: (_, l) => `${formatQuantity(l.quantityMilli)} ${l.unit}` },
          {
            title: t('settlement.current'),
            render: (_, l) => {
              const p = current.get(l.id);
              return p ? `${formatQuantity(p.quantityMilli)} ${l.unit}（${t(`roles.${p.proposedByRole}`)}）` : '—';
            },
          },
          {
            title: t('settlement.votes'),
            render: (_, l) => {
              const p = current.get(l.id);
              if (!p) return '—';
              return (
                <Space size={4} wrap data-testid="line-votes">
                  {ROLES.map((r) => {
                    const v = p.votes.find((x) => x.role === r);
                    return (
                      <Tag key={r} color={!v ? 'default' : v.decision === 'confirm' ? 'green' : 'red'}>
                        {t(`roles.${r}`).slice(0, 2)} {v ? t(`settlement.${v.decision}`) : t('settlement.pending')}
                      </Tag>
                    );
                  })}
                  {p.agreed ? <Tag color="success">{t('settlement.agreed')}</Tag> : null}
                </Space>
              );
            },
          },
          {
            title: '',
            render: (_, l) => {
              if (!measuring) return null;
              const p = current.get(l.id);
              const mine = p?.votes.find((v) => v.role === plan.myRole);
              return (
                <Space wrap>
                  {p && !mine ? (
                    <>
                      <Button
                        size="small"
                        type="primary"
                        data-testid="vote-confirm"
                        onClick={() => vote.mutateAsync({ proposalId: p.id, decision: 'confirm' }).catch(feedback.show)}
                      >
                        {t('settlement.confirm')}
                      </Button>
                      <Button size="small" danger data-testid="vote-dispute" onClick={() => setDisputing(p.id)}>
                        {t('settlement.dispute')}
                      </Button>
                    </>
                  ) : null}
                  <Button size="small" data-testid="propose-quantity" onClick={() => setProposing(l.id)}>
                    {t('settlement.propose')}
                  </Button>
                </Space>
              );
            },
          },
        ]}
      />
      <Modal
        open={proposing !== null}
        title={t('settlement.proposeTitle')}
        onCancel={() => setProposing(null)}
        onOk={() => form.submit()}
        confirmLoading={propose.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={async (v) => {
            try {
              await propose.mutateAsync({
                lineId: proposing ?? '',
                quantityMilli: toMilli(v.quantity),
                note: v.note ?? '',
              });
              setProposing(null);
            } catch (error) {
              feedback.show(error);
            }
          }}
        >
          <Form.Item name="quantity" label={t('settlement.quantity')} rules={[{ required: true }]}>
            <InputNumber min={0} precision={3} style={{ width: '100%' }} data-testid="propose-input" />
          </Form.Item>
          <Form.Item name="note" label={t('settlement.note')}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={disputing !== null}
        title={t('settlement.dispute')}
        onCancel={() => setDisputing(null)}
        onOk={() => disputeForm.submit()}
        destroyOnHidden
      >
        <Form
          form={disputeForm}
          layout="vertical"
          preserve={false}
          onFinish={async (v) => {
            try {
              await vote.mutateAsync({ proposalId: disputing ?? '', decision: 'dispute', note: v.note });
              setDisputing(null);
            } catch (error) {
              feedback.show(error);
            }
          }}
        >
          <Form.Item name="note" label={t('settlement.disputeNote')} rules={[{ required: true }]}>
            <Input maxLength={500} data-testid="dispute-note" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function History({ plan, settlement }: { plan: api.ExecutionPlanData; settlement: api.SettlementData }) {
  const { t } = useTranslation('execution');
  const lines = new Map(plan.boqLines.map((l) => [l.id, l]));
  return (
    <List
      size="small"
      header={
        <Space>
          {t('settlement.history')}
          {settlement.disputes > 0 ? (
            <Tag color="red">{t('settlement.disputes', { n: settlement.disputes })}</Tag>
          ) : null}
        </Space>
      }
      dataSource={settlement.proposals}
      renderItem={(p) => {
        const line = lines.get(p.lineId);
        return (
          <List.Item key={p.id} data-testid="proposal-history">
            <Typography.Text delete={p.superseded} type={p.superseded ? 'secondary' : undefined}>
              {formatDateTime(p.createdAt)} · {t(`roles.${p.proposedByRole}`)} · {line?.code}{' '}
              {formatQuantity(p.quantityMilli)} {line?.unit}
              {p.note ? `（${p.note}）` : ''}
            </Typography.Text>{' '}
            {p.votes
              .filter((v) => v.decision === 'dispute')
              .map((v) => (
                <Tag key={v.orgId} color="red">
                  {t(`roles.${v.role}`)} {t('settlement.dispute')}：{v.note}
                </Tag>
              ))}
            {p.superseded ? <Tag>{t('settlement.superseded')}</Tag> : null}
          </List.Item>
        );
      }}
    />
  );
}

function StatementCard({
  orgId,
  plan,
  settlement,
}: {
  orgId: string;
  plan: api.ExecutionPlanData;
  settlement: api.SettlementData;
}) {
  const { t } = useTranslation('execution');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const { ensureStepUp, stepUpModal } = useStepUp();
  const c = plan.contractId;
  const generate = useExecutionMutation(orgId, c, (b: api.StatementInput) =>
    api.generateStatement(orgId, c, settlement.id, b),
  );
  const sign = useExecutionMutation(orgId, c, () => api.signStatement(orgId, c, settlement.id));
  const retry = useExecutionMutation(orgId, c, () => api.retryRelease(orgId, c, settlement.id));
  const s = settlement.statement;

  if (!s) {
    if (plan.myRole !== 'gc') return null;
    if (!settlement.allAgreed) return <Alert type="info" showIcon message={t('settlement.allNeeded')} />;
    return (
      <Form
        layout="inline"
        initialValues={{ variations: 0, deductions: 0 }}
        onFinish={async (v: { variations: number; deductions: number; note?: string }) => {
          try {
            await generate.mutateAsync({
              variationsFen: toFen(v.variations),
              deductionsFen: toFen(v.deductions),
              note: v.note ?? '',
            });
            message.success(t('settlement.generated'));
          } catch (error) {
            feedback.show(error);
          }
        }}
      >
        <Form.Item name="variations" label={t('settlement.variations')}>
          <InputNumber min={0} precision={2} />
        </Form.Item>
        <Form.Item name="deductions" label={t('settlement.deductions')}>
          <InputNumber min={0} precision={2} />
        </Form.Item>
        <Form.Item name="note" label={t('settlement.note')}>
          <Input maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={generate.isPending} data-testid="generate-statement">
          {t('settlement.generate')}
        </Button>
      </Form>
    );
  }
  const mine = settlement.signatures.find((x) => x.role === plan.myRole);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="statement">
      {stepUpModal}
      <Descriptions size="small" bordered column={1}>
        <Descriptions.Item label={t('settlement.quantitiesFen')}>{formatFen(s.quantitiesFen)}</Descriptions.Item>
        <Descriptions.Item label={t('settlement.variations')}>{formatFen(s.variationsFen)}</Descriptions.Item>
        <Descriptions.Item label={t('settlement.deductions')}>{formatFen(s.deductionsFen)}</Descriptions.Item>
        <Descriptions.Item label={t('settlement.valueToDate')}>{formatFen(s.valueToDateFen)}</Descriptions.Item>
        <Descriptions.Item label={t('settlement.retentionToDate')}>{formatFen(s.retentionToDateFen)}</Descriptions.Item>
        <Descriptions.Item label={t('settlement.paidBefore')}>{formatFen(s.paidBeforeFen)}</Descriptions.Item>
        <Descriptions.Item label={t('settlement.payableNow')}>
          <Typography.Text strong data-testid="payable-now">
            {formatFen(s.payableNowFen)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('settlement.labour')}>{formatFen(s.labourFen)}</Descriptions.Item>
      </Descriptions>
      <Typography.Text strong>{t('settlement.signatures')}</Typography.Text>
      <Space wrap>
        {ROLES.map((r) => {
          const sig = settlement.signatures.find((x) => x.role === r);
          return (
            <Tag key={r} color={sig ? 'green' : 'default'} data-testid={`signature-${r}`}>
              {t(`roles.${r}`)}：{sig ? `${sig.signerName} ${formatDateTime(sig.signedAt)}` : t('settlement.notSigned')}
            </Tag>
          );
        })}
        <Tag color={settlement.platformSeal ? 'blue' : 'default'} data-testid="platform-seal">
          {t('settlement.platformSealLabel')}：
          {settlement.platformSeal
            ? t('settlement.platformSealed', {
                org: settlement.platformSeal.orgName,
                at: formatDateTime(settlement.platformSeal.sealedAt),
              })
            : t('settlement.platformSealPending')}
        </Tag>
      </Space>
      {settlement.platformSeal ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('settlement.platformSealNote')}
        </Typography.Text>
      ) : null}
      {settlement.status === 'statement' && !mine ? (
        <Button
          type="primary"
          loading={sign.isPending}
          data-testid="sign-statement"
          onClick={async () => {
            if (!(await ensureStepUp(t('settlement.signReason')))) return;
            try {
              await sign.mutateAsync(undefined);
              message.success(t('settlement.signedOk'));
            } catch (error) {
              feedback.show(error);
            }
          }}
        >
          {t('settlement.sign')}
        </Button>
      ) : null}
      {settlement.signedSha256 ? (
        <Button href={api.statementPdfUrl(orgId, c, settlement.id)} target="_blank" data-testid="statement-pdf">
          {t('settlement.signedPdf')}
        </Button>
      ) : null}
      {settlement.releasedAt ? (
        <Alert
          type="success"
          showIcon
          message={t('settlement.released', { at: formatDateTime(settlement.releasedAt) })}
          data-testid="released"
        />
      ) : null}
      {settlement.releaseError ? (
        <Alert
          type="warning"
          showIcon
          message={t('settlement.releaseError', { error: settlement.releaseError })}
          action={
            plan.myRole === 'gc' ? (
              <Button size="small" onClick={() => retry.mutateAsync(undefined).catch(feedback.show)}>
                {t('settlement.retryRelease')}
              </Button>
            ) : null
          }
        />
      ) : null}
    </Space>
  );
}

/** 验收结算: supervisor, per-milestone quantity confirmation by three parties, statement, signing and release. */
export function SettlementView({ orgId, contractId }: { orgId: string; contractId: string }) {
  const { t } = useTranslation('execution');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const plan = usePlan(orgId, contractId);
  const settlements = useSettlements(orgId, contractId, Boolean(plan.data));
  const open = useExecutionMutation(orgId, contractId, (milestoneId: string) =>
    api.openSettlement(orgId, contractId, milestoneId),
  );
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!plan.data || !settlements.data) return <LoadingState />;
  const p = plan.data;
  const byMilestone = new Map(settlements.data.map((s) => [s.milestoneId, s]));

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={p.contractTitle}
        extra={
          <Space wrap>
            <ButtonLink to={`/workspace/progress/${contractId}`}>{t('list.progressTitle')}</ButtonLink>
            {p.myRole !== 'supervisor' ? (
              <ButtonLink to={`/workspace/contracts/${contractId}/money`} data-testid="to-money">
                {t('plan.money')}
              </ButtonLink>
            ) : null}
          </Space>
        }
      >
        <SupervisorCard orgId={orgId} plan={p} />
      </Card>
      {p.milestones.map((m) => {
        const s = byMilestone.get(m.id);
        return (
          <Card
            key={m.id}
            data-testid="settlement-milestone"
            title={
              <Space wrap>
                <span>
                  {t('settlement.milestone')} {m.seq}：{m.title}
                </span>
                <Typography.Text type="secondary">
                  {m.dueDate} · {formatFen(m.amountFen)}
                </Typography.Text>
                {s ? (
                  <Tag color={STATUS_COLOR[s.status]} data-testid="settlement-status">
                    {t(`settlement.status.${s.status}`)}
                  </Tag>
                ) : null}
              </Space>
            }
          >
            {s ? (
              <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                <Typography.Text strong>{t('settlement.quantities')}</Typography.Text>
                <QuantityTable orgId={orgId} plan={p} settlement={s} />
                {s.proposals.length > 0 ? <History plan={p} settlement={s} /> : null}
                <Typography.Text strong>{t('settlement.statement')}</Typography.Text>
                <StatementCard orgId={orgId} plan={p} settlement={s} />
              </Space>
            ) : p.myRole === 'gc' && p.supervisorOrg ? (
              <Button
                type="primary"
                loading={open.isPending}
                data-testid="open-settlement"
                onClick={async () => {
                  try {
                    await open.mutateAsync(m.id);
                    message.success(t('settlement.opened'));
                  } catch (error) {
                    feedback.show(error);
                  }
                }}
              >
                {t('settlement.open')}
              </Button>
            ) : (
              <Empty description={t('settlement.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
        );
      })}
    </Space>
  );
}
