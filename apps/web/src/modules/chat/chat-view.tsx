import { ArrowLeftOutlined, CheckOutlined, PaperClipOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { CHAT_MESSAGE_MAX_CHARS, type ChatMessage, type Conversation } from '@zhuhe/contracts';
import { Badge, Button, Empty, Grid, Input, Space, Tag, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../../app/format-date';
import { useErrorFeedback } from '../../app/use-error-feedback';
import { attachmentUrl, markChatRead, postChatFile, postChatMessage } from './chat.api';
import { useChatHistory, useChatLive, useConversations } from './chat.queries';

function conversationName(c: Conversation, orgId: string) {
  const others = c.participants.filter((p) => p.orgId !== orgId).map((p) => p.orgName);
  return c.title || others.join('、') || '—';
}

/** ✓ sent, ✓ delivered (blue outline), ✓✓ read — by the furthest any other participant organisation got. */
function Ticks({ message, conversation, orgId }: { message: ChatMessage; conversation: Conversation; orgId: string }) {
  const { t } = useTranslation('chat');
  const others = conversation.participants.filter((p) => p.orgId !== orgId);
  const read = others.some((p) => p.lastReadSeq >= message.seq);
  const delivered = read || others.some((p) => p.lastDeliveredSeq >= message.seq);
  const label = read ? t('read') : delivered ? t('delivered') : t('sent');
  return (
    <span
      className="zh-chat-ticks"
      data-testid="chat-ticks"
      data-state={read ? 'read' : delivered ? 'delivered' : 'sent'}
    >
      <span aria-hidden="true" style={{ color: read ? '#1677ff' : undefined }}>
        <CheckOutlined />
        {delivered ? <CheckOutlined style={{ marginInlineStart: -6 }} /> : null}
      </span>{' '}
      <span>{label}</span>
    </span>
  );
}

function MessagePane({
  orgId,
  conversation,
  onBack,
}: {
  orgId: string;
  conversation: Conversation;
  onBack?: () => void;
}) {
  const { t } = useTranslation('chat');
  const feedback = useErrorFeedback();
  const [query, setQuery] = useState('');
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const history = useChatHistory(orgId, conversation.id, query);
  const bottom = useRef<HTMLDivElement>(null);
  const messages = history.data?.items ?? [];
  const last = messages.at(-1);

  useEffect(() => {
    bottom.current?.scrollIntoView?.({ block: 'end' });
    if (!query && last && conversation.unread > 0) void markChatRead(orgId, conversation.id, last.seq).catch(() => {});
  }, [last, query, conversation.unread, conversation.id, orgId]);

  const tooLong = text.trim().length > CHAT_MESSAGE_MAX_CHARS;
  const send = async () => {
    if (!text.trim() || tooLong) return;
    setSending(true);
    try {
      await postChatMessage(orgId, conversation.id, text);
      setText('');
      await history.refetch();
    } catch (error) {
      feedback.show(error);
    } finally {
      setSending(false);
    }
  };
  const attach = async (file: File) => {
    try {
      await postChatFile(orgId, conversation.id, file);
      await history.refetch();
    } catch (error) {
      feedback.show(error);
    }
    return false;
  };

  return (
    <section className="zh-chat-pane" aria-labelledby="chat-pane-title">
      <header className="zh-chat-pane-head">
        {onBack ? <Button type="text" icon={<ArrowLeftOutlined />} onClick={onBack} aria-label={t('back')} /> : null}
        <div style={{ minWidth: 0, flex: 1 }}>
          <Typography.Title level={2} id="chat-pane-title" style={{ fontSize: 16, margin: 0 }} ellipsis>
            <Tag>{t(`kind.${conversation.kind}`)}</Tag>
            {conversationName(conversation, orgId)}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('participants', { names: conversation.participants.map((p) => p.orgName).join('、') })}
          </Typography.Text>
          {conversation.public ? <div style={{ fontSize: 12 }}>{t('publicQa')}</div> : null}
          {conversation.kind === 'contract' ? (
            <div style={{ fontSize: 12 }}>
              <SafetyCertificateOutlined /> {t('evidence')}
            </div>
          ) : null}
        </div>
        <Input.Search
          allowClear
          aria-label={t('search')}
          placeholder={t('search')}
          onSearch={(value) => setQuery(value.trim())}
          style={{ maxWidth: 200 }}
        />
      </header>
      <div className="zh-chat-messages" data-testid="chat-messages" aria-live="polite">
        {messages.length === 0 && !history.isLoading ? (
          <Empty description={query ? t('noResults') : t('noMessages')} />
        ) : null}
        {messages.map((m) => {
          const mine = m.senderOrgId === orgId;
          return (
            <div key={m.id} className={`zh-chat-message ${mine ? 'zh-chat-mine' : ''}`} data-testid="chat-message">
              <div className="zh-chat-meta">
                {m.senderOrgName} · {m.senderName} · {formatDateTime(m.createdAt)}
              </div>
              {m.body ? <div className="zh-chat-body">{m.body}</div> : null}
              {m.attachment ? (
                <div>
                  {m.attachment.kind === 'image' ? (
                    <img
                      src={attachmentUrl(orgId, conversation.id, m.id)}
                      alt={m.attachment.name}
                      style={{ maxWidth: 200, maxHeight: 160, display: 'block' }}
                    />
                  ) : null}
                  <a href={attachmentUrl(orgId, conversation.id, m.id)} download={m.attachment.name}>
                    <PaperClipOutlined /> {m.attachment.name}
                  </a>
                </div>
              ) : null}
              {mine ? <Ticks message={m} conversation={conversation} orgId={orgId} /> : null}
            </div>
          );
        })}
        <div ref={bottom} />
      </div>
      <div className="zh-chat-composer">
        <Input.TextArea
          aria-label={t('message')}
          placeholder={t('placeholder')}
          autoSize={{ minRows: 1, maxRows: 5 }}
          value={text}
          status={tooLong ? 'error' : undefined}
          onChange={(event) => setText(event.target.value)}
          onPressEnter={(event) => {
            if (!event.shiftKey) {
              event.preventDefault();
              void send();
            }
          }}
        />
        <Space>
          <Upload showUploadList={false} beforeUpload={attach} accept=".png,.jpg,.jpeg,.webp,.pdf,.docx,.xlsx,.csv">
            <Button icon={<PaperClipOutlined />} aria-label={t('attach')} title={t('attach')} />
          </Upload>
          <Button type="primary" onClick={send} loading={sending} disabled={!text.trim() || tooLong}>
            {t('send')}
          </Button>
        </Space>
        {tooLong ? (
          <Typography.Text type="danger" role="alert">
            {t('tooLong', { max: CHAT_MESSAGE_MAX_CHARS, length: text.trim().length })}
          </Typography.Text>
        ) : null}
      </div>
    </section>
  );
}

/** 消息: the conversation list and the open conversation; on a phone one at a time. */
export function ChatView({ orgId }: { orgId: string }) {
  const { t } = useTranslation('chat');
  useChatLive();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('c');
  const conversations = useConversations(orgId);
  const items = conversations.data?.items ?? [];
  const selected = items.find((c) => c.id === selectedId) ?? null;
  const select = (id: string | null) => setParams(id ? { c: id } : {});

  const list = (
    <nav className="zh-chat-list" aria-label={t('conversations')}>
      {items.length === 0 && !conversations.isLoading ? <Empty description={t('empty')} /> : null}
      <ul>
        {items.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className="zh-chat-list-item"
              aria-current={c.id === selectedId ? 'true' : undefined}
              onClick={() => select(c.id)}
              data-testid="chat-conversation"
            >
              <span style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <strong style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                  {conversationName(c, orgId)}
                </strong>
                {c.unread > 0 ? (
                  <Badge count={c.unread} aria-label={t('unread', { count: c.unread })} data-testid="chat-unread" />
                ) : null}
              </span>
              <span className="zh-chat-list-sub">
                <Tag style={{ marginInlineEnd: 4 }}>{t(`kind.${c.kind}`)}</Tag>
                {c.lastMessage ? c.lastMessage.body || c.lastMessage.attachment?.name : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );

  if (narrow) {
    return (
      <div className="zh-chat">
        {selected ? <MessagePane orgId={orgId} conversation={selected} onBack={() => select(null)} /> : list}
      </div>
    );
  }
  return (
    <div className="zh-chat zh-chat-wide">
      {list}
      {selected ? (
        <MessagePane orgId={orgId} conversation={selected} />
      ) : (
        <div className="zh-chat-pane">
          <Empty description={t('choose')} />
        </div>
      )}
    </div>
  );
}
