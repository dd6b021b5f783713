import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../app/page-states';
import { useAuthedMe } from '../identity';
import { AskForm } from './ask-form';
import { QuestionItems } from './expert-parts';
import { expertKeys, fetchInbox, fetchOrgQuestions } from './experts.api';

/** 我的提问 the active organisation's questions, and the public ask form. */
export function MyQuestions() {
  const { t } = useTranslation('experts');
  const me = useAuthedMe();
  const orgId = me.activeOrgId;
  const result = useQuery({
    queryKey: expertKeys.org(orgId ?? ''),
    queryFn: () => fetchOrgQuestions(orgId as string),
    enabled: !!orgId,
  });
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('ask.publicTitle')}</h2>}>
        <Typography.Paragraph type="secondary">{t('ask.publicHint')}</Typography.Paragraph>
        <AskForm />
      </Card>
      {orgId ? (
        result.isError ? (
          <ErrorState error={result.error} onRetry={() => void result.refetch()} />
        ) : (
          <Card size="small" loading={result.isLoading}>
            <QuestionItems items={result.data?.items ?? []} empty={t('mine.empty')} />
          </Card>
        )
      ) : null}
    </Flex>
  );
}

/** 专家收件箱 consultations addressed to the expert and open public questions in their specialities. */
export function ExpertInbox() {
  const { t } = useTranslation('experts');
  const result = useQuery({ queryKey: expertKeys.inbox, queryFn: fetchInbox, retry: false });
  if (result.isError)
    return (
      <Card size="small">
        <Flex vertical gap={8}>
          <Typography.Text>{t('inbox.notExpert')}</Typography.Text>
          <Link to="/experts/apply">{t('inbox.apply')}</Link>
        </Flex>
      </Card>
    );
  return (
    <Card size="small" loading={result.isLoading}>
      <QuestionItems items={result.data?.items ?? []} empty={t('inbox.empty')} />
    </Card>
  );
}
