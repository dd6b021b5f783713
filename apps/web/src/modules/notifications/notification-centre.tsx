import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Notification, NotificationCategory } from '@zhuhe/contracts';
import { App, Button, Empty, Flex, List, Select, Tag, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../app/format-date';
import { ErrorState, LoadingState } from '../../app/page-states';
import { useErrorFeedback } from '../../app/use-error-feedback';
import * as api from './notifications.api';

export const CATEGORIES: readonly NotificationCategory[] = [
  'tendering',
  'contracts',
  'funds',
  'matching',
  'risk',
  'tickets',
  'policies',
  'security',
  'system',
];
const PAGE_SIZE = 20;

/** 通知中心 every notification of the reader, filtered by category and read state, a page at a time. */
export function NotificationCentre() {
  const { t } = useTranslation('notifications');
  const { message } = App.useApp();
  const { show: notifyError } = useErrorFeedback();
  const navigate = useNavigate();
  const client = useQueryClient();
  const categoryId = useId();
  const statusId = useId();
  const [category, setCategory] = useState<NotificationCategory | undefined>();
  const [status, setStatus] = useState<'unread' | 'read' | undefined>();
  const [page, setPage] = useState(1);
  const filter = { category, status, page, pageSize: PAGE_SIZE };
  const list = useQuery({
    queryKey: ['notifications', 'centre', filter],
    queryFn: () => api.listNotifications(filter),
    placeholderData: keepPreviousData,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['notifications'] });
  const markRead = useMutation({ mutationFn: api.markRead, onSuccess: refresh, onError: notifyError });
  const markAll = useMutation({
    mutationFn: api.markAllRead,
    onSuccess: () => {
      void message.success(t('markedAll'));
      void refresh();
    },
    onError: notifyError,
  });
  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (n.link) navigate(n.link);
  };

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="end">
        <Flex vertical gap={4}>
          <label htmlFor={categoryId}>{t('filters.category')}</label>
          <Select
            id={categoryId}
            style={{ minWidth: 160 }}
            value={category ?? 'all'}
            onChange={(v) => {
              setCategory(v === 'all' ? undefined : (v as NotificationCategory));
              setPage(1);
            }}
            options={[
              { value: 'all', label: t('filters.allCategories') },
              ...CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) })),
            ]}
            data-testid="centre-category"
          />
        </Flex>
        <Flex vertical gap={4}>
          <label htmlFor={statusId}>{t('filters.status')}</label>
          <Select
            id={statusId}
            style={{ minWidth: 120 }}
            value={status ?? 'all'}
            onChange={(v) => {
              setStatus(v === 'all' ? undefined : (v as 'unread' | 'read'));
              setPage(1);
            }}
            options={[
              { value: 'all', label: t('filters.all') },
              { value: 'unread', label: t('filters.unread') },
              { value: 'read', label: t('filters.read') },
            ]}
          />
        </Flex>
        <Button onClick={() => markAll.mutate()} loading={markAll.isPending} disabled={list.data?.unread === 0}>
          {t('markAllRead')}
        </Button>
      </Flex>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />
      ) : (
        <List
          dataSource={list.data.items}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data.total,
            onChange: setPage,
            showSizeChanger: false,
            size: 'small',
          }}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              data-testid="centre-item"
              actions={[
                n.link ? (
                  <Button key="open" type="link" size="small" onClick={() => open(n)}>
                    {t('open')}
                  </Button>
                ) : null,
                !n.readAt ? (
                  <Button
                    key="read"
                    size="small"
                    onClick={() => markRead.mutate(n.id)}
                    aria-label={`${t('markRead')}：${n.title}`}
                  >
                    {t('markRead')}
                  </Button>
                ) : null,
              ].filter(Boolean)}
            >
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Flex gap={8} wrap align="center">
                  <Tag>{t(`categories.${n.category as NotificationCategory}`, { defaultValue: n.category })}</Tag>
                  {!n.readAt ? <Tag color="blue">{t('unreadTag')}</Tag> : null}
                  <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                </Flex>
                <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
                  {n.body}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(n.createdAt)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}
