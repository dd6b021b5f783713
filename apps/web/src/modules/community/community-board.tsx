import { CheckCircleOutlined, LikeOutlined, MessageOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CommunityPostSummary } from '@zhuhe/contracts';
import { Card, Checkbox, Empty, Flex, Input, List, Pagination, Segmented, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/format-date';
import { ErrorState } from '../../app/page-states';
import {
  COMMUNITY_BOARDS,
  type CommunityBoard,
  type CommunityFilters,
  communityKeys,
  fetchBoards,
  fetchPosts,
  PAGE_SIZE,
  PROVINCES,
} from './community.api';
import { AuthorLine, StatusTag, useProvinceName } from './community-parts';

function PostItem({ post }: { post: CommunityPostSummary }) {
  const { t } = useTranslation('community');
  const provinceName = useProvinceName();
  return (
    <List.Item>
      <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
        <Flex gap={8} wrap align="center">
          <Link to={`/community/posts/${post.id}`} style={{ fontSize: 16, fontWeight: 500, overflowWrap: 'anywhere' }}>
            {post.title}
          </Link>
          <StatusTag status={post.status} />
          {post.hasBestAnswer ? (
            <Tag color="success" icon={<CheckCircleOutlined />}>
              {t('solved')}
            </Tag>
          ) : null}
        </Flex>
        <AuthorLine author={post.author} />
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
          {post.excerpt}
        </Typography.Paragraph>
        <Flex gap={8} wrap align="center" style={{ fontSize: 13 }}>
          <Tag color="blue">{t(`boards.${post.board}`)}</Tag>
          {post.regionCode ? <Tag color="cyan">{provinceName(post.regionCode)}</Tag> : null}
          {post.tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
          <Typography.Text type="secondary">
            <MessageOutlined /> {t('replies', { count: post.replyCount })} · <LikeOutlined />{' '}
            {t('likes', { count: post.likeCount })} · {formatDateTime(post.createdAt)}
          </Typography.Text>
        </Flex>
      </Flex>
    </List.Item>
  );
}

/** 社区首页: boards as tabs, province, tag, search and sort; the posts with pages. */
export function CommunityBoardView() {
  const { t } = useTranslation('community');
  const provinceName = useProvinceName();
  const [draft, setDraft] = useState('');
  const [filters, setFilters] = useState<CommunityFilters>({ sort: 'latest', page: 1 });
  const set = (patch: Partial<CommunityFilters>) => setFilters((f) => ({ ...f, ...patch, page: patch.page ?? 1 }));
  const boards = useQuery({ queryKey: communityKeys.boards, queryFn: fetchBoards });
  const posts = useQuery({
    queryKey: communityKeys.posts(filters),
    queryFn: () => fetchPosts(filters),
    placeholderData: keepPreviousData,
  });
  const count = (b: CommunityBoard) => boards.data?.boards.find((x) => x.board === b)?.postCount;
  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex vertical gap={12}>
          <div style={{ overflowX: 'auto' }}>
            <Segmented
              aria-label={t('boardsLabel')}
              value={filters.board ?? 'all'}
              onChange={(value) =>
                set({ board: value === 'all' ? undefined : (value as CommunityBoard), regionCode: undefined })
              }
              options={[
                { value: 'all', label: t('boards.all') },
                ...COMMUNITY_BOARDS.map((b) => ({
                  value: b,
                  label: count(b) === undefined ? t(`boards.${b}`) : `${t(`boards.${b}`)} ${count(b)}`,
                })),
              ]}
            />
          </div>
          <Input.Search
            aria-label={t('searchLabel')}
            placeholder={t('searchPlaceholder')}
            enterButton={t('search')}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onSearch={(value) => set({ q: value.trim() || undefined })}
            allowClear
          />
          <Flex gap={8} wrap align="center">
            <Select
              style={{ flex: '1 1 160px' }}
              allowClear
              showSearch
              optionFilterProp="label"
              aria-label={t('province')}
              placeholder={t('anyProvince')}
              value={filters.regionCode}
              onChange={(value?: string) => set({ regionCode: value })}
              options={PROVINCES.map(([code]) => {
                const n = boards.data?.regions.find((r) => r.regionCode === code)?.postCount;
                return { value: code, label: n ? `${provinceName(code)} (${n})` : provinceName(code) };
              })}
            />
            <Select
              style={{ flex: '1 1 140px' }}
              allowClear
              aria-label={t('tag')}
              placeholder={t('tag')}
              value={filters.tag}
              onChange={(value?: string) => set({ tag: value })}
              options={(boards.data?.popularTags ?? []).map((tag) => ({
                value: tag.tag,
                label: `${tag.tag} (${tag.count})`,
              }))}
            />
            <Segmented
              aria-label={t('sort')}
              value={filters.sort}
              onChange={(value) => set({ sort: value as 'latest' | 'hot' })}
              options={[
                { value: 'latest', label: t('latest') },
                { value: 'hot', label: t('hot') },
              ]}
            />
            <Checkbox checked={filters.mine ?? false} onChange={(e) => set({ mine: e.target.checked || undefined })}>
              {t('mine')}
            </Checkbox>
          </Flex>
        </Flex>
      </Card>
      {posts.isError ? (
        <ErrorState error={posts.error} onRetry={() => void posts.refetch()} />
      ) : (
        <Card size="small" loading={posts.isLoading}>
          <Typography.Text type="secondary" data-testid="community-total">
            {t('total', { count: posts.data?.total ?? 0 })}
          </Typography.Text>
          <List
            dataSource={posts.data?.items ?? []}
            locale={{ emptyText: <Empty description={t('empty')} /> }}
            renderItem={(post) => <PostItem post={post} />}
          />
          {(posts.data?.total ?? 0) > PAGE_SIZE ? (
            <Flex justify="center">
              <Pagination
                size="small"
                current={filters.page}
                pageSize={PAGE_SIZE}
                total={posts.data?.total ?? 0}
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
