import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { PROVINCES } from '@zhuhe/contracts';
import { Card, Col, Empty, Flex, Input, Row, Select, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/language';
import { ErrorState } from '../../app/page-states';
import { ExpertCard, QuestionItems } from './expert-parts';
import {
  EXPERT_SPECIALITIES,
  type ExpertFilters,
  type ExpertSpeciality,
  expertKeys,
  fetchExperts,
  searchQuestions,
} from './experts.api';

export function useSpecialityOptions() {
  const { t } = useTranslation('experts');
  return EXPERT_SPECIALITIES.map((s) => ({ value: s, label: t(`specialities.${s}`) }));
}

export function useProvinceOptions() {
  const language = useLanguage();
  return PROVINCES.map(([code, zh, en]) => ({ value: code, label: language === 'en' ? en : zh }));
}

function ExpertList() {
  const { t } = useTranslation('experts');
  const [filters, setFilters] = useState<ExpertFilters>({});
  const specialities = useSpecialityOptions();
  const provinces = useProvinceOptions();
  const result = useQuery({
    queryKey: expertKeys.list(filters),
    queryFn: () => fetchExperts(filters),
    placeholderData: keepPreviousData,
  });
  const set = (patch: Partial<ExpertFilters>) => setFilters((f) => ({ ...f, ...patch }));
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap>
        <Select
          style={{ flex: '1 1 160px' }}
          allowClear
          placeholder={t('filters.speciality')}
          aria-label={t('filters.speciality')}
          value={filters.speciality}
          onChange={(v?: ExpertSpeciality) => set({ speciality: v })}
          options={specialities}
        />
        <Select
          style={{ flex: '1 1 160px' }}
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('filters.region')}
          aria-label={t('filters.region')}
          value={filters.region}
          onChange={(v?: string) => set({ region: v })}
          options={provinces}
        />
        <Select
          style={{ flex: '1 1 140px' }}
          aria-label={t('filters.fee')}
          value={filters.fee ?? 'any'}
          onChange={(v: string) => set({ fee: v === 'any' ? undefined : (v as 'free') })}
          options={[
            { value: 'any', label: t('filters.anyFee') },
            { value: 'free', label: t('filters.free') },
            { value: 'paid', label: t('filters.paid') },
          ]}
        />
      </Flex>
      {result.isError ? (
        <ErrorState error={result.error} onRetry={() => void result.refetch()} />
      ) : (result.data?.items.length ?? 1) === 0 ? (
        <Empty description={t('expert.empty')} />
      ) : (
        <Row gutter={[12, 12]}>
          {(result.data?.items ?? []).map((e) => (
            <Col key={e.id} xs={24} md={12} xl={8}>
              <ExpertCard expert={e} />
            </Col>
          ))}
        </Row>
      )}
    </Flex>
  );
}

function PublicQuestions() {
  const { t } = useTranslation('experts');
  const [q, setQ] = useState('');
  const [speciality, setSpeciality] = useState<string | undefined>();
  const specialities = useSpecialityOptions();
  const result = useQuery({
    queryKey: expertKeys.questions(q, speciality),
    queryFn: () => searchQuestions(q, speciality),
    placeholderData: keepPreviousData,
  });
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <Input.Search
          style={{ flex: '3 1 240px' }}
          aria-label={t('questions.search')}
          placeholder={t('questions.searchPlaceholder')}
          enterButton={t('questions.search')}
          allowClear
          onSearch={(v) => setQ(v.trim())}
        />
        <Select
          style={{ flex: '1 1 140px' }}
          allowClear
          placeholder={t('filters.speciality')}
          aria-label={t('filters.speciality')}
          value={speciality}
          onChange={(v?: string) => setSpeciality(v)}
          options={specialities}
        />
      </Flex>
      {result.isError ? (
        <ErrorState error={result.error} onRetry={() => void result.refetch()} />
      ) : (
        <Card size="small" loading={result.isLoading}>
          <QuestionItems items={result.data?.items ?? []} empty={t('questions.empty')} />
        </Card>
      )}
    </Flex>
  );
}

/** 专家智库 the verified experts with filters, and the public Q&A with the platform's Chinese search. */
export function ExpertDirectory() {
  const { t } = useTranslation('experts');
  return (
    <Tabs
      items={[
        { key: 'experts', label: t('tabs.experts'), children: <ExpertList /> },
        { key: 'questions', label: t('tabs.questions'), children: <PublicQuestions /> },
      ]}
    />
  );
}

export function FeeText({ fee }: { fee: number | null }) {
  const { t } = useTranslation('experts');
  return <Typography.Text>{fee === null ? t('ask.freeNote') : t('ask.feeNote', { fee })}</Typography.Text>;
}
