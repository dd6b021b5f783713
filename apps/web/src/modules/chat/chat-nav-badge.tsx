import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuthedMe } from '../identity';
import { useChatLive, useChatUnread } from './chat.queries';

function UnreadCount({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  useChatLive();
  const total = useChatUnread(orgId).data?.total ?? 0;
  if (total === 0) return null;
  const label = t('nav.chatUnread', { count: total });
  return (
    <span style={{ marginInlineStart: 'auto' }}>
      <Badge count={total} size="small" overflowCount={99} title={label} data-testid="chat-unread-badge" />
      <span className="zh-visually-hidden">{label}</span>
    </span>
  );
}

/** The unread count beside 消息 in the navigation, kept live by the chat socket (common texts: the shell's). */
export function ChatNavBadge() {
  const me = useAuthedMe();
  return me.activeOrgId ? <UnreadCount orgId={me.activeOrgId} /> : null;
}
