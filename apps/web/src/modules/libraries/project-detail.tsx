import { Button, Card, Descriptions, Empty, Flex, Form, Input, List, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../app/format-date';
import { ErrorState, LoadingState } from '../../app/page-states';
import { PageTitle } from '../../app/page-title';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { OrgGradeBadge } from '../credit';
import type { ProjectData, QuestionData } from './libraries.api';
import { useAnswerQuestion, useAskQuestion, useProject, useQuestions } from './libraries.queries';
import { formatFen } from './money';

function AnswerForm({ project, question }: { project: ProjectData; question: QuestionData }) {
  const { t } = useTranslation('libraries');
  const answer = useAnswerQuestion(project.orgId, project.id);
  const feedback = useErrorFeedback();
  const [form] = Form.useForm<{ answer: string }>();
  return (
    <Form
      form={form}
      layout="inline"
      onFinish={({ answer: text }) =>
        answer.mutate({ questionId: question.id, answer: text }, { onError: feedback.show })
      }
    >
      <Form.Item name="answer" rules={[{ required: true, whitespace: true }]} style={{ flex: 1, minWidth: 200 }}>
        <Input placeholder={t('projects.answerPlaceholder')} maxLength={2000} />
      </Form.Item>
      <Button htmlType="submit" loading={answer.isPending}>
        {t('projects.answer')}
      </Button>
    </Form>
  );
}

function QuestionsCard({ project }: { project: ProjectData }) {
  const { t } = useTranslation('libraries');
  const questions = useQuestions(project.id);
  const ask = useAskQuestion(project.id);
  const feedback = useErrorFeedback();
  const [form] = Form.useForm<{ question: string }>();
  return (
    <Card title={t('projects.qa')}>
      <List
        loading={questions.isLoading}
        dataSource={questions.data ?? []}
        locale={{ emptyText: <Empty description={t('projects.noQuestions')} /> }}
        renderItem={(q) => (
          <List.Item key={q.id}>
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Typography.Text strong>问：{q.question}</Typography.Text>
              {q.askerOrgName ? (
                <Typography.Text type="secondary">{t('projects.askedBy', { org: q.askerOrgName })}</Typography.Text>
              ) : null}
              {q.answer ? (
                <Typography.Text>答：{q.answer}</Typography.Text>
              ) : project.mine ? (
                <AnswerForm project={project} question={q} />
              ) : (
                <Tag>{t('projects.unanswered')}</Tag>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(q.askedAt)}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      {!project.mine ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={({ question }) =>
            ask.mutate(question, { onSuccess: () => form.resetFields(), onError: feedback.show })
          }
        >
          <Form.Item name="question" rules={[{ required: true, min: 5, max: 1000 }]}>
            <Input.TextArea rows={2} placeholder={t('projects.askPlaceholder')} maxLength={1000} />
          </Form.Item>
          <Button htmlType="submit" loading={ask.isPending}>
            {t('projects.ask')}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

/** `actions`: what the page adds next to the title (the favourite star). */
export function ProjectDetail({
  projectId,
  actions,
}: {
  projectId: string;
  actions?: (project: ProjectData) => ReactNode;
}) {
  const { t } = useTranslation('libraries');
  const project = useProject(projectId);
  if (project.isLoading) return <LoadingState />;
  if (!project.data) return <ErrorState error={project.error} onRetry={() => project.refetch()} />;
  const p = project.data;
  return (
    <Flex vertical gap={16}>
      <PageTitle
        title={p.name}
        extra={actions?.(p)}
        subtitle={
          <Space wrap>
            <Tag color="blue">{t(`engineeringTypes.${p.engineeringType}`)}</Tag>
            <Tag>{t(`projectStatuses.${p.status}`)}</Tag>
            {p.visibility === 'invited' ? <Tag color="purple">{t('visibility.invited')}</Tag> : null}
            {p.tags.map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
          </Space>
        }
      />
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('projects.owner')}>
            {p.orgName} <OrgGradeBadge orgId={p.orgId} />
          </Descriptions.Item>
          <Descriptions.Item label={t('projects.investment')}>{formatFen(p.investmentFen)}</Descriptions.Item>
          <Descriptions.Item label={t('projects.region')}>{p.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('projects.address')}>{p.address ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('projects.location')}>
            {p.location.lat.toFixed(4)}, {p.location.lng.toFixed(4)}{' '}
            {p.location.derived ? t('projects.derivedLocation') : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('projects.tenderDeadline')}>{p.tenderDeadline ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('projects.startDate')}>{p.startDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('projects.endDate')}>{p.endDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('projects.description')} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {p.description || '—'}
            </Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label={t('projects.tenderFiles')} span={2}>
            <Space wrap>
              {p.tenderFiles.length === 0
                ? '—'
                : p.tenderFiles.map((f) => (
                    <a key={f.id} href={`/api/projects/${p.id}/files/${f.id}/content`} target="_blank" rel="noreferrer">
                      {f.name}
                    </a>
                  ))}
            </Space>
          </Descriptions.Item>
        </Descriptions>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDate(p.createdAt)}
        </Typography.Text>
      </Card>
      <QuestionsCard project={p} />
    </Flex>
  );
}
