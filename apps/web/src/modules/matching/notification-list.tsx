import { Button, Empty, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format-date';
import type { NotificationData } from './matching.api';

/**
 * The bell's popover body: the latest notifications, or an empty state. A chunk of its own, loaded when the bell is
 * first opened; List brings Pagination and Select, which no first page needs.
 */
export function NotificationList({
  items,
  onOpen,
  onReadAll,
  onGo,
}: {
  items: readonly NotificationData[] | undefined;
  onOpen: (notification: NotificationData) => void;
  onReadAll: () => void;
  /** to the notification centre or its settings */
  onGo: (path: string) => void;
}) {
  const { t } = useTranslation('matching');
  const links = (
    <Flex gap={4} wrap>
      <Button
        type="link"
        size="small"
        onClick={() => onGo('/workspace/notifications')}
        data-testid="notification-centre-link"
      >
        {t('bell.viewAll')}
      </Button>
      <Button type="link" size="small" onClick={() => onGo('/workspace/notifications/preferences')}>
        {t('bell.settings')}
      </Button>
    </Flex>
  );
  if (!items || items.length === 0) {
    return (
      <>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bell.empty')} />
        {links}
      </>
    );
  }
  return (
    <>
      <List
        size="small"
        dataSource={items.slice(0, 10)}
        renderItem={(n) => (
          <List.Item
            key={n.id}
            style={{ cursor: 'pointer', opacity: n.readAt ? 0.6 : 1 }}
            data-testid="notification-item"
            onClick={() => onOpen(n)}
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
      <Flex justify="space-between" wrap>
        <Button type="link" size="small" onClick={onReadAll}>
          {t('bell.readAll')}
        </Button>
        {links}
      </Flex>
    </>
  );
}
