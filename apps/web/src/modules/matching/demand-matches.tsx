import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format-date';
import { ErrorState, LoadingState } from '../../app/page-states';
import { OrgGradeBadge } from '../credit';
import { useDemandMatches, useRematch } from './matching.queries';
import { ReasonTags } from './reason-tags';

const ANSWER_COLOURS = { interested: 'success', not_interested: 'default' } as const;

/** 推荐供应商 on the buyer's demand: who was pushed, why, and who answered. */
export function DemandMatchesCard({
  orgId,
  demandId,
  published,
}: {
  orgId: string;
  demandId: string;
  published: boolean;
}) {
  const { t } = useTranslation('matching');
  const matches = useDemandMatches(orgId, demandId, published);
  const rematch = useRematch(orgId, demandId);
  if (!published)
    return (
      <Card title={t('matches.title')}>
        <Typography.Text type="secondary">{t('matches.notPublished')}</Typography.Text>
      </Card>
    );
  if (matches.isLoading) return <LoadingState minHeight={120} />;
  if (!matches.data) return <ErrorState error={matches.error} onRetry={() => matches.refetch()} />;
  const data = matches.data;
  return (
    <Card
      title={t('matches.title')}
      data-testid="demand-matches"
      extra={
        data.state === 'ready' ? (
          <Button size="small" icon={<ReloadOutlined />} loading={rematch.isPending} onClick={() => rematch.mutate()}>
            {t('matches.rematch')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('matches.subtitle')}
        {data.state === 'ready' ? ` ${t('matches.candidates', { count: data.candidates })}` : ''}
      </Typography.Paragraph>
      {data.state === 'pending' ? <Alert type="info" showIcon title={t('matches.pending')} /> : null}
      {data.state === 'ready' && data.items.length === 0 ? <Alert type="warning" title={t('matches.empty')} /> : null}
      {data.items.length > 0 ? (
        <List
          dataSource={data.items}
          renderItem={(m) => (
            <List.Item key={m.pushId} data-testid="matched-supplier">
              <Flex vertical gap={6} style={{ width: '100%', minWidth: 0 }}>
                <Flex gap={8} wrap align="center" justify="space-between">
                  <Flex gap={8} align="center" wrap>
                    <Tag color="gold">{t('matches.rank', { rank: m.rank })}</Tag>
                    <Typography.Text strong>{m.orgName}</Typography.Text>
                    <OrgGradeBadge orgId={m.orgId} />
                  </Flex>
                  <Tag color={m.answer ? ANSWER_COLOURS[m.answer] : 'processing'} data-testid="match-answer">
                    {t(`matches.answers.${m.answer ?? 'none'}`)}
                    {m.answeredAt ? ` · ${formatDateTime(m.answeredAt)}` : ''}
                  </Tag>
                </Flex>
                <ReasonTags reasons={m.reasons} />
              </Flex>
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}
