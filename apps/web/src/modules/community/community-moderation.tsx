import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommunityQueueItem } from '@zhuhe/contracts';
import { App, Button, Card, Empty, Flex, Form, Input, List, Modal, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/format-date';
import { ErrorState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { communityKeys, dismissReport, fetchQueue, moderate } from './community.api';
import { AuthorLine, StatusTag } from './community-parts';

function QueueItem({ item, onTakeDown }: { item: CommunityQueueItem; onTakeDown: (item: CommunityQueueItem) => void }) {
  const { t } = useTranslation('community');
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const target = { targetKind: item.targetKind, targetId: item.targetId };
  const act = useMutation({
    mutationFn: async (action: 'restore' | 'approve' | 'dismiss') => {
      if (action === 'dismiss') {
        for (const r of item.reports) await dismissReport(r.id);
        return 'dismissed' as const;
      }
      await moderate(action, target);
      return action === 'restore' ? ('restored' as const) : ('approved' as const);
    },
    onSuccess: (done) => {
      void queryClient.invalidateQueries({ queryKey: communityKeys.all });
      void message.success(t(`staff.${done}`));
    },
    onError: (error) => feedback.show(error),
  });
  return (
    <List.Item data-testid="community-queue-item">
      <Flex vertical gap={6} style={{ width: '100%', minWidth: 0 }}>
        <Flex gap={6} wrap align="center">
          <Tag color="blue">{t(item.targetKind === 'post' ? 'staff.post' : 'staff.reply')}</Tag>
          <StatusTag status={item.status} />
          <Link to={`/community/posts/${item.postId}`} style={{ overflowWrap: 'anywhere' }}>
            {item.targetKind === 'reply' ? `${t('staff.inPost')}：` : ''}
            {item.postTitle}
          </Link>
        </Flex>
        <AuthorLine author={item.author} />
        <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
          {item.text}
        </Typography.Paragraph>
        {item.heldReasons.length > 0 ? (
          <Flex gap={4} wrap align="center">
            <Typography.Text type="secondary">{t('staff.heldReasons')}：</Typography.Text>
            {[...new Set(item.heldReasons.map((h) => h.term))].map((term) => (
              <Tag key={term} color="orange">
                {term}
              </Tag>
            ))}
          </Flex>
        ) : null}
        {item.reports.length > 0 ? (
          <div>
            <Typography.Text type="secondary">{t('staff.reports')}：</Typography.Text>
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {item.reports.map((r) => (
                <li key={r.id}>
                  {r.reason}（{r.reporterName} · {formatDateTime(r.createdAt)}）
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <Flex gap={8} wrap>
          {item.status === 'removed' ? (
            <Button size="small" onClick={() => act.mutate('restore')} loading={act.isPending}>
              {t('staff.restore')}
            </Button>
          ) : (
            <>
              <Button size="small" danger onClick={() => onTakeDown(item)}>
                {t('staff.takeDown')}
              </Button>
              {item.status === 'held' ? (
                <Button size="small" onClick={() => act.mutate('approve')} loading={act.isPending}>
                  {t('staff.approve')}
                </Button>
              ) : null}
              {item.reports.length > 0 && item.status === 'published' ? (
                <Button size="small" onClick={() => act.mutate('dismiss')} loading={act.isPending}>
                  {t('staff.dismiss')}
                </Button>
              ) : null}
            </>
          )}
        </Flex>
      </Flex>
    </List.Item>
  );
}

/** 社区审核 for operators and reviewers: reports and held content; take down (reason to the author) or restore. */
export function CommunityModerationDesk() {
  const { t } = useTranslation('community');
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const feedback = useErrorFeedback();
  const queue = useQuery({ queryKey: communityKeys.queue, queryFn: fetchQueue });
  const [target, setTarget] = useState<CommunityQueueItem | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const takeDown = useMutation({
    mutationFn: (reason: string) =>
      moderate('take-down', {
        targetKind: (target as CommunityQueueItem).targetKind,
        targetId: (target as CommunityQueueItem).targetId,
        reason,
      }),
    onSuccess: () => {
      setTarget(null);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: communityKeys.all });
      void message.success(t('staff.takenDown'));
    },
    onError: (error) => feedback.showOnForm(form, error, { fields: ['reason'] }),
  });
  if (queue.isError) return <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />;
  const list = (items: CommunityQueueItem[]) => (
    <List
      loading={queue.isLoading}
      dataSource={items}
      locale={{ emptyText: <Empty description={t('staff.empty')} /> }}
      renderItem={(item) => <QueueItem item={item} onTakeDown={setTarget} />}
    />
  );
  return (
    <Card size="small">
      <Tabs
        items={[
          {
            key: 'queue',
            label: t('staff.queue', { count: queue.data?.items.length ?? 0 }),
            children: list(queue.data?.items ?? []),
          },
          {
            key: 'removed',
            label: t('staff.removed', { count: queue.data?.removed.length ?? 0 }),
            children: list(queue.data?.removed ?? []),
          },
        ]}
      />
      <Modal
        open={target !== null}
        title={t('staff.takeDown')}
        okText={t('staff.takeDown')}
        okButtonProps={{ danger: true }}
        confirmLoading={takeDown.isPending}
        onOk={() => form.submit()}
        onCancel={() => setTarget(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => takeDown.mutate(v.reason)}>
          <Form.Item
            name="reason"
            label={t('staff.reason')}
            extra={t('staff.reasonHelp')}
            rules={[{ required: true, whitespace: true, min: 4, max: 500 }]}
          >
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
