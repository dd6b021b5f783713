import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PolicySummary } from '@zhuhe/contracts';
import { Card, Checkbox, DatePicker, Empty, Flex, Input, List, Pagination, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../app/page-states';
import { RegionCascader } from '../regions';
import {
  PAGE_SIZE,
  POLICY_CATEGORIES,
  type PolicyCategory,
  type PolicyFilters,
  policyKeys,
  searchPolicies,
} from './policies.api';
import { PolicyStatusTag } from './policy-tags';

function PolicyItem({ policy }: { policy: PolicySummary }) {
  const { t } = useTranslation('policies');
  return (
    <List.Item>
      <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
        <Flex gap={8} wrap align="center">
          <Link to={`/policies/${policy.id}`} style={{ fontSize: 16, fontWeight: 500 }}>
            {policy.title}
          </Link>
          <PolicyStatusTag status={policy.status} />
        </Flex>
        <Typography.Text type="secondary">
          {[policy.issuer, policy.docNumber, `${t('fields.issueDate')} ${policy.issueDate}`]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
          {policy.summary}
        </Typography.Paragraph>
        <Flex gap={4} wrap>
          <Tag color="blue">{policy.regionCode ? policy.regionName : t('nationwide')}</Tag>
          <Tag color="geekblue">{t(`categories.${policy.category}`)}</Tag>
          {policy.tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </Flex>
      </Flex>
    </List.Item>
  );
}

/** 政策检索: keywords (the platform's Chinese search), region, category, issuer and dates; pages with the exact count. */
export function PolicySearch() {
  const { t } = useTranslation('policies');
  const [draft, setDraft] = useState('');
  const [filters, setFilters] = useState<PolicyFilters>({ page: 1 });
  const set = (patch: Partial<PolicyFilters>) => setFilters((f) => ({ ...f, ...patch, page: patch.page ?? 1 }));
  const result = useQuery({
    queryKey: policyKeys.search(filters),
    queryFn: () => searchPolicies(filters),
    placeholderData: keepPreviousData,
  });
  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex vertical gap={12}>
          <Input.Search
            aria-label={t('search.submit')}
            placeholder={t('search.placeholder')}
            enterButton={t('search.submit')}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onSearch={(value) => set({ q: value.trim() || undefined })}
            allowClear
          />
          <Flex gap={8} wrap>
            <div style={{ flex: '1 1 200px', minWidth: 0 }}>
              <RegionCascader
                anyLevel
                label={t('search.region')}
                value={filters.region === 'national' ? undefined : filters.region}
                onChange={(code) => set({ region: code })}
              />
            </div>
            <Select
              style={{ flex: '1 1 160px' }}
              allowClear
              placeholder={t('search.category')}
              aria-label={t('search.category')}
              value={filters.category}
              onChange={(value?: PolicyCategory) => set({ category: value })}
              options={POLICY_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
            />
            <Input
              style={{ flex: '1 1 160px' }}
              allowClear
              placeholder={t('search.issuer')}
              aria-label={t('search.issuer')}
              onChange={(e) => set({ issuer: e.target.value.trim() || undefined })}
            />
            <DatePicker.RangePicker
              style={{ flex: '1 1 240px' }}
              placeholder={[t('search.dates'), t('search.dates')]}
              onChange={(dates) =>
                set({ from: dates?.[0]?.format('YYYY-MM-DD'), to: dates?.[1]?.format('YYYY-MM-DD') })
              }
            />
            <Select
              style={{ flex: '1 1 140px' }}
              aria-label={t('search.status')}
              value={filters.status ?? 'any'}
              onChange={(value: string) => set({ status: value === 'any' ? undefined : (value as 'published') })}
              options={[
                { value: 'any', label: t('search.anyStatus') },
                { value: 'published', label: t('status.published') },
                { value: 'withdrawn', label: t('status.withdrawn') },
              ]}
            />
            <Checkbox
              checked={filters.region === 'national'}
              onChange={(e) => set({ region: e.target.checked ? 'national' : undefined })}
            >
              {t('search.nationalOnly')}
            </Checkbox>
          </Flex>
        </Flex>
      </Card>
      {result.isError ? (
        <ErrorState error={result.error} onRetry={() => void result.refetch()} />
      ) : (
        <Card size="small" loading={result.isLoading}>
          <Typography.Text type="secondary" data-testid="policy-total">
            {t('search.total', { count: result.data?.total ?? 0 })}
          </Typography.Text>
          <List
            dataSource={result.data?.items ?? []}
            locale={{ emptyText: <Empty description={t('search.empty')} /> }}
            renderItem={(policy) => <PolicyItem policy={policy} />}
          />
          {(result.data?.total ?? 0) > PAGE_SIZE ? (
            <Flex justify="center">
              <Pagination
                size="small"
                current={filters.page}
                pageSize={PAGE_SIZE}
                total={result.data?.total ?? 0}
                showSizeChanger={false}
                onChange={(page) => set({ page })}
              />
            </Flex>
          ) : null}
        </Card>
      )}
    </Flex>
  );
}
