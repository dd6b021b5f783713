import {
  CHAT_MESSAGE_MAX_CHARS,
  type ChatMessage,
  type ChatMessagePage,
  type ChatReceipt,
  type Conversation,
  type ConversationList,
  type OpenConversationBody,
} from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import { canonicalJson, sha256Hex } from '../../infra/crypto';
import { newId } from '../../infra/ids';
import { getContract } from '../contracts';
import { getDemand } from '../demands';
import { disputeParties } from '../disputes';
import { appendEvidence } from '../evidence';
import { fileErrors, getFile, type StoredFileRow, storeFile } from '../files';
import { getUsers } from '../identity';
import { getOrganisation, getOrganisations } from '../organisation';
import { getListing } from '../resources';
import { tenderChatFacts } from '../tendering';
import { chatErrors } from './chat.errors';
import type { ChatFanout } from './chat.fanout';
import * as repo from './chat.repository';

/** Who is acting: the user, and the organisation they act for in this request. */
export interface ChatActor {
  userId: string;
  orgId: string;
}

interface ResolvedContext {
  key: string;
  title: string;
  contextId: string | null;
  orgIds: string[];
  isPublic: boolean;
}

const pair = (a: string, b: string) => [a, b].sort().join(':');

async function orElse<T>(run: () => Promise<T>, code: 'CHAT_CONTEXT_NOT_FOUND' | 'CHAT_COUNTERPART_INVALID') {
  try {
    return await run();
  } catch {
    throw chatErrors.raise(code);
  }
}

/**
 * The conversation a context stands for, and who takes part, read through the owning modules' public API. A listing
 * or demand is a one-to-one between its owner and whoever asks; the owner names the counterpart.
 */
async function resolveContext(ctx: AppContext, actor: ChatActor, body: OpenConversationBody): Promise<ResolvedContext> {
  const me = actor.orgId;
  /** the owner of the context talks to the organisation it names; anyone else to the owner */
  const counterpart = async (owner: string | null) => {
    const other = owner === null || owner === me ? body.withOrgId : owner;
    if (!other) throw chatErrors.raise('CHAT_COUNTERPART_REQUIRED');
    if (other === me) throw chatErrors.raise('CHAT_COUNTERPART_INVALID');
    await orElse(() => getOrganisation(ctx, other), 'CHAT_COUNTERPART_INVALID');
    return other;
  };
  const contextId = body.contextId ?? null;
  if (body.kind !== 'direct' && !contextId) throw chatErrors.raise('CHAT_CONTEXT_NOT_FOUND');
  const id = contextId as string;
  switch (body.kind) {
    case 'direct': {
      const other = await counterpart(null);
      return { key: `direct:${pair(me, other)}`, title: '', contextId: null, orgIds: [me, other], isPublic: false };
    }
    case 'listing': {
      const listing = await orElse(() => getListing(ctx, [me], id), 'CHAT_CONTEXT_NOT_FOUND');
      const other = await counterpart(listing.orgId);
      return {
        key: `listing:${id}:${pair(me, other)}`,
        title: listing.title,
        contextId,
        orgIds: [me, other],
        isPublic: false,
      };
    }
    case 'demand': {
      const demand = await orElse(
        () => getDemand(ctx, { userId: actor.userId, orgIds: [me] }, id),
        'CHAT_CONTEXT_NOT_FOUND',
      );
      const other = await counterpart(demand.orgId);
      return {
        key: `demand:${id}:${pair(me, other)}`,
        title: demand.title,
        contextId,
        orgIds: [me, other],
        isPublic: false,
      };
    }
    case 'tender': {
      const facts = await orElse(() => tenderChatFacts(ctx, me, id), 'CHAT_CONTEXT_NOT_FOUND');
      if (!body.withOrgId) {
        // 公开答疑: one per tender, the buyer and every organisation that opens it
        return {
          key: `tender:${id}:public`,
          title: facts.title,
          contextId,
          orgIds: [facts.buyerOrgId, me],
          isPublic: true,
        };
      }
      if (!facts.deadlinePassed)
        throw chatErrors.raise('CHAT_TENDER_PRIVATE_BEFORE_DEADLINE', { deadline: facts.deadline.toISOString() });
      const bidder = facts.role === 'buyer' ? body.withOrgId : me;
      const buyerAsked = facts.role === 'buyer' || body.withOrgId === facts.buyerOrgId;
      if (!buyerAsked || !facts.bidderOrgIds.includes(bidder)) throw chatErrors.raise('CHAT_COUNTERPART_INVALID');
      return {
        key: `tender:${id}:private:${pair(facts.buyerOrgId, bidder)}`,
        title: facts.title,
        contextId,
        orgIds: [facts.buyerOrgId, bidder],
        isPublic: false,
      };
    }
    case 'contract': {
      const detail = await orElse(() => getContract(ctx, me, id), 'CHAT_CONTEXT_NOT_FOUND');
      return {
        key: `contract:${id}`,
        title: detail.contract.title,
        contextId,
        orgIds: detail.parties.map((p) => p.orgId),
        isPublic: false,
      };
    }
    case 'dispute': {
      const parties = await orElse(() => disputeParties(ctx, me, id), 'CHAT_CONTEXT_NOT_FOUND');
      return { key: `dispute:${id}`, title: parties.title, contextId, orgIds: parties.orgIds, isPublic: false };
    }
  }
}

