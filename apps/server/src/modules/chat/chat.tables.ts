import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 会话 a conversation between organisations, opened from a context (listing, demand, tender Q&A, contract, dispute)
 * or directly. `contextKey` makes opening idempotent: the same context and organisations find the same conversation.
 */
export const chatConversations = pgTable('chat_conversations', {
  id: uuid('id').primaryKey(),
  kind: text('kind').notNull(),
  contextId: uuid('context_id'),
  /** e.g. `contract:<id>`, `tender:<id>:public`, `direct:<orgA>:<orgB>` (ids sorted) — unique */
  contextKey: text('context_key').notNull().unique(),
  title: text('title').notNull(),
  /** a tender's public Q&A: any organisation that may see the tender joins on opening it */
  isPublic: boolean('is_public').notNull().default(false),
  createdByOrgId: uuid('created_by_org_id').notNull(),
  createdAt: ts('created_at').notNull(),
  /** when the last message was posted, for the list's order */
  lastMessageAt: ts('last_message_at'),
});

/** 参与单位 the organisations in a conversation; every member of one may read and post. */
export const chatParticipants = pgTable(
  'chat_participants',
  {
    conversationId: uuid('conversation_id').notNull(),
    orgId: uuid('org_id').notNull(),
    joinedAt: ts('joined_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.orgId] }), index('chat_participants_org_idx').on(t.orgId)],
);

/**
 * 消息 one message. `seq` ascends over the whole platform, so a reconnecting client asks for everything after the
 * last one it saw in one query. Text is searched with a trigram index (Chinese substrings included).
 */
export const chatMessages = pgTable(
  'chat_messages',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    conversationId: uuid('conversation_id').notNull(),
    senderOrgId: uuid('sender_org_id').notNull(),
    senderUserId: uuid('sender_user_id').notNull(),
    body: text('body').notNull(),
    fileId: uuid('file_id'),
    fileName: text('file_name'),
    fileKind: text('file_kind'),
    fileMime: text('file_mime'),
    fileSize: integer('file_size'),
    fileSha256: text('file_sha256'),
    /** SHA-256 of the canonical message record appended to the evidence log (contract conversations) */
    evidenceSha256: text('evidence_sha256'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('chat_messages_conversation_idx').on(t.conversationId, t.seq),
    index('chat_messages_body_trgm_idx').using('gin', t.body.op('gin_trgm_ops')),
  ],
);

/** 已送达/已读 receipts: per user, the highest sequence received and read in a conversation. */
export const chatReads = pgTable(
  'chat_reads',
  {
    conversationId: uuid('conversation_id').notNull(),
    userId: uuid('user_id').notNull(),
    orgId: uuid('org_id').notNull(),
    lastReadSeq: bigint('last_read_seq', { mode: 'number' }).notNull().default(0),
    lastDeliveredSeq: bigint('last_delivered_seq', { mode: 'number' }).notNull().default(0),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.userId] })],
);
