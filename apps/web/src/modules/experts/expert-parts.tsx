import type { ExpertQuestionSummary, ExpertSummary } from '@zhuhe/contracts';
import { Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/format-date';

const STATUS_COLOR = { open: 'orange', answered: 'blue', accepted: 'success' } as const;

export function SpecialityTags({ specialities }: { specialities: readonly string[] }) {
  const { t } = useTranslation('experts');
  return (
    <>
      {specialities.map((s) => (
        <Tag key={s} color="geekblue">
          {t(`specialities.${s}` as 'specialities.cost')}
        </Tag>
      ))}
    </>
  );
}

/** Fee, answered count and the average rating: what a person compares experts by. */
export function ExpertFacts({ expert }: { expert: ExpertSummary }) {
  const { t } = useTranslation('experts');
  return (
    <Flex gap={8} wrap>
      <Tag color={expert.feeYuan === null ? 'green' : 'gold'}>
        {expert.feeYuan === null ? t('expert.free') : t('expert.fee', { fee: expert.feeYuan })}
      </Tag>
      <Typography.Text type="secondary">{t('expert.answered', { count: expert.answeredCount })}</Typography.Text>
      <Typography.Text type="secondary">
        {expert.averageRating === null
          ? t('expert.noRating')
          : t('expert.rating', { rating: expert.averageRating.toFixed(1), count: expert.ratingCount })}
      </Typography.Text>
    </Flex>
  );
}

export function ExpertCard({ expert }: { expert: ExpertSummary }) {
  const { t } = useTranslation('experts');
  return (
    <Card size="small">
      <Flex vertical gap={6} style={{ minWidth: 0 }}>
        <Flex gap={8} wrap align="baseline">
          <Link to={`/experts/${expert.id}`} style={{ fontSize: 16, fontWeight: 500 }}>
            {expert.name}
          </Link>
          <Typography.Text>{expert.title}</Typography.Text>
        </Flex>
        <Typography.Text type="secondary">
          {expert.employer} · {t('expert.years', { count: expert.years })} ·{' '}
          {expert.regions.map((r) => r.name).join('、')}
        </Typography.Text>
        <Flex gap={4} wrap>
          <SpecialityTags specialities={expert.specialities} />
        </Flex>
        <ExpertFacts expert={expert} />
      </Flex>
    </Card>
  );
}

export function QuestionItems({ items, empty }: { items: readonly ExpertQuestionSummary[]; empty: string }) {
  const { t } = useTranslation('experts');
  return (
    <List
      dataSource={[...items]}
      locale={{ emptyText: <Empty description={empty} /> }}
      renderItem={(q) => (
        <List.Item>
          <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
            <Flex gap={8} wrap align="center">
              <Link to={`/experts/questions/${q.id}`} style={{ fontSize: 16, fontWeight: 500 }}>
                {q.title}
              </Link>
              <Tag color={STATUS_COLOR[q.status]}>{t(`questions.status.${q.status}`)}</Tag>
              <Tag color={q.visibility === 'private' ? 'purple' : 'default'}>
                {q.visibility === 'private' ? t('questions.private') : t('questions.public')}
              </Tag>
              <SpecialityTags specialities={[q.speciality]} />
            </Flex>
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
              {q.excerpt}
            </Typography.Paragraph>
            <Typography.Text type="secondary">
              {[
                t('questions.askedBy', { org: q.orgName, name: q.askerName }),
                q.expert ? t('questions.to', { name: q.expert.name }) : null,
                q.feeYuan !== null ? t('questions.fee', { fee: q.feeYuan }) : null,
                t('questions.answers', { count: q.answerCount }),
                formatDateTime(q.createdAt),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}