/** 发起会话: finds the context's conversation or creates it; opening it again (or joining a tender's Q&A) is safe. */
export async function openConversation(ctx: AppContext, actor: ChatActor, body: OpenConversationBody) {
  const resolved = await resolveContext(ctx, actor, body);
  const now = new Date();
  const id = await ctx.db.transaction(async (tx) => {
    const row = await repo.insertConversation(tx, {
      id: newId(),
      kind: body.kind,
      contextId: resolved.contextId,
      contextKey: resolved.key,
      title: resolved.title,
      isPublic: resolved.isPublic,
      createdByOrgId: actor.orgId,
      createdAt: now,
    });
    await repo.addParticipants(tx, row.id, [...new Set(resolved.orgIds)], now);
    return row.id;
  });
  return getConversation(ctx, actor, id);
}

/** The conversation when the acting organisation takes part in it; otherwise it does not exist for them. */
export async function conversationFor(ctx: AppContext, orgId: string, conversationId: string) {
  const row = await repo.findConversation(ctx.db, conversationId);
  if (!row || !(await repo.isParticipant(ctx.db, conversationId, [orgId])))
    throw chatErrors.raise('CHAT_CONVERSATION_NOT_FOUND');
  return row;
}

export async function getConversation(
  ctx: AppContext,
  actor: ChatActor,
  conversationId: string,
): Promise<Conversation> {
  const row = await conversationFor(ctx, actor.orgId, conversationId);
  const [one] = await presentConversations(ctx, actor.userId, [row]);
  return one as Conversation;
}

export async function listConversations(ctx: AppContext, actor: ChatActor): Promise<ConversationList> {
  const rows = await repo.conversationsOfOrg(ctx.db, actor.orgId);
  const items = await presentConversations(ctx, actor.userId, rows);
  return { items, totalUnread: items.reduce((sum, c) => sum + c.unread, 0) };
}

export async function unreadTotal(ctx: AppContext, actor: ChatActor) {
  const rows = await repo.conversationsOfOrg(ctx.db, actor.orgId);
  const counts = await repo.unreadCounts(
    ctx.db,
    actor.userId,
    rows.map((r) => r.id),
  );
  return { total: [...counts.values()].reduce((a, b) => a + b, 0) };
}

