import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../app/format-date';
import { useMarkRead, useNotifications, useUnreadCount } from './matching.queries';

/** 站内通知 the bell in the header: unread count, the latest notifications, click to open and mark read. */
export function NotificationBell() {
  const { t } = useTranslation('matching');
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const list = useNotifications(open);
  const markRead = useMarkRead();
  const count = list.data?.unread ?? unread.data?.unread ?? 0;
  const content = (
    <Flex vertical style={{ width: 'min(340px, 86vw)' }} data-testid="notification-list">
      {list.data && list.data.items.length > 0 ? (
        <>
          <List
            size="small"
            dataSource={list.data.items.slice(0, 10)}
            renderItem={(n) => (
              <List.Item
                key={n.id}
                style={{ cursor: 'pointer', opacity: n.readAt ? 0.6 : 1 }}
                data-testid="notification-item"
                onClick={() => {
                  markRead.mutate(n.id, { onSuccess: () => void unread.refetch() });
                  setOpen(false);
                  if (n.link) navigate(n.link);
                }}
              >
                <Flex vertical>
                  <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(n.createdAt)}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
          <Button
            type="link"
            size="small"
            onClick={() => markRead.mutate('all', { onSuccess: () => void unread.refetch() })}
          >
            {t('bell.readAll')}
          </Button>
        </>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bell.empty')} />
      )}
    </Flex>
  );
  return (
    <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Badge count={count} size="small" offset={[-4, 4]}>
        <Button type="text" icon={<BellOutlined />} aria-label={t('bell.label')} data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}
