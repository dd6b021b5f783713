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
    /**
     * 1: the leaf is SHA-256(0x00 ‖ canonical JSON with the organisation id), not rebuildable from public data;
     * 2: the leaf's preimage is exactly the public entry (docs/EVIDENCE.md). Rows logged before v2 keep 1.
     */
    leafVersion: integer('leaf_version').notNull().default(1),
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

/**
 * A signed checkpoint: the tree's size and root at a time, signed with the platform's Ed25519 log key. Before the
 * signed-note format `note` is null and the signature covers `zhuhe-evidence-checkpoint/v1` text; since, `note` is
 * the C2SP checkpoint body the signature (of the signed-note key `key_id`) covers.
 */
export const evidenceCheckpoints = pgTable('evidence_checkpoints', {
  id: uuid('id').primaryKey(),
  treeSize: bigint('tree_size', { mode: 'number' }).notNull(),
  rootHash: text('root_hash').notNull(),
  createdAt: ts('created_at').notNull(),
  keyId: text('key_id').notNull(),
  signature: text('signature').notNull(),
  note: text('note'),
});

/**
 * The built-in witness's own state: its own Ed25519 key (generated at random, never derived from the platform's
 * keys; stored encrypted at rest) and the last checkpoint it cosigned, which every later one must extend.
 */
export const evidenceWitnessState = pgTable('evidence_witness_state', {
  name: text('name').primaryKey(),
  publicKey: text('public_key').notNull(),
  privateKeyEnc: text('private_key_enc').notNull(),
  treeSize: bigint('tree_size', { mode: 'number' }).notNull(),
  rootHash: text('root_hash'),
  updatedAt: ts('updated_at').notNull(),
});

/** Cosignatures (C2SP tlog-cosignature/v1) a witness gave a checkpoint. */
export const evidenceCosignatures = pgTable(
  'evidence_cosignatures',
  {
    checkpointId: uuid('checkpoint_id').notNull(),
    witness: text('witness').notNull(),
    /** the signature line, `— <witness> <base64(key id ‖ time ‖ signature)>` */
    line: text('line').notNull(),
    cosignedAt: ts('cosigned_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.checkpointId, t.witness] })],
);

/** Addresses (a court, a bank, an auditor) that receive every checkpoint by e-mail, so a split view shows. */
export const evidenceSubscriptions = pgTable('evidence_subscriptions', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull().unique(),
  label: text('label').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull(),
});