export async function history(
  ctx: AppContext,
  actor: ChatActor,
  conversationId: string,
  query: { before?: number | undefined; q?: string | undefined; limit: number },
): Promise<ChatMessagePage> {
  await conversationFor(ctx, actor.orgId, conversationId);
  const rows = await repo.history(ctx.db, conversationId, { ...query, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit).reverse();
  return { items: await presentMessages(ctx, page), hasMore: rows.length > query.limit };
}

function checkText(body: string, withFile: boolean): string {
  const text = body.trim();
  if (text.length > CHAT_MESSAGE_MAX_CHARS)
    throw chatErrors.raise('CHAT_MESSAGE_TOO_LONG', { max: CHAT_MESSAGE_MAX_CHARS, length: text.length });
  if (!text && !withFile) throw chatErrors.raise('CHAT_MESSAGE_EMPTY');
  return text;
}

/**
 * What a chat attachment may be — images and documents — by the name's extension; the files module then checks the
 * bytes agree, so a PDF renamed .png is refused.
 */
const ATTACHMENT_KINDS = {
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  webp: 'image',
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  csv: 'csv',
} as const;

function attachmentKind(name: string) {
  const extension = name.split('.').pop()?.toLowerCase() ?? '';
  const kind = ATTACHMENT_KINDS[extension as keyof typeof ATTACHMENT_KINDS];
  if (!kind) throw fileErrors.raise('FILE_TYPE_UNSUPPORTED');
  return kind;
}

/**
 * 发送消息: stores the message (and its attachment through the files module), logs a contract conversation's message
 * in the evidence log in the same transaction, then tells every process (fan-out) after the commit.
 */
export async function postMessage(
  ctx: AppContext,
  fanout: ChatFanout,
  actor: ChatActor,
  conversationId: string,
  input: { body: string; file?: () => Promise<{ name: string; bytes: Buffer }> },
): Promise<ChatMessage> {
  const conversation = await conversationFor(ctx, actor.orgId, conversationId);
  const upload = input.file ? await input.file() : null;
  const text = checkText(input.body, Boolean(upload));
  const now = new Date();
  const stored = await ctx.db.transaction(async (tx) => {
    const file = upload
      ? await storeFile(
          ctx,
          {
            orgId: actor.orgId,
            userId: actor.userId,
            name: upload.name,
            bytes: upload.bytes,
            accept: [attachmentKind(upload.name)],
          },
          tx,
        )
      : null;
    const id = newId(now.getTime());
    const message = await repo.insertMessage(tx, {
      id,
      conversationId,
      senderOrgId: actor.orgId,
      senderUserId: actor.userId,
      body: text,
      fileId: file?.id ?? null,
      fileName: file?.name ?? null,
      fileKind: file?.kind ?? null,
      fileMime: file?.mime ?? null,
      fileSize: file?.size ?? null,
      fileSha256: file?.sha256 ?? null,
      createdAt: now,
    });
    if (conversation.kind === 'contract' && conversation.contextId) {
      const record = canonicalJson({
        contractId: conversation.contextId,
        conversationId,
        messageId: id,
        senderOrgId: actor.orgId,
        senderUserId: actor.userId,
        body: text,
        fileSha256: file?.sha256 ?? null,
        createdAt: now.toISOString(),
      });
      const sha256 = sha256Hex(record);
      await appendEvidence(
        ctx,
        { kind: 'chat.message', subject: `contract:${conversation.contextId}:chat:${id}`, sha256, orgId: actor.orgId },
        tx,
      );
      await repo.setEvidence(tx, message.seq, sha256);
      message.evidenceSha256 = sha256;
    }
    await repo.touchConversation(tx, conversationId, now);
    // the sender has read what they wrote
    await repo.advanceRead(tx, {
      conversationId,
      userId: actor.userId,
      orgId: actor.orgId,
      read: message.seq,
      delivered: message.seq,
      at: now,
    });
    return message;
  });
  await fanout.publish({ c: conversationId, m: stored.id });
  const [presented] = await presentMessages(ctx, [stored]);
  return presented as ChatMessage;
}

/** 已读: moves the user's read (and so delivered) mark forward and tells the other participants. */
export async function markRead(
  ctx: AppContext,
  fanout: ChatFanout,
  actor: ChatActor,
  conversationId: string,
  seq: number,
  delivered = seq,
) {
  await conversationFor(ctx, actor.orgId, conversationId);
  await repo.advanceRead(ctx.db, {
    conversationId,
    userId: actor.userId,
    orgId: actor.orgId,
    read: seq,
    delivered,
    at: new Date(),
  });
  await fanout.publish({ c: conversationId, r: actor.orgId });
}

/** 已送达 only: the user's client received messages up to `seq` (no read mark moves). */
export async function markDelivered(
  ctx: AppContext,
  fanout: ChatFanout,
  actor: ChatActor,
  conversationId: string,
  seq: number,
) {
  await repo.advanceRead(ctx.db, {
    conversationId,
    userId: actor.userId,
    orgId: actor.orgId,
    read: 0,
    delivered: seq,
    at: new Date(),
  });
  await fanout.publish({ c: conversationId, r: actor.orgId });
}

/** An organisation's receipt in a conversation: the furthest any of its members got. */
export async function receiptOf(ctx: AppContext, conversationId: string, orgId: string): Promise<ChatReceipt> {
  const reads = (await repo.readsOf(ctx.db, [conversationId])).filter((r) => r.orgId === orgId);
  return {
    conversationId,
    orgId,
    lastReadSeq: Math.max(0, ...reads.map((r) => r.lastReadSeq)),
    lastDeliveredSeq: Math.max(0, ...reads.map((r) => r.lastDeliveredSeq)),
  };
}

/** The attachment of a message, for any member of a participant organisation (the file stays the sender's). */
export async function attachment(
  ctx: AppContext,
  actor: ChatActor,
  conversationId: string,
  messageId: string,
): Promise<StoredFileRow> {
  await conversationFor(ctx, actor.orgId, conversationId);
  const message = await repo.findMessage(ctx.db, conversationId, messageId);
  if (!message?.fileId) throw chatErrors.raise('CHAT_MESSAGE_NOT_FOUND');
  return getFile(ctx, message.senderOrgId, message.fileId);
}

/** 断线补发: what the user missed in any conversation of any of their organisations, oldest first. */
export async function missedSince(ctx: AppContext, orgIds: readonly string[], after: number, limit = 500) {
  const rows = await repo.messagesAfter(ctx.db, orgIds, after, limit + 1);
  return { messages: await presentMessages(ctx, rows.slice(0, limit)), hasMore: rows.length > limit };
}

/** A message with the organisations taking part in its conversation, for pushing it to sockets. */
export async function messageForFanout(ctx: AppContext, messageId: string) {
  const row = await repo.findMessageById(ctx.db, messageId);
  if (!row) return null;
  const [message] = await presentMessages(ctx, [row]);
  return { message: message as ChatMessage, orgIds: await repo.participantOrgIds(ctx.db, row.conversationId) };
}

export async function participantsFor(ctx: AppContext, conversationId: string) {
  return repo.participantOrgIds(ctx.db, conversationId);
}

async function presentMessages(ctx: AppContext, rows: repo.MessageRow[]): Promise<ChatMessage[]> {
  if (rows.length === 0) return [];
  const [orgs, users] = await Promise.all([
    getOrganisations(
      ctx,
      rows.map((r) => r.senderOrgId),
    ),
    getUsers(
      ctx,
      rows.map((r) => r.senderUserId),
    ),
  ]);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const userName = new Map(users.map((u) => [u.id, u.displayName]));
  return rows.map((r) => ({
    id: r.id,
    conversationId: r.conversationId,
    seq: r.seq,
    senderOrgId: r.senderOrgId,
    senderOrgName: orgName.get(r.senderOrgId) ?? '—',
    senderUserId: r.senderUserId,
    senderName: userName.get(r.senderUserId) ?? '—',
    body: r.body,
    attachment:
      r.fileId && r.fileName && r.fileKind && r.fileMime && r.fileSha256
        ? {
            fileId: r.fileId,
            name: r.fileName,
            kind: r.fileKind,
            mime: r.fileMime,
            size: r.fileSize ?? 0,
            sha256: r.fileSha256,
          }
        : null,
    evidenceSha256: r.evidenceSha256,
    createdAt: r.createdAt.toISOString(),
  }));
}

async function presentConversations(
  ctx: AppContext,
  userId: string,
  rows: repo.ConversationRow[],
): Promise<Conversation[]> {
  const ids = rows.map((r) => r.id);
  const [participants, reads, lasts, unread] = await Promise.all([
    repo.participantsOf(ctx.db, ids),
    repo.readsOf(ctx.db, ids),
    repo.lastMessages(ctx.db, ids),
    repo.unreadCounts(ctx.db, userId, ids),
  ]);
  const orgs = await getOrganisations(
    ctx,
    participants.map((p) => p.orgId),
  );
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const lastById = new Map((await presentMessages(ctx, lasts)).map((m) => [m.conversationId, m]));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as Conversation['kind'],
    contextId: r.contextId,
    title: r.title,
    public: r.isPublic,
    participants: participants
      .filter((p) => p.conversationId === r.id)
      .map((p) => {
        const own = reads.filter((x) => x.conversationId === r.id && x.orgId === p.orgId);
        return {
          orgId: p.orgId,
          orgName: orgName.get(p.orgId) ?? '—',
          lastReadSeq: Math.max(0, ...own.map((x) => x.lastReadSeq)),
          lastDeliveredSeq: Math.max(0, ...own.map((x) => x.lastDeliveredSeq)),
        };
      }),
    lastMessage: lastById.get(r.id) ?? null,
    unread: unread.get(r.id) ?? 0,
    createdAt: r.createdAt.toISOString(),
  }));
}
