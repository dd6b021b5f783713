import { EnvironmentOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Flex,
  Input,
  InputNumber,
  List,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../app/format-date';
import { ErrorState } from '../../app/page-states';
import { OrgGradeBadge } from '../credit';
import { RegionCascader } from '../regions';
import { HighlightText } from './highlight-text';
import type { SearchHitData, SearchParams } from './libraries.api';
import { useLibrarySearch } from './libraries.queries';
import { formatFen, wanToFen } from './money';

export const hitPath = (hit: { kind: string; id: string }) =>
  hit.kind === 'project'
    ? `/workspace/projects/${hit.id}`
    : hit.kind === 'resource'
      ? `/workspace/resources/${hit.id}`
      : `/workspace/demands/${hit.id}`;

interface SearchPanelProps {
  kind: NonNullable<SearchParams['kind']>;
  /** a control per hit, e.g. "add to comparison" */
  renderAction?: (hit: SearchHitData) => ReactNode;
}

/** The library search: keywords (jieba), region, amount, sort, facets, highlighted hits and keyset pages. */
export function SearchPanel({ kind, renderAction }: SearchPanelProps) {
  const { t } = useTranslation('libraries');
  const [draft, setDraft] = useState('');
  const [params, setParams] = useState<SearchParams>({ kind, sort: 'relevance' });
  const search = useLibrarySearch(params);
  const pages = search.data?.pages ?? [];
  const facets = pages[0]?.facets;
  const items = pages.flatMap((p) => p.items);
  const set = (patch: Partial<SearchParams>) => setParams((p) => ({ ...p, ...patch, cursor: undefined }));

  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Flex vertical gap={8}>
          <Input.Search
            allowClear
            enterButton
            value={draft}
            maxLength={100}
            placeholder={t('search.placeholder')}
            onChange={(e) => setDraft(e.target.value)}
            onSearch={(value) => set({ q: value.trim() || undefined })}
            data-testid="library-search"
          />
          <Row gutter={[8, 8]}>
            <Col xs={24} md={8}>
              <RegionCascader
                anyLevel
                label={t('search.region')}
                placeholder={t('search.regionPlaceholder')}
                value={params.region}
                onChange={(region) => set({ region })}
              />
            </Col>
            <Col xs={12} md={5}>
              <InputNumber
                style={{ width: '100%' }}
                min={0}
                placeholder={`${t('search.min')} ${t('common.wan')}`}
                aria-label={`${t('search.amount')} ${t('search.min')}`}
                onChange={(v) => set({ minAmount: typeof v === 'number' ? wanToFen(v) : undefined })}
              />
            </Col>
            <Col xs={12} md={5}>
              <InputNumber
                style={{ width: '100%' }}
                min={0}
                placeholder={`${t('search.max')} ${t('common.wan')}`}
                aria-label={`${t('search.amount')} ${t('search.max')}`}
                onChange={(v) => set({ maxAmount: typeof v === 'number' ? wanToFen(v) : undefined })}
              />
            </Col>
            <Col xs={24} md={6}>
              <Select
                style={{ width: '100%' }}
                value={params.sort}
                aria-label={t('search.sort')}
                onChange={(sort) => set({ sort })}
                options={(['relevance', 'date', 'amount'] as const).map((s) => ({
                  value: s,
                  label: `${t('search.sort')}：${t(`search.sorts.${s}`)}`,
                }))}
              />
            </Col>
          </Row>
          {facets ? (
            <Flex gap={4} wrap align="center">
              <Typography.Text type="secondary">{t('search.province')}：</Typography.Text>
              {facets.province.slice(0, 12).map((b) => (
                <Tag.CheckableTag
                  key={b.key}
                  checked={params.region === b.key}
                  onChange={(on) => set({ region: on ? b.key : undefined })}
                >
                  {facets.exact ? `${b.label} ${b.count}` : b.label}
                </Tag.CheckableTag>
              ))}
              {facets.tag.length > 0 ? (
                <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                  {t('search.tags')}：
                </Typography.Text>
              ) : null}
              {facets.tag.slice(0, 8).map((b) => (
                <Tag.CheckableTag
                  key={b.key}
                  checked={params.tags === b.key}
                  onChange={(on) => set({ tags: on ? b.key : undefined })}
                >
                  {facets.exact ? `${b.label} ${b.count}` : b.label}
                </Tag.CheckableTag>
              ))}
            </Flex>
          ) : null}
        </Flex>
      </Card>
      {search.isError ? <ErrorState error={search.error} onRetry={() => search.refetch()} /> : null}
      {facets ? (
        <Typography.Text type="secondary" data-testid="search-total">
          {facets.totalMore
            ? t('search.totalMore', { count: facets.total.toLocaleString('zh-CN') })
            : t('search.total', { count: facets.total })}
          {pages[0]?.terms.length ? ` · ${t('search.terms', { terms: pages[0].terms.join(' / ') })}` : ''}
        </Typography.Text>
      ) : null}
      <List
        loading={search.isLoading}
        dataSource={items}
        locale={{ emptyText: <Empty description={t('search.empty')} /> }}
        renderItem={(hit) => (
          <List.Item key={hit.id} data-testid="search-hit" actions={renderAction ? [renderAction(hit)] : []}>
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <Link to={hitPath(hit)}>
                    <HighlightText segments={hit.title} />
                  </Link>
                  {hit.boosted ? <Tag color="gold">{t('search.boosted')}</Tag> : null}
                </Space>
              }
              description={
                <Flex vertical gap={2}>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    <HighlightText segments={hit.snippet} />
                  </Typography.Text>
                  <Space wrap size={4} style={{ fontSize: 12 }}>
                    {hit.category ? <Tag>{hit.category}</Tag> : null}
                    <span>
                      <EnvironmentOutlined /> {hit.regionName ?? '—'}
                    </span>
                    <span>
                      · {formatFen(hit.amountFen)}
                      {hit.unit ? ` / ${hit.unit}` : ''}
                    </span>
                    <span>
                      · {hit.orgName} <OrgGradeBadge orgId={hit.orgId} />
                    </span>
                    <span>· {formatDate(hit.publishedAt)}</span>
                    {hit.distanceKm !== null ? <span>· {t('search.distance', { km: hit.distanceKm })}</span> : null}
                  </Space>
                </Flex>
              }
            />
          </List.Item>
        )}
      />
      {search.hasNextPage ? (
        <Button onClick={() => search.fetchNextPage()} loading={search.isFetchingNextPage}>
          {t('actions.loadMore', { ns: 'common' })}
        </Button>
      ) : null}
    </Flex>
  );
}

/** A checkbox that adds a listing to the comparison (2–6). */
export function CompareToggle({
  checked,
  disabled,
  onChange,
}: {
  checked: boolean;
  disabled: boolean;
  onChange: (on: boolean) => void;
}) {
  const { t } = useTranslation('libraries');
  return (
    <Checkbox checked={checked} disabled={disabled && !checked} onChange={(e) => onChange(e.target.checked)}>
      {t('resources.select')}
    </Checkbox>
  );
}
