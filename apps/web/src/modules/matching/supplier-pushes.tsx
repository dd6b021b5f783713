import { Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/format-date';
import { ErrorState, LoadingState } from '../../app/page-states';
import { formatFen } from '../libraries';
import { useAnswerPush, usePushes } from './matching.queries';
import { ReasonTags } from './reason-tags';

/** 推荐给我的需求: the supplier's pushes, why each was chosen, and the answer buttons. */
export function SupplierPushes({ orgId }: { orgId: string }) {
  const { t } = useTranslation('matching');
  const pushes = usePushes(orgId);
  const answer = useAnswerPush(orgId);
  if (pushes.isLoading) return <LoadingState />;
  if (!pushes.data) return <ErrorState error={pushes.error} onRetry={() => pushes.refetch()} />;
  if (pushes.data.length === 0) return <Empty description={t('pushes.empty')} />;
  return (
    <List
      dataSource={pushes.data}
      renderItem={(p) => (
        <List.Item key={p.id} style={{ display: 'block', padding: 0, border: 'none' }}>
          <Card style={{ marginBottom: 12 }} data-testid="supplier-push">
            <Flex vertical gap={8}>
              <Flex gap={8} wrap align="center" justify="space-between">
                <Typography.Text strong>{p.demandTitle}</Typography.Text>
                <Link to={`/workspace/demands/${p.demandId}`}>{t('pushes.open')}</Link>
              </Flex>
              <Typography.Text type="secondary">
                {t('pushes.buyer')}：{p.buyerName} · {t('pushes.budget')}：{formatFen(p.budgetFen)} ·{' '}
                {t('pushes.deadline')}：{p.deadline}
              </Typography.Text>
              <ReasonTags reasons={p.reasons} />
              <Flex gap={8} wrap align="center">
                <Button
                  type={p.answer === 'interested' ? 'primary' : 'default'}
                  aria-pressed={p.answer === 'interested'}
                  loading={
                    answer.isPending && answer.variables?.pushId === p.id && answer.variables.answer === 'interested'
                  }
                  onClick={() => answer.mutate({ pushId: p.id, answer: 'interested' })}
                  data-testid="answer-interested"
                >
                  {t('pushes.interested')}
                </Button>
                <Button
                  type={p.answer === 'not_interested' ? 'primary' : 'default'}
                  aria-pressed={p.answer === 'not_interested'}
                  loading={
                    answer.isPending &&
                    answer.variables?.pushId === p.id &&
                    answer.variables.answer === 'not_interested'
                  }
                  data-testid="answer-not-interested"
                  onClick={() => answer.mutate({ pushId: p.id, answer: 'not_interested' })}
                >
                  {t('pushes.notInterested')}
                </Button>
                {p.answer ? (
                  <>
                    <Tag color={p.answer === 'interested' ? 'success' : 'default'} data-testid="push-answer">
                      {t('pushes.answered', { answer: t(`matches.answers.${p.answer}`) })}
                    </Tag>
                    {p.answeredAt ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(p.answeredAt)}
                      </Typography.Text>
                    ) : null}
                  </>
                ) : null}
              </Flex>
            </Flex>
          </Card>
        </List.Item>
      )}
    />
  );
}
