import { defineErrors } from '../../infra/errors';

export const chatErrors = defineErrors({
  /** also for a conversation the organisation is not in: an outsider cannot tell it exists */
  CHAT_CONVERSATION_NOT_FOUND: { kind: 'not_found', 'zh-CN': '会话不存在', en: 'Conversation not found' },
  CHAT_MESSAGE_NOT_FOUND: { kind: 'not_found', 'zh-CN': '消息不存在', en: 'Message not found' },
  /** the context (listing, demand, tender, contract, dispute) does not exist or this organisation may not see it */
  CHAT_CONTEXT_NOT_FOUND: { kind: 'not_found', 'zh-CN': '会话对象不存在或无权访问', en: 'Context not found' },
  /** `direct` needs the other organisation; a context that needs a counterpart needs it too */
  CHAT_COUNTERPART_REQUIRED: {
    kind: 'invalid',
    'zh-CN': '请选择要联系的组织',
    en: 'Choose the organisation to talk to',
  },
  CHAT_COUNTERPART_INVALID: {
    kind: 'invalid',
    'zh-CN': '不能与该组织在此建立会话',
    en: 'A conversation with this organisation cannot be opened here',
  },
  /** 招标公平: before the bid deadline only the public Q&A, never a private channel with one bidder */
  CHAT_TENDER_PRIVATE_BEFORE_DEADLINE: {
    kind: 'conflict',
    'zh-CN': '投标截止前只能在公开答疑区提问，不能与单个投标人私聊（截止时间 {deadline}）',
    en: 'Before the bid deadline only the public Q&A is open, not a private channel with one bidder (deadline {deadline})',
  },
  CHAT_MESSAGE_TOO_LONG: {
    kind: 'invalid',
    'zh-CN': '消息最多 {max} 个字符（当前 {length} 个）',
    en: 'A message has at most {max} characters (this one has {length})',
  },
  CHAT_MESSAGE_EMPTY: { kind: 'invalid', 'zh-CN': '消息不能为空', en: 'A message cannot be empty' },
  /** WebSocket: more frames than the per-connection budget */
  CHAT_RATE_LIMITED: {
    kind: 'rate_limited',
    'zh-CN': '发送太频繁，连接将关闭，请稍后重连',
    en: 'Too many frames; the connection will close, reconnect in a moment',
  },
  /** WebSocket: a frame that is not JSON or not one of the documented frames */
  CHAT_FRAME_INVALID: {
    kind: 'invalid',
    'zh-CN': '无法识别的消息帧',
    en: 'Unrecognised frame',
  },
});
