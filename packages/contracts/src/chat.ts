import { z } from 'zod';
import { Id } from './common';

/**
 * 消息 real-time chat between organisations (COMM-2, MERCH-6). A conversation (会话) is opened from a context — a
 * resource listing, a demand, a tender's public Q&A, a contract, a dispute — or directly between two organisations;
 * its participants are organisations, and every member of a participant organisation may read and post.
 */
export const CHAT_CONTEXT_KINDS = ['direct', 'listing', 'demand', 'tender', 'contract', 'dispute'] as const;
export const ChatContextKind = z.enum(CHAT_CONTEXT_KINDS);
export type ChatContextKind = z.infer<typeof ChatContextKind>;

/** 消息正文上限 a message's text is at most this many characters */
export const CHAT_MESSAGE_MAX_CHARS = 4000;

/**
 * The text as received: the 4,000-character rule is the service's (CHAT_MESSAGE_TOO_LONG names both lengths), so the
 * schema only bounds what is worth reading at all.
 */
export const ChatMessageText = z.string().max(100_000);

export const OpenConversationBody = z.object({
  kind: ChatContextKind,
  /** the listing, demand, tender, contract or dispute; absent for `direct` */
  contextId: Id.optional(),
  /**
   * the other organisation: required for `direct`; for a demand or listing its owner talking to someone;
   * for a tender a private channel with one bidder (refused before the bid deadline — only the public Q&A then)
   */
  withOrgId: Id.optional(),
});
export type OpenConversationBody = z.input<typeof OpenConversationBody>;

export const ChatParticipant = z.object({
  orgId: Id,
  orgName: z.string(),
  /** the highest message sequence any member of this organisation has read / received */
  lastReadSeq: z.number().int(),
  lastDeliveredSeq: z.number().int(),
});
export type ChatParticipant = z.infer<typeof ChatParticipant>;

export const ChatAttachment = z.object({
  fileId: Id,
  name: z.string(),
  kind: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});
export type ChatAttachment = z.infer<typeof ChatAttachment>;

export const ChatMessage = z.object({
  id: Id,
  conversationId: Id,
  /** ascending over the whole platform: a client resumes after the last one it saw */
  seq: z.number().int(),
  senderOrgId: Id,
  senderOrgName: z.string(),
  senderUserId: Id,
  senderName: z.string(),
  body: z.string(),
  attachment: ChatAttachment.nullable(),
  /** SHA-256 logged in the evidence log (contract conversations only) */
  evidenceSha256: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export const Conversation = z.object({
  id: Id,
  kind: ChatContextKind,
  contextId: Id.nullable(),
  title: z.string(),
  /** a tender's public Q&A: every organisation that may see the tender may join */
  public: z.boolean(),
  participants: z.array(ChatParticipant),
  lastMessage: ChatMessage.nullable(),
  unread: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type Conversation = z.infer<typeof Conversation>;

export const ConversationList = z.object({ items: z.array(Conversation), totalUnread: z.number().int() });
export type ConversationList = z.infer<typeof ConversationList>;

export const ChatUnread = z.object({ total: z.number().int() });
export type ChatUnread = z.infer<typeof ChatUnread>;

export const ConversationParams = z.object({ orgId: Id, conversationId: Id });
export const ChatMessageParams = z.object({ orgId: Id, conversationId: Id, messageId: Id });

export const ChatHistoryQuery = z.object({
  /** messages before this sequence (older page) */
  before: z.coerce.number().int().positive().optional(),
  /** text to find (case-insensitive substring, Chinese included) */
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ChatHistoryQuery = z.input<typeof ChatHistoryQuery>;

export const ChatMessagePage = z.object({ items: z.array(ChatMessage), hasMore: z.boolean() });
export type ChatMessagePage = z.infer<typeof ChatMessagePage>;

export const PostChatMessageBody = z.object({ body: ChatMessageText });
export type PostChatMessageBody = z.input<typeof PostChatMessageBody>;

export const MarkReadBody = z.object({ seq: z.number().int().nonnegative() });
export type MarkReadBody = z.input<typeof MarkReadBody>;

/** What the browser sends on `/api/chat/ws`. */
export const ChatClientFrame = z.discriminatedUnion('type', [
  /** after (re)connecting: everything newer than `after` in the user's conversations comes back as `missed` */
  z.object({ type: z.literal('resume'), after: z.number().int().nonnegative() }),
  z.object({
    type: z.literal('send'),
    orgId: Id,
    conversationId: Id,
    body: ChatMessageText,
    /** echoed back in `sent` so the composer can match its pending message */
    clientId: z.string().max(64).optional(),
  }),
  z.object({ type: z.literal('read'), orgId: Id, conversationId: Id, seq: z.number().int().nonnegative() }),
  z.object({ type: z.literal('ping') }),
]);
export type ChatClientFrame = z.infer<typeof ChatClientFrame>;

export const ChatReceipt = z.object({
  conversationId: Id,
  orgId: Id,
  lastReadSeq: z.number().int(),
  lastDeliveredSeq: z.number().int(),
});
export type ChatReceipt = z.infer<typeof ChatReceipt>;

/** What the server sends on `/api/chat/ws`. */
export type ChatServerFrame =
  | { type: 'ready'; userId: string }
  | { type: 'message'; message: ChatMessage }
  | { type: 'missed'; messages: ChatMessage[]; hasMore: boolean }
  | { type: 'sent'; clientId: string | null; message: ChatMessage }
  | { type: 'receipt'; receipt: ChatReceipt }
  | { type: 'pong' }
  /** the server may have missed messages (its LISTEN connection was reopened): send `resume` again */
  | { type: 'resync' }
  | { type: 'error'; code: string; message: string; messages: { 'zh-CN': string; en: string } };
