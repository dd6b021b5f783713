import { App, Button, Card, Descriptions, Empty, Flex, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format-date';
import { useErrorFeedback } from '../../app/use-error-feedback';
import * as api from './execution.api';
import { formatQuantity } from './execution.format';
import { useExecutionMutation } from './execution.queries';
import { LogForm } from './log-form';

const STATUS_COLOR = { submitted: 'processing', changes_requested: 'warning', accepted: 'success', revised: 'default' };

/** The logs with their photos (time and place from EXIF), reviews, and the review or revision actions. */
export function LogsList({
  orgId,
  plan,
  logs,
}: {
  orgId: string;
  plan: api.ExecutionPlanData;
  logs: api.ConstructionLogData[];
}) {
  const { t } = useTranslation('execution');
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const [comments, setComments] = useState<Record<string, string>>({});
  const [revising, setRevising] = useState<string | null>(null);
  const review = useExecutionMutation(orgId, plan.contractId, (a: { logId: string; body: api.ReviewLogInput }) =>
    api.reviewLog(orgId, plan.contractId, a.logId, a.body),
  );
  if (logs.length === 0) return <Empty description={t('log.empty')} />;

  const send = async (logId: string, decision: api.ReviewLogInput['decision']) => {
    try {
      await review.mutateAsync({
        logId,
        body: { decision, comment: comments[logId] || t(`log.decision.${decision}`) },
      });
      setComments((c) => ({ ...c, [logId]: '' }));
      message.success(t('log.reviewed'));
    } catch (error) {
      feedback.show(error);
    }
  };
  const byId = new Map(logs.map((l) => [l.id, l]));

  return (
    <List
      dataSource={logs}
      renderItem={(log) => (
        <List.Item key={log.id} style={{ display: 'block' }} data-testid="log-item">
          <Card
            size="small"
            title={
              <Space wrap>
                <span>{log.logDate}</span>
                <Tag color={STATUS_COLOR[log.status]} data-testid="log-status">
                  {t(`log.status.${log.status}`)}
                </Tag>
              </Space>
            }
            extra={
              log.evidenceIndex !== null ? (
                <Typography.Text type="secondary" copyable={{ text: log.sha256 }}>
                  {t('log.evidence', { index: log.evidenceIndex })}
                </Typography.Text>
              ) : null
            }
          >
            {log.revisesLogId ? (
              <Typography.Paragraph type="secondary">
                {t('log.revisionOf', { date: byId.get(log.revisesLogId)?.logDate ?? '' })}
              </Typography.Paragraph>
            ) : null}
            <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
              <Descriptions.Item label={t('log.workers')}>{log.workersOnSite}</Descriptions.Item>
              <Descriptions.Item label={t('log.weather')}>{log.weather}</Descriptions.Item>
              <Descriptions.Item label={t('log.issues')}>{log.issues || '—'}</Descriptions.Item>
            </Descriptions>
            {log.work.length > 0 ? (
              <Typography.Paragraph style={{ marginBottom: 8 }}>
                {log.work.map((w) => `${w.code} ${w.name} ${formatQuantity(w.quantityMilli)} ${w.unit}`).join('；')}
              </Typography.Paragraph>
            ) : null}
            {log.photos.length > 0 ? (
              <Flex gap={12} wrap>
                {log.photos.map((p) => (
                  <Card key={p.id} size="small" style={{ width: 180 }} data-testid="log-photo">
                    <a href={p.url} target="_blank" rel="noreferrer">
                      <img
                        src={p.url}
                        alt={p.name}
                        width={156}
                        height={110}
                        style={{ objectFit: 'cover', display: 'block' }}
                      />
                    </a>
                    <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                      {p.takenAt ? `${t('log.takenAt')} ${formatDateTime(p.takenAt)}` : t('log.noExif')}
                    </Typography.Text>
                    {p.latitude !== null && p.longitude !== null ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="photo-gps">
                        {t('log.gps')} {p.latitude.toFixed(5)}, {p.longitude.toFixed(5)}
                      </Typography.Text>
                    ) : null}
                  </Card>
                ))}
              </Flex>
            ) : null}
            {log.reviews.length > 0 ? (
              <List
                size="small"
                header={t('log.reviews')}
                dataSource={log.reviews}
                renderItem={(r) => (
                  <List.Item key={r.id}>
                    <Typography.Text>
                      <Tag>{t(`log.decision.${r.decision}`)}</Tag>
                      {r.comment} — {r.authorName} · {formatDateTime(r.createdAt)}
                    </Typography.Text>
                  </List.Item>
                )}
              />
            ) : null}
            {plan.myRole !== 'payee' && log.status !== 'revised' ? (
              <Space.Compact style={{ width: '100%', marginTop: 8 }}>
                <Input
                  placeholder={t('log.comment')}
                  value={comments[log.id] ?? ''}
                  onChange={(e) => setComments((c) => ({ ...c, [log.id]: e.target.value }))}
                  data-testid="review-comment"
                />
                <Button onClick={() => void send(log.id, 'comment')}>{t('log.decision.comment')}</Button>
                {plan.myRole === 'gc' && log.status !== 'accepted' ? (
                  <>
                    <Button danger onClick={() => void send(log.id, 'request_changes')} data-testid="review-changes">
                      {t('log.decision.request_changes')}
                    </Button>
                    <Button type="primary" onClick={() => void send(log.id, 'accept')} data-testid="review-accept">
                      {t('log.decision.accept')}
                    </Button>
                  </>
                ) : null}
              </Space.Compact>
            ) : null}
            {plan.myRole === 'payee' && log.status === 'changes_requested' ? (
              revising === log.id ? (
                <LogForm orgId={orgId} plan={plan} revises={log} onDone={() => setRevising(null)} />
              ) : (
                <Button style={{ marginTop: 8 }} onClick={() => setRevising(log.id)}>
                  {t('log.revise')}
                </Button>
              )
            ) : null}
          </Card>
        </List.Item>
      )}
    />
  );
}
