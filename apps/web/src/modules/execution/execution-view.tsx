import { Alert, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api-client';
import { ButtonLink } from '../../app/button-link';
import { dayjs } from '../../app/dayjs';
import { DISPLAY_TIME_ZONE } from '../../app/format-date';
import { formatBp, formatFen } from '../../app/format-money';
import { ErrorState, LoadingState } from '../../app/page-states';
import type * as api from './execution.api';
import { formatQuantity } from './execution.format';
import { useLogs, usePlan, usePlanDefaults } from './execution.queries';
import { LogForm } from './log-form';
import { LogsList } from './logs-list';
import { PlanForm } from './plan-form';

const ProgressChart = lazy(() => import('./progress-chart').then((m) => ({ default: m.ProgressChart })));

export function MilestonesTable({ plan }: { plan: api.ExecutionPlanData }) {
  const { t } = useTranslation('execution');
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 640 }}
      dataSource={plan.milestones}
      data-testid="milestones"
      columns={[
        { title: t('plan.milestoneTitle'), dataIndex: 'title', render: (v, m) => `${m.seq}. ${v}` },
        { title: t('plan.dueDate'), dataIndex: 'dueDate' },
        { title: t('plan.share'), dataIndex: 'shareBp', render: (v: number) => formatBp(v) },
        { title: t('milestone.amount'), dataIndex: 'amountFen', render: (v: number) => formatFen(v) },
        { title: t('milestone.completedOn'), dataIndex: 'completedOn', render: (v: string | null) => v ?? '—' },
        {
          title: t('milestone.delay'),
          dataIndex: 'delayDays',
          render: (v: number) =>
            v > 0 ? <Tag color="red">{t('milestone.delayDays', { n: v })}</Tag> : <Tag>{t('milestone.onTime')}</Tag>,
        },
        {
          title: t('milestone.settlement'),
          dataIndex: 'settlementStatus',
          render: (v: string | null) => t(`milestone.settlementStatus.${(v ?? 'none') as 'none'}`),
        },
      ]}
    />
  );
}

/** 进度跟踪: the plan (or the form to set it), planned vs actual chart, delays, logs with photos and reviews. */
export function ExecutionView({ orgId, contractId, canPlan }: { orgId: string; contractId: string; canPlan: boolean }) {
  const { t } = useTranslation('execution');
  const plan = usePlan(orgId, contractId);
  const missing = plan.isError && isApiError(plan.error) && plan.error.status === 404;
  const defaults = usePlanDefaults(orgId, contractId, missing && canPlan);
  const logs = useLogs(orgId, contractId, Boolean(plan.data));

  if (missing) {
    if (!canPlan) return <Alert type="info" showIcon message={t('plan.waiting')} />;
    if (defaults.isError) return <ErrorState error={defaults.error} onRetry={() => void defaults.refetch()} />;
    if (!defaults.data) return <LoadingState />;
    if (!defaults.data.signed) return <Alert type="info" showIcon message={t('plan.notSigned')} />;
    return <PlanForm orgId={orgId} contractId={contractId} defaults={defaults.data} />;
  }
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!plan.data) return <LoadingState />;
  const p = plan.data;
  const today = dayjs().tz(DISPLAY_TIME_ZONE).format('YYYY-MM-DD');

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={p.contractTitle}
        extra={
          <Space wrap>
            <ButtonLink to={`/workspace/settlement/${contractId}`} data-testid="to-settlement">
              {t('plan.settlement')}
            </ButtonLink>
            {p.myRole !== 'supervisor' ? (
              <ButtonLink to={`/workspace/contracts/${contractId}/money`}>{t('plan.money')}</ButtonLink>
            ) : null}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
          <Descriptions.Item label={t('list.role')}>{t(`roles.${p.myRole}`)}</Descriptions.Item>
          <Descriptions.Item label={t('roles.gc')}>{p.gcOrg.name}</Descriptions.Item>
          <Descriptions.Item label={t('roles.payee')}>{p.payeeOrg.name}</Descriptions.Item>
          <Descriptions.Item label={t('roles.supervisor')}>{p.supervisorOrg?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('plan.contractAmount')}>{formatFen(p.contractAmountFen)}</Descriptions.Item>
          <Descriptions.Item label={t('plan.startDate')}>{p.startDate}</Descriptions.Item>
          <Descriptions.Item label={t('plan.advance')}>{formatBp(p.advanceBp)}</Descriptions.Item>
          <Descriptions.Item label={t('plan.retention')}>{formatBp(p.retentionBp)}</Descriptions.Item>
          <Descriptions.Item label={t('plan.labour')}>{formatBp(p.labourShareBp)}</Descriptions.Item>
          {p.bondBp !== null ? (
            <Descriptions.Item label={t('plan.bond')}>{formatBp(p.bondBp)}</Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card title={t('chart.title')}>
        <Suspense fallback={<LoadingState minHeight={280} />}>
          <ProgressChart planned={p.plannedCurve} actual={p.actualCurve} today={today} />
        </Suspense>
      </Card>
      <Card title={t('plan.milestones')} styles={{ body: { padding: 0 } }}>
        <MilestonesTable plan={p} />
      </Card>
      <Card title={t('plan.boq')} styles={{ body: { padding: 0 } }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 560 }}
          dataSource={p.boqLines}
          columns={[
            { title: t('plan.code'), dataIndex: 'code' },
            { title: t('plan.name'), dataIndex: 'name' },
            { title: t('plan.unit'), dataIndex: 'unit' },
            { title: t('plan.quantity'), dataIndex: 'quantityMilli', render: (v: number) => formatQuantity(v) },
            { title: t('plan.unitPrice'), dataIndex: 'unitPriceFen', render: (v: number) => formatFen(v) },
            { title: t('plan.amount'), dataIndex: 'amountFen', render: (v: number) => formatFen(v) },
            { title: t('plan.logged'), dataIndex: 'loggedMilli', render: (v: number) => formatQuantity(v) },
          ]}
        />
      </Card>
      {p.myRole === 'payee' ? <LogForm orgId={orgId} plan={p} /> : null}
      <div>
        <Typography.Title level={4}>{t('log.title')}</Typography.Title>
        {logs.isError ? (
          <ErrorState error={logs.error} onRetry={() => void logs.refetch()} />
        ) : logs.data ? (
          <LogsList orgId={orgId} plan={p} logs={logs.data} />
        ) : (
          <LoadingState />
        )}
      </div>
    </Space>
  );
}
