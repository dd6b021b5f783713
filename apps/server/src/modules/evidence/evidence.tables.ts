import { bigint, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 区块链存证 evidence log: an append-only Merkle log (RFC 6962). Each entry says that a document or record with
 * this SHA-256 existed, of this kind and subject, at this time. Entries are public by hash only.
 */
export const evidenceEntries = pgTable(
  'evidence_entries',
  {
    entryIndex: bigint('entry_index', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    contentSha256: text('content_sha256').notNull(),
    orgId: uuid('org_id'),
    leafHash: text('leaf_hash').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('evidence_entries_sha_idx').on(t.contentSha256), index('evidence_entries_subject_idx').on(t.subject)],
);

/** Hashes of the perfect subtrees (2^level leaves from index·2^level), stored as leaves arrive. */
export const evidenceNodes = pgTable(
  'evidence_nodes',
  {
    level: integer('level').notNull(),
    nodeIndex: bigint('node_index', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.level, t.nodeIndex] })],
);

/** A signed checkpoint: the tree's size and root at a time, signed with the platform's Ed25519 log key. */
export const evidenceCheckpoints = pgTable('evidence_checkpoints', {
  id: uuid('id').primaryKey(),
  treeSize: bigint('tree_size', { mode: 'number' }).notNull(),
  rootHash: text('root_hash').notNull(),
  createdAt: ts('created_at').notNull(),
  keyId: text('key_id').notNull(),
  signature: text('signature').notNull(),
});
