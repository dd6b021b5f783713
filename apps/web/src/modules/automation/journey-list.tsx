import { PlusOutlined } from '@ant-design/icons';
import type { Journey, JourneyStatus } from '@zhuhe/contracts';
import { App, Button, Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ButtonLink } from '../../app/button-link';
import { formatDateTime } from '../../app/format-date';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { useCreateFromTemplate, useJourneys, useTemplates } from './automation.queries';
import { triggerText } from './journey-text';

export const STATUS_COLOUR: Record<JourneyStatus, string> = { draft: 'default', active: 'success', paused: 'warning' };

/** 内置模板: each starts a draft the operator reviews, dry-runs and activates. */
function Templates() {
  const { t } = useTranslation('automation');
  const templates = useTemplates();
  const create = useCreateFromTemplate();
  const feedback = useErrorFeedback();
  const navigate = useNavigate();
  const { message } = App.useApp();
  if (!templates.data) return null;
  return (
    <Card size="small" title={t('list.templates')} style={{ marginBottom: 16 }}>
      <Flex vertical gap={8}>
        {templates.data.items.map((tpl) => (
          <Flex key={tpl.key} justify="space-between" align="center" gap={8} wrap>
            <div style={{ minWidth: 0, flex: '1 1 240px' }}>
              <Typography.Text strong>{tpl.name}</Typography.Text>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {tpl.description}
              </Typography.Paragraph>
            </div>
            <Button
              data-testid={`template-${tpl.key}`}
              loading={create.isPending && create.variables === tpl.key}
              onClick={() =>
                create.mutate(tpl.key, {
                  onSuccess: (journey) => {
                    void message.success(t('list.created', { name: journey.name }));
                    void navigate(`/staff/automation/${journey.id}`);
                  },
                  onError: feedback.show,
                })
              }
            >
              {t('list.fromTemplate')}
            </Button>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

/** 营销旅程列表 with their members and sends. */
export function JourneyListView() {
  const { t } = useTranslation('automation');
  const journeys = useJourneys();
  if (journeys.isLoading) return <LoadingState />;
  if (!journeys.data) return <ErrorState error={journeys.error} onRetry={() => journeys.refetch()} />;
  return (
    <>
      <Templates />
      <Flex justify="flex-end" style={{ marginBottom: 8 }}>
        <ButtonLink to="/staff/automation/new" type="primary" icon={<PlusOutlined />}>
          {t('list.new')}
        </ButtonLink>
      </Flex>
      <Table<Journey>
        rowKey="id"
        dataSource={journeys.data.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('list.empty')} /> }}
        data-testid="journeys"
        columns={[
          {
            title: t('list.name'),
            key: 'name',
            render: (_, j) => <Link to={`/staff/automation/${j.id}`}>{j.name}</Link>,
          },
          { title: t('list.audience'), key: 'audience', render: (_, j) => t(`audience.${j.audience}`) },
          { title: t('list.trigger'), key: 'trigger', render: (_, j) => triggerText(t, j.trigger) },
          {
            title: t('list.status'),
            key: 'status',
            render: (_, j) => <Tag color={STATUS_COLOUR[j.status]}>{t(`status.${j.status}`)}</Tag>,
          },
          {
            title: t('list.members'),
            key: 'members',
            render: (_, j) => `${j.enrolments.active} / ${j.enrolments.completed} / ${j.enrolments.exited}`,
          },
          { title: t('list.sends'), dataIndex: 'sends' },
          { title: t('list.createdAt'), key: 'createdAt', render: (_, j) => formatDateTime(j.createdAt) },
        ]}
      />
    </>
  );
}
