import { BellOutlined } from '@ant-design/icons';
import { Button, Flex, Popover, Spin } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { NotificationData } from './matching.api';
import { useMarkRead, useNotifications, useUnreadCount } from './matching.queries';

// The list is fetched with its chunk when the bell is first opened, not with the header of every page.
const NotificationList = lazy(() => import('./notification-list').then((m) => ({ default: m.NotificationList })));

/** 站内通知 the bell in the header: unread count, the latest notifications, click to open and mark read. */
export function NotificationBell() {
  // the bell's own words are in `common`: the matching texts load only with the list or a matching page
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const list = useNotifications(open);
  const markRead = useMarkRead();
  const count = list.data?.unread ?? unread.data?.unread ?? 0;
  const openNotification = (n: NotificationData) => {
    markRead.mutate(n.id, { onSuccess: () => void unread.refetch() });
    setOpen(false);
    if (n.link) navigate(n.link);
  };
  const content = (
    <Flex vertical style={{ width: 'min(340px, 86vw)' }} data-testid="notification-list">
      <Suspense fallback={<Spin size="small" style={{ padding: 16 }} />}>
        <NotificationList
          items={list.data?.items}
          onOpen={openNotification}
          onReadAll={() => markRead.mutate('all', { onSuccess: () => void unread.refetch() })}
          onGo={(path) => {
            setOpen(false);
            navigate(path);
          }}
        />
      </Suspense>
    </Flex>
  );
  return (
    <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      {/* The unread count as a small bubble of our own: antd's Badge animates its digits with code the first
          page would carry for this one number. */}
      <span style={{ position: 'relative', display: 'inline-flex' }}>
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={count > 0 ? t('header.bellUnread', { count }) : t('header.bell')}
          data-testid="notification-bell"
        />
        {count > 0 ? (
          <span className="zh-count-bubble" aria-hidden="true" data-testid="notification-count">
            {count > 99 ? '99+' : count}
          </span>
        ) : null}
      </span>
    </Popover>
  );
}
