import { ExperimentOutlined, PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import type { DryRunItem, Enrolment, EnrolmentStatus, SendLogEntry, SendOutcome } from '@zhuhe/contracts';
import { Alert, Button, Card, Descriptions, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format-date';
import { ErrorState, LoadingState } from '../../app/page-states';
import { PageTitle } from '../../app/page-title';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { useDryRun, useJourney, useSetJourneyStatus } from './automation.queries';
import { STATUS_COLOUR } from './journey-list';
import { segmentText, stepText, triggerText } from './journey-text';

const OUTCOME_COLOUR: Record<SendOutcome, string> = {
  sent: 'success',
  capped: 'warning',
  unsubscribed: 'default',
  no_contact: 'default',
};
const ENROLMENT_COLOUR: Record<EnrolmentStatus, string> = {
  active: 'processing',
  completed: 'success',
  exited: 'default',
};

/** 试运行 who would receive what; nothing is sent. */
function DryRunPanel({ journeyId }: { journeyId: string }) {
  const { t } = useTranslation('automation');
  const dryRun = useDryRun(journeyId);
  const feedback = useErrorFeedback();
  return (
    <Card size="small" title={t('detail.dryRun')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('detail.dryRunHint')}</Typography.Paragraph>
      <Button
        icon={<ExperimentOutlined />}
        loading={dryRun.isPending}
        onClick={() => dryRun.mutate(undefined, { onError: feedback.show })}
      >
        {t('detail.dryRun')}
      </Button>
      {dryRun.data ? (
        <div style={{ marginTop: 12 }} data-testid="dry-run">
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 8 }}
            message={t('detail.dryRunResult', {
              recipients: dryRun.data.recipients,
              items: dryRun.data.items.length,
              at: formatDateTime(dryRun.data.at),
            })}
          />
          <Table<DryRunItem>
            rowKey={(r) => `${r.subjectId}-${r.stepId}`}
            dataSource={dryRun.data.items}
            pagination={false}
            size="small"
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('detail.dryRunEmpty')} /> }}
            columns={[
              { title: t('detail.recipient'), dataIndex: 'subjectName' },
              { title: t('steps.channel'), key: 'channel', render: (_, r) => t(`steps.channels.${r.channel}`) },
              { title: t('steps.messageTitle'), dataIndex: 'title' },
              {
                title: t('detail.when'),
                key: 'at',
                render: (_, r) => (
                  <Space size={4} wrap>
                    {formatDateTime(r.at)}
                    {r.heldForQuietHours ? <Tag color="purple">{t('detail.held')}</Tag> : null}
                  </Space>
                ),
              },
              {
                title: t('detail.outcome'),
                key: 'outcome',
                render: (_, r) => <Tag color={OUTCOME_COLOUR[r.outcome]}>{t(`outcome.${r.outcome}`)}</Tag>,
              },
            ]}
          />
        </div>
      ) : null}
    </Card>
  );
}

/** 旅程详情: its definition, members, send log and a dry-run; operators activate or pause it here. */
export function JourneyDetailView({ journeyId }: { journeyId: string }) {
  const { t } = useTranslation('automation');
  const detail = useJourney(journeyId);
  const setStatus = useSetJourneyStatus(journeyId);
  const feedback = useErrorFeedback();
  if (detail.isLoading) return <LoadingState />;
  if (!detail.data) return <ErrorState error={detail.error} onRetry={() => detail.refetch()} />;
  const { journey, enrolments, sends } = detail.data;
  const stepName = (id: string | null) => {
    if (id === null) return '—';
    const index = journey.steps.findIndex((s) => s.id === id);
    return index < 0 ? id : t('steps.step', { n: index + 1 });
  };
  return (
    <>
      <PageTitle
        title={journey.name}
        subtitle={journey.description}
        extra={
          <Space wrap>
            <Tag color={STATUS_COLOUR[journey.status]}>{t(`status.${journey.status}`)}</Tag>
            {journey.status === 'active' ? (
              <Button
                icon={<PauseCircleOutlined />}
                loading={setStatus.isPending}
                onClick={() => setStatus.mutate('paused', { onError: feedback.show })}
              >
                {t('detail.pause')}
              </Button>
            ) : (
              <Button
                type="primary"
                icon={<PlayCircleOutlined />}
                loading={setStatus.isPending}
                onClick={() => setStatus.mutate('active', { onError: feedback.show })}
              >
                {t('detail.activate')}
              </Button>
            )}
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('list.audience')}>{t(`audience.${journey.audience}`)}</Descriptions.Item>
          <Descriptions.Item label={t('segment.title')}>{segmentText(t, journey.segment)}</Descriptions.Item>
          <Descriptions.Item label={t('list.trigger')}>{triggerText(t, journey.trigger)}</Descriptions.Item>
        </Descriptions>
        <Typography.Title level={2} style={{ fontSize: 16, marginTop: 8 }}>
          {t('steps.title')}
        </Typography.Title>
        <ol style={{ paddingInlineStart: 20, margin: 0 }}>
          {journey.steps.map((step) => (
            <li key={step.id}>{stepText(t, step, journey.steps)}</li>
          ))}
        </ol>
      </Card>
      <DryRunPanel journeyId={journeyId} />
      <Flex vertical gap={16}>
        <Card size="small" title={t('detail.enrolments')}>
          <Table<Enrolment>
            rowKey="id"
            dataSource={enrolments}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            size="small"
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('detail.noEnrolments')} /> }}
            data-testid="enrolments"
            columns={[
              { title: t('detail.recipient'), dataIndex: 'subjectName' },
              {
                title: t('list.status'),
                key: 'status',
                render: (_, e) => <Tag color={ENROLMENT_COLOUR[e.status]}>{t(`enrolment.${e.status}`)}</Tag>,
              },
              { title: t('detail.currentStep'), key: 'step', render: (_, e) => stepName(e.stepId) },
              { title: t('detail.nextRunAt'), key: 'next', render: (_, e) => formatDateTime(e.nextRunAt) },
              { title: t('detail.enteredAt'), key: 'entered', render: (_, e) => formatDateTime(e.enteredAt) },
              {
                title: t('detail.exitReason'),
                key: 'exit',
                render: (_, e) =>
                  e.exitReason
                    ? t(`steps.checks.${e.exitReason as 'activeSinceEntry'}`, { defaultValue: e.exitReason })
                    : '—',
              },
            ]}
          />
        </Card>
        <Card size="small" title={t('detail.sendLog')}>
          <Table<SendLogEntry>
            rowKey="id"
            dataSource={sends}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            size="small"
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('detail.noSends')} /> }}
            data-testid="send-log"
            columns={[
              { title: t('detail.at'), key: 'at', render: (_, s) => formatDateTime(s.at) },
              { title: t('detail.recipient'), dataIndex: 'subjectName' },
              { title: t('steps.channel'), key: 'channel', render: (_, s) => t(`steps.channels.${s.channel}`) },
              { title: t('steps.messageTitle'), dataIndex: 'title' },
              {
                title: t('detail.outcome'),
                key: 'outcome',
                render: (_, s) => <Tag color={OUTCOME_COLOUR[s.outcome]}>{t(`outcome.${s.outcome}`)}</Tag>,
              },
            ]}
          />
        </Card>
      </Flex>
    </>
  );
}
