import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Row, Statistic, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/format-date';
import { formatBp } from '../../app/format-money';
import { useLanguage } from '../../app/language';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { StageTag } from './merchant-progress';
import { evaluateTiers, setCategoryKey } from './merchants.api';
import { merchantKeys, useBoard, useCategories } from './merchants.queries';

function CategoriesPanel() {
  const { t } = useTranslation('merchants');
  const language = useLanguage();
  const categories = useCategories();
  const client = useQueryClient();
  const feedback = useErrorFeedback();
  const toggle = useMutation({
    mutationFn: (v: { code: string; key: boolean }) => setCategoryKey(v.code, v.key),
    onSuccess: () => void client.invalidateQueries({ queryKey: merchantKeys.categories }),
    onError: feedback.show,
  });
  return (
    <Table
      rowKey="code"
      size="small"
      pagination={false}
      loading={categories.isPending}
      dataSource={categories.data ?? []}
      columns={[
        { title: t('fields.category'), render: (_, c) => c.name[language] },
        {
          title: t('fields.key'),
          render: (_, c) => (
            <Switch size="small" checked={c.key} onChange={(key) => toggle.mutate({ code: c.code, key })} />
          ),
        },
      ]}
    />
  );
}

/** 招商看板 stages, cycle times, SLA timers (working days, official calendar), pass rate and brand share. */
export function MerchantBoardPanel() {
  const { t } = useTranslation('merchants');
  const language = useLanguage();
  const board = useBoard();
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const evaluate = useMutation({
    mutationFn: evaluateTiers,
    onSuccess: (r) => void message.info(t('board.evaluated', r)),
    onError: feedback.show,
  });
  if (board.isPending) return <LoadingState />;
  if (board.isError) return <ErrorState error={board.error} onRetry={() => void board.refetch()} />;
  const b = board.data;

  const pipeline = (
    <>
      {!b.calendarCovered ? (
        <Alert type="warning" showIcon title={t('board.calendarMissing')} style={{ marginBottom: 16 }} />
      ) : null}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('board.cycle')}
              value={b.cycle.avgWorkingDays ?? '—'}
              suffix={b.cycle.avgWorkingDays !== null ? t('board.daysUnit') : undefined}
              data-testid="board-cycle"
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('board.cycleHint', { target: b.cycle.targetWorkingDays, n: b.cycle.samples })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('board.feedback')} value={formatBp(b.cycle.feedbackOnTimeBp)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('board.passRate')}
              value={formatBp(b.passRate.rateBp)}
              styles={{
                content: {
                  color:
                    b.passRate.rateBp !== null && b.passRate.rateBp > b.passRate.targetMaxBp ? '#cf1322' : undefined,
                },
              }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('board.passRateHint', { approved: b.passRate.approved, decided: b.passRate.decided })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('board.brandShare')} value={formatBp(b.brandShare.shareBp)} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('board.brandShareHint', { brand: b.brandShare.brand, active: b.brandShare.active })}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Row gutter={[8, 8]} style={{ marginBottom: 16 }}>
        {b.stages.map((s) => (
          <Col key={s.stage} xs={12} sm={8} md={6} lg={3}>
            <Card size="small" data-testid={`stage-${s.stage}`}>
              <Statistic title={t(`stages.${s.stage}`)} value={s.count} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {s.avgWorkingDays !== null ? t('board.avgDays', { days: s.avgWorkingDays }) : '—'}
              </Typography.Text>
            </Card>
          </Col>
        ))}
        <Col xs={12} sm={8} md={6} lg={3}>
          <Card size="small">
            <Statistic
              title={t('board.overdue')}
              value={b.overdue}
              styles={{ content: { color: b.overdue ? '#cf1322' : undefined } }}
            />
          </Card>
        </Col>
      </Row>
      <Table
        rowKey="id"
        size="small"
        dataSource={b.items}
        scroll={{ x: true }}
        rowClassName={(row) => (row.sla.overdue ? 'row-overdue' : '')}
        onRow={(row) =>
          ({
            style: row.sla.overdue ? { background: '#fff1f0' } : {},
            'data-testid': `board-row-${row.orgName}`,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t('board.applicant'),
            render: (_, r) => (
              <Link to={`/staff/merchants/${r.id}`}>
                {r.orgName}
                <br />
                <Typography.Text type="secondary">{r.shopName}</Typography.Text>
              </Link>
            ),
          },
          { title: t('fields.category'), render: (_, r) => r.category.name[language] + (r.category.key ? ' ★' : '') },
          { title: t('board.stage'), render: (_, r) => <StageTag stage={r.stage} /> },
          { title: t('fields.tier'), render: (_, r) => (r.tier ? t(`tiers.${r.tier}`) : '—') },
          { title: t('submittedAt'), render: (_, r) => formatDateTime(r.firstSubmittedAt) },
          { title: t('board.stageSince'), render: (_, r) => formatDateTime(r.stageEnteredAt) },
          {
            title: t('board.elapsedTitle'),
            render: (_, r) => (
              <span data-testid="elapsed">
                {t('board.workingDays', { days: r.sla.elapsedWorkingDays })}
                {r.sla.overdue ? (
                  <Tag color="error" style={{ marginInlineStart: 6 }}>
                    {t('sla.overdue')}
                  </Tag>
                ) : null}
              </span>
            ),
          },
          {
            title: t('sla.feedbackDue'),
            render: (_, r) => (r.stage === 'in_review' ? formatDateTime(r.sla.feedbackDueAt) : '—'),
          },
          { title: t('sla.cycleDue'), render: (_, r) => formatDateTime(r.sla.cycleDueAt) },
        ]}
      />
    </>
  );

  return (
    // The button stands beside the tab list, not in it: a tablist holds tabs only (WCAG 4.1.2).
    <div>
      <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button onClick={() => evaluate.mutate()} loading={evaluate.isPending}>
          {t('board.evaluateTiers')}
        </Button>
      </div>
      <Tabs
        items={[
          { key: 'pipeline', label: t('board.pipeline'), children: pipeline },
          { key: 'categories', label: t('board.categories'), children: <CategoriesPanel /> },
        ]}
      />
    </div>
  );
}
