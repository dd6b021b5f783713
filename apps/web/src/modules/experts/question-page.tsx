import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExpertAnswer, ExpertQuestionDetail } from '@zhuhe/contracts';
import { App, Button, Card, Flex, Form, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/format-date';
import { ErrorState, LoadingState } from '../../app/page-states';
import { PageTitle } from '../../app/page-title';
import { StarRating } from '../../app/star-rating';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { SpecialityTags } from './expert-parts';
import { acceptAnswer, expertKeys, fetchQuestion, postAnswer, rateAnswer } from './experts.api';

function RateForm({ question, answer }: { question: ExpertQuestionDetail; answer: ExpertAnswer }) {
  const { t } = useTranslation('experts');
  const [stars, setStars] = useState(0);
  const [text, setText] = useState('');
  const feedback = useErrorFeedback();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const rate = useMutation({
    mutationFn: () => rateAnswer(question.id, answer.id, stars, text),
    onSuccess: (q) => {
      queryClient.setQueryData(expertKeys.question(question.id), q);
      void message.success(t('question.ratedDone'));
    },
    onError: feedback.show,
  });
  return (
    <Flex vertical gap={8} style={{ marginTop: 8 }}>
      <Typography.Text strong>{t('question.rate')}</Typography.Text>
      <StarRating label={t('question.stars')} value={stars} onChange={setStars} data-testid={`rate-${answer.id}`} />
      <Input.TextArea
        aria-label={t('question.ratingText')}
        placeholder={t('question.ratingText')}
        rows={2}
        maxLength={500}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div>
        <Button onClick={() => rate.mutate()} disabled={stars === 0} loading={rate.isPending}>
          {t('question.submitRating')}
        </Button>
      </div>
    </Flex>
  );
}

function AnswerCard({ question, answer }: { question: ExpertQuestionDetail; answer: ExpertAnswer }) {
  const { t } = useTranslation('experts');
  const feedback = useErrorFeedback();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const accept = useMutation({
    mutationFn: () => acceptAnswer(question.id, answer.id),
    onSuccess: (q) => {
      queryClient.setQueryData(expertKeys.question(question.id), q);
      void message.success(t('question.acceptedDone'));
    },
    onError: feedback.show,
  });
  return (
    <Card size="small" data-testid="expert-answer" style={answer.accepted ? { borderColor: '#52c41a' } : undefined}>
      <Flex vertical gap={6}>
        <Flex gap={8} wrap align="center">
          <Link to={`/experts/${answer.expert.id}`} style={{ fontWeight: 500 }}>
            {answer.expert.name}
          </Link>
          <Typography.Text type="secondary">{answer.expert.title}</Typography.Text>
          {answer.accepted ? <Tag color="success">{t('question.accepted')}</Tag> : null}
          <Typography.Text type="secondary">{formatDateTime(answer.createdAt)}</Typography.Text>
        </Flex>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{answer.body}</Typography.Paragraph>
        {answer.rating ? (
          <Typography.Text>
            {t('question.yourRating')}：{'★'.repeat(answer.rating.stars)}
            {'☆'.repeat(5 - answer.rating.stars)} {answer.rating.text}
          </Typography.Text>
        ) : null}
        {question.isAsker && question.status !== 'accepted' ? (
          <div>
            <Button type="primary" onClick={() => accept.mutate()} loading={accept.isPending}>
              {t('question.accept')}
            </Button>
          </div>
        ) : null}
        {question.isAsker && !answer.rating ? <RateForm question={question} answer={answer} /> : null}
      </Flex>
    </Card>
  );
}

function AnswerForm({ questionId }: { questionId: string }) {
  const { t } = useTranslation('experts');
  const [form] = Form.useForm<{ body: string }>();
  const feedback = useErrorFeedback();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const post = useMutation({
    mutationFn: (v: { body: string }) => postAnswer(questionId, v.body),
    onSuccess: (q) => {
      queryClient.setQueryData(expertKeys.question(questionId), q);
      void queryClient.invalidateQueries({ queryKey: expertKeys.inbox });
      form.resetFields();
      void message.success(t('question.answeredDone'));
    },
    onError: (error) => feedback.showOnForm(form, error, { fields: ['body'] }),
  });
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('question.answer')}</h2>}>
      <Form form={form} layout="vertical" onFinish={(v) => post.mutate(v)} name="expert-answer">
        <Form.Item name="body" label={t('question.answerBody')} rules={[{ required: true }]}>
          <Input.TextArea rows={6} maxLength={10_000} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={post.isPending}>
          {t('question.submitAnswer')}
        </Button>
      </Form>
    </Card>
  );
}

/** 问题页 the question, its answers; the asker accepts and rates; a verified expert answers. */
export function QuestionPage({ questionId }: { questionId: string }) {
  const { t } = useTranslation('experts');
  const result = useQuery({ queryKey: expertKeys.question(questionId), queryFn: () => fetchQuestion(questionId) });
  if (result.isLoading) return <LoadingState />;
  if (result.isError || !result.data)
    return (
      <>
        <PageTitle title={t('question.notFound')} />
        <ErrorState error={result.error} />
      </>
    );
  const q = result.data;
  return (
    <>
      <PageTitle
        title={q.title}
        subtitle={[
          t('questions.askedBy', { org: q.orgName, name: q.askerName }),
          q.expert ? t('questions.to', { name: q.expert.name }) : null,
          q.feeYuan !== null ? t('questions.fee', { fee: q.feeYuan }) : null,
          formatDateTime(q.createdAt),
        ]
          .filter(Boolean)
          .join(' · ')}
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <Flex gap={4} wrap style={{ marginBottom: 8 }}>
            <Tag color={q.visibility === 'private' ? 'purple' : 'default'}>
              {q.visibility === 'private' ? t('questions.private') : t('questions.public')}
            </Tag>
            <Tag>{t(`questions.status.${q.status}`)}</Tag>
            <SpecialityTags specialities={[q.speciality]} />
          </Flex>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{q.body}</Typography.Paragraph>
        </Card>
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {t('question.answers')}（{q.answers.length}）
        </Typography.Title>
        {q.answers.length === 0 ? <Typography.Text type="secondary">{t('question.noAnswers')}</Typography.Text> : null}
        {q.answers.map((a) => (
          <AnswerCard key={a.id} question={q} answer={a} />
        ))}
        {q.canAnswer ? <AnswerForm questionId={q.id} /> : null}
      </Flex>
    </>
  );
}
