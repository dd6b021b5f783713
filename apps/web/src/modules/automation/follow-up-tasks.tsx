import type { FollowUpTask } from '@zhuhe/contracts';
import { App, Button, Empty, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/format-date';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { useCompleteFollowUpTask, useFollowUpTasks } from './automation.queries';

/** 销售跟进任务: open ones first by due time; overdue ones marked. */
export function FollowUpTasksView() {
  const { t } = useTranslation('automation');
  const tasks = useFollowUpTasks();
  const complete = useCompleteFollowUpTask();
  const feedback = useErrorFeedback();
  const { message } = App.useApp();
  if (tasks.isLoading) return <LoadingState />;
  if (!tasks.data) return <ErrorState error={tasks.error} onRetry={() => tasks.refetch()} />;
  return (
    <Table<FollowUpTask>
      rowKey="id"
      dataSource={tasks.data.items}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('tasks.empty')} /> }}
      data-testid="follow-up-tasks"
      columns={[
        { title: t('tasks.subject'), dataIndex: 'subjectName' },
        { title: t('tasks.task'), key: 'title', render: (_, r) => <span title={r.body}>{r.title}</span> },
        {
          title: t('tasks.journey'),
          key: 'journey',
          render: (_, r) => <Link to={`/staff/automation/${r.journeyId}`}>{r.journeyName}</Link>,
        },
        {
          title: t('tasks.due'),
          key: 'due',
          render: (_, r) => (
            <Space size={4} wrap>
              {formatDateTime(r.dueAt)}
              {r.overdue ? <Tag color="red">{t('tasks.overdue')}</Tag> : null}
            </Space>
          ),
        },
        {
          title: t('tasks.status'),
          key: 'status',
          render: (_, r) => (
            <Tag color={r.status === 'done' ? 'success' : 'processing'}>{t(`tasks.statuses.${r.status}`)}</Tag>
          ),
        },
        {
          title: '',
          key: 'action',
          render: (_, r) =>
            r.status === 'open' ? (
              <Button
                size="small"
                loading={complete.isPending && complete.variables === r.id}
                onClick={() =>
                  complete.mutate(r.id, {
                    onSuccess: () => void message.success(t('tasks.doneOk')),
                    onError: feedback.show,
                  })
                }
              >
                {t('tasks.done')}
              </Button>
            ) : (
              formatDateTime(r.doneAt)
            ),
        },
      ]}
    />
  );
}
