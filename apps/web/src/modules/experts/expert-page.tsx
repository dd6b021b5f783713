import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../app/page-states';
import { PageTitle } from '../../app/page-title';
import { AskForm } from './ask-form';
import { FeeText } from './expert-directory';
import { ExpertFacts, SpecialityTags } from './expert-parts';
import { expertKeys, fetchExpert } from './experts.api';

/** 专家主页 profile, answered count, average rating, and the private consultation form. */
export function ExpertPage({ expertId }: { expertId: string }) {
  const { t } = useTranslation('experts');
  const result = useQuery({ queryKey: expertKeys.expert(expertId), queryFn: () => fetchExpert(expertId) });
  if (result.isLoading) return <LoadingState />;
  if (result.isError || !result.data)
    return (
      <>
        <PageTitle title={t('title')} />
        <ErrorState error={result.error} onRetry={() => void result.refetch()} />
      </>
    );
  const e = result.data;
  return (
    <>
      <PageTitle title={e.name} subtitle={`${e.title} · ${e.employer}`} />
      <Flex vertical gap={16}>
        <Card size="small">
          <Flex vertical gap={8}>
            <Typography.Text>
              {t('expert.years', { count: e.years })} · {t('expert.regions')}：{e.regions.map((r) => r.name).join('、')}
            </Typography.Text>
            <Flex gap={4} wrap>
              <SpecialityTags specialities={e.specialities} />
            </Flex>
            <ExpertFacts expert={e} />
            <Typography.Title level={2} style={{ fontSize: 16, margin: '8px 0 0' }}>
              {t('expert.bio')}
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{e.bio}</Typography.Paragraph>
          </Flex>
        </Card>
        <Card
          size="small"
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('ask.privateTitle', { name: e.name })}</h2>}
        >
          <Flex vertical gap={8}>
            <Typography.Text type="secondary">{t('ask.privateHint')}</Typography.Text>
            <FeeText fee={e.feeYuan} />
            <AskForm expert={e} defaultSpeciality={e.specialities[0]} />
          </Flex>
        </Card>
      </Flex>
    </>
  );
}
