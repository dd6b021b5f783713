import { Button, Card, Empty, Flex, Form, Input, List, Modal, Segmented, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format-date';
import { ErrorState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { DemandFacts } from './demand-detail';
import type { DemandReviewData } from './libraries.api';
import { useDecideReview, useReviewQueue } from './libraries.queries';

/** 需求审核 the staff queue, due first, with the SLA in working days and the attachments to check. */
export function ReviewQueue() {
  const { t } = useTranslation('libraries');
  const [state, setState] = useState<'pending' | 'decided'>('pending');
  const queue = useReviewQueue(state);
  const decide = useDecideReview();
  const feedback = useErrorFeedback();
  const [rejecting, setRejecting] = useState<DemandReviewData | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  if (queue.isError) return <ErrorState error={queue.error} onRetry={() => queue.refetch()} />;
  return (
    <Flex vertical gap={12}>
      <Segmented
        value={state}
        onChange={(v) => setState(v as 'pending' | 'decided')}
        options={[
          { value: 'pending', label: t('reviews.pending') },
          { value: 'decided', label: t('reviews.decided') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <List
        loading={queue.isLoading}
        dataSource={queue.data ?? []}
        locale={{ emptyText: <Empty description={t('reviews.empty')} /> }}
        renderItem={(review) => (
          <List.Item key={review.id} style={{ display: 'block', padding: 0, border: 'none' }}>
            <ReviewCard review={review}>
              {!review.decision ? (
                <Flex gap={8}>
                  <Button
                    type="primary"
                    data-testid="approve"
                    loading={decide.isPending}
                    onClick={() =>
                      decide.mutate(
                        { reviewId: review.id, decision: 'approved', reason: '' },
                        { onError: feedback.show },
                      )
                    }
                  >
                    {t('reviews.approve')}
                  </Button>
                  <Button danger onClick={() => setRejecting(review)}>
                    {t('reviews.reject')}
                  </Button>
                </Flex>
              ) : null}
            </ReviewCard>
          </List.Item>
        )}
      />
      <Modal
        open={rejecting !== null}
        title={t('reviews.reject')}
        okButtonProps={{ danger: true, loading: decide.isPending }}
        onOk={() => form.submit()}
        onCancel={() => setRejecting(null)}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={({ reason }) =>
            rejecting &&
            decide.mutate(
              { reviewId: rejecting.id, decision: 'rejected', reason },
              { onSuccess: () => setRejecting(null), onError: feedback.show },
            )
          }
        >
          <Form.Item
            name="reason"
            label={t('reviews.reason')}
            rules={[{ required: true, min: 2, message: t('reviews.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}

/** One review: the demand, its deadline on the official calendar and its attachments; `children` are the actions. */
export function ReviewCard({ review, children }: { review: DemandReviewData; children?: ReactNode }) {
  const { t } = useTranslation('libraries');
  return (
    <Card
      key={review.id}
      style={{ marginBottom: 12 }}
      data-testid="review-card"
      title={review.demand.title}
      extra={
        review.decision ? (
          <Flex gap={4} wrap>
            <Tag color={review.decision === 'approved' ? 'success' : 'error'}>{t(`reviews.${review.decision}`)}</Tag>
            {review.overdue ? (
              <Tag color="error" data-testid="review-late">
                {t('reviews.decidedLate', { days: Math.abs(review.workingDaysLeft) })}
              </Tag>
            ) : null}
          </Flex>
        ) : (
          <Tag color={review.overdue ? 'error' : 'processing'}>
            {review.overdue
              ? t('reviews.overdue', { days: Math.abs(review.workingDaysLeft) })
              : t('reviews.left', { days: review.workingDaysLeft })}
          </Tag>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        {t('reviews.submittedAt')} {formatDateTime(review.submittedAt)} · {t('reviews.dueAt')}{' '}
        {formatDateTime(review.dueAt)}
      </Typography.Paragraph>
      <DemandFacts demand={review.demand} />
      <Flex gap={16} wrap style={{ margin: '8px 0' }}>
        {(
          [
            ['feasibility', review.demand.attachments?.feasibility],
            ['fundsProof', review.demand.attachments?.fundsProof],
            ['source', review.demand.attachments?.source],
          ] as const
        ).map(([key, file]) =>
          file ? (
            <a
              key={key}
              href={`/api/staff/demand-reviews/${review.id}/files/${file.id}/content`}
              target="_blank"
              rel="noreferrer"
            >
              {t(`demands.${key}`)}：{file.name}
            </a>
          ) : null,
        )}
      </Flex>
      {review.decidedAt ? (
        <Typography.Paragraph type="secondary" data-testid="review-decided-at">
          {t('reviews.decidedAt')} {formatDateTime(review.decidedAt)}
        </Typography.Paragraph>
      ) : null}
      {children}
    </Card>
  );
}
