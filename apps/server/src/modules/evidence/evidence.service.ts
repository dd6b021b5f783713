import type { AppContext } from '../../infra/context';
import { canonicalJson } from '../../infra/crypto';
import type { DbOrTx } from '../../infra/db/client';
import { newId } from '../../infra/ids';
import { evidenceErrors } from './evidence.errors';
import { deriveLogKey, type LogKey, signCheckpoint, verifyCheckpointSignature } from './evidence.keys';
import { consistencyProof, type Hash, inclusionPath, leafHash, nodeHash, subtreeHashFrom } from './evidence.merkle';
import * as repo from './evidence.repository';

export type { CheckpointRow, EvidenceEntryRow } from './evidence.repository';

export interface EvidenceItem {
  /** what sort of evidence: `tender.published`, `contract.version`, `contract.signed`, `progress.photo` … */
  kind: string;
  /** what it is about, e.g. `contract:<id>:v2` */
  subject: string;
  /** SHA-256 (hex) of the document or canonical record */
  sha256: string;
  orgId?: string | null;
}

const keys = new WeakMap<Buffer, LogKey>();
export function logKey(ctx: Pick<AppContext, 'config'>): LogKey {
  let key = keys.get(ctx.config.masterKey);
  if (!key) {
    key = deriveLogKey(ctx.config.masterKey);
    keys.set(ctx.config.masterKey, key);
  }
  return key;
}

/** The bytes a leaf commits to: every column of the entry, so altering any of them changes the leaf hash. */
export function leafData(
  entry: Pick<repo.EvidenceEntryRow, 'entryIndex' | 'kind' | 'subject' | 'contentSha256' | 'orgId' | 'createdAt'>,
): Buffer {
  return Buffer.from(
    canonicalJson({
      v: 1,
      index: entry.entryIndex,
      kind: entry.kind,
      subject: entry.subject,
      sha256: entry.contentSha256,
      orgId: entry.orgId,
      createdAt: entry.createdAt.toISOString(),
    }),
  );
}

/**
 * Appends an evidence item. Pass the caller's transaction so the item is logged exactly when the change it
 * proves commits. Appends are serialised by an advisory lock; the perfect subtrees the new leaf completes are
 * stored at once.
 */
export async function appendEvidence(
  ctx: Pick<AppContext, 'db'>,
  item: EvidenceItem,
  tx?: DbOrTx,
): Promise<repo.EvidenceEntryRow> {
  const run = async (db: DbOrTx) => {
    await repo.lockLog(db);
    const entryIndex = await repo.nextEntryIndex(db);
    const entry = {
      entryIndex,
      kind: item.kind,
      subject: item.subject,
      contentSha256: item.sha256.toLowerCase(),
      orgId: item.orgId ?? null,
      createdAt: new Date(),
    };
    let hash = leafHash(leafData(entry));
    const row = { ...entry, leafHash: hash.toString('hex') };
    await repo.insertEntry(db, row);
    await repo.insertNode(db, 0, entryIndex, row.leafHash);
    // Leaf i completes the subtree of 2^(l+1) leaves ending at i whenever i+1 is a multiple of 2^(l+1).
    for (let level = 0; (entryIndex + 1) % 2 ** (level + 1) === 0; level++) {
      const parentIndex = (entryIndex + 1) / 2 ** (level + 1) - 1;
      const left = await repo.findNode(db, level, parentIndex * 2);
      if (!left) throw new Error(`evidence node ${level}/${parentIndex * 2} missing`);
      hash = nodeHash(Buffer.from(left, 'hex'), hash);
      await repo.insertNode(db, level + 1, parentIndex, hash.toString('hex'));
    }
    return row;
  };
  return tx ? run(tx) : ctx.db.transaction(run);
}

function storedSubtrees(db: DbOrTx) {
  const cache = new Map<string, Hash>();
  return subtreeHashFrom(async (level, index) => {
    const key = `${level}/${index}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const hex = await repo.findNode(db, level, index);
    if (!hex) throw new Error(`evidence node ${key} missing`);
    const hash = Buffer.from(hex, 'hex');
    cache.set(key, hash);
    return hash;
  });
}

export async function currentSize(ctx: Pick<AppContext, 'db'>): Promise<number> {
  return repo.nextEntryIndex(ctx.db);
}

export async function rootAt(ctx: Pick<AppContext, 'db'>, size: number): Promise<Hash> {
  return storedSubtrees(ctx.db)(0, size);
}

/** Signs the current tree head. Run hourly by a job, and on demand. */
export async function createCheckpoint(ctx: Pick<AppContext, 'db' | 'config'>): Promise<repo.CheckpointRow> {
  return ctx.db.transaction(async (tx) => {
    await repo.lockLog(tx);
    const treeSize = await repo.nextEntryIndex(tx);
    const rootHash = (await storedSubtrees(tx)(0, treeSize)).toString('hex');
    const createdAt = new Date();
    const key = logKey(ctx);
    const row = {
      id: newId(),
      treeSize,
      rootHash,
      createdAt,
      keyId: key.keyId,
      signature: signCheckpoint(key, treeSize, rootHash, createdAt),
    };
    await repo.insertCheckpoint(tx, row);
    return row;
  });
}

export async function latestCheckpoint(ctx: Pick<AppContext, 'db'>): Promise<repo.CheckpointRow> {
  const row = await repo.latestCheckpoint(ctx.db);
  if (!row) throw evidenceErrors.raise('EVIDENCE_NO_CHECKPOINT');
  return row;
}

export async function listCheckpoints(ctx: Pick<AppContext, 'db'>, limit: number) {
  return repo.listCheckpoints(ctx.db, limit);
}

export async function getEntry(ctx: Pick<AppContext, 'db'>, entryIndex: number): Promise<repo.EvidenceEntryRow> {
  const row = await repo.findEntry(ctx.db, entryIndex);
  if (!row) throw evidenceErrors.raise('EVIDENCE_ENTRY_NOT_FOUND');
  return row;
}

export async function findBySha256(ctx: Pick<AppContext, 'db'>, sha256: string) {
  return repo.entriesBySha(ctx.db, sha256.toLowerCase());
}

export async function findBySubjects(ctx: Pick<AppContext, 'db'>, subjects: string[]) {
  return repo.entriesBySubjects(ctx.db, subjects);
}

async function assertSize(ctx: Pick<AppContext, 'db'>, treeSize: number): Promise<void> {
  const size = await repo.nextEntryIndex(ctx.db);
  if (!Number.isInteger(treeSize) || treeSize < 1 || treeSize > size)
    throw evidenceErrors.raise('EVIDENCE_TREE_SIZE_INVALID', { size });
}

export async function proveInclusion(ctx: Pick<AppContext, 'db'>, entryIndex: number, treeSize: number) {
  await assertSize(ctx, treeSize);
  if (entryIndex < 0 || entryIndex >= treeSize) throw evidenceErrors.raise('EVIDENCE_ENTRY_NOT_FOUND');
  const entry = await getEntry(ctx, entryIndex);
  const path = await inclusionPath(storedSubtrees(ctx.db), entryIndex, 0, treeSize);
  return { entry, treeSize, auditPath: path.map((h) => h.toString('hex')) };
}

export async function proveConsistency(ctx: Pick<AppContext, 'db'>, first: number, second: number) {
  await assertSize(ctx, second);
  if (!Number.isInteger(first) || first < 1 || first > second) {
    throw evidenceErrors.raise('EVIDENCE_TREE_SIZE_INVALID', { size: second });
  }
  const proof = await consistencyProof(storedSubtrees(ctx.db), first, second);
  return { first, second, proof: proof.map((h) => h.toString('hex')) };
}

export interface LogVerification {
  ok: boolean;
  entries: number;
  checkpoints: number;
  problems: string[];
}

/**
 * Verifies the whole log without trusting its stored tree: every entry's leaf is recomputed from its columns,
 * indexes must be gap-free, every stored subtree node must equal the hash of its children, and every signed
 * checkpoint's root must equal the root recomputed from the leaves (and its signature must verify).
 */
export async function verifyLog(ctx: Pick<AppContext, 'db' | 'config'>, pageSize = 2000): Promise<LogVerification> {
  const problems: string[] = [];
  const checkpoints = await repo.allCheckpoints(ctx.db);
  const bySize = new Map<number, repo.CheckpointRow[]>();
  for (const c of checkpoints) bySize.set(c.treeSize, [...(bySize.get(c.treeSize) ?? []), c]);
  const key = logKey(ctx);
  for (const c of checkpoints) {
    if (c.keyId !== key.keyId)
      problems.push(`checkpoint ${c.id} is signed with key ${c.keyId}, not the current log key`);
    else if (!verifyCheckpointSignature(key.publicKey, c.treeSize, c.rootHash, c.createdAt, c.signature)) {
      problems.push(`checkpoint ${c.id} (size ${c.treeSize}) has an invalid signature`);
    }
  }
  // Frontier of perfect subtrees, largest first, for the root at each size.
  const frontier: { size: number; hash: Hash }[] = [];
  const rootOfFrontier = (): Hash => {
    let root = frontier[frontier.length - 1]?.hash as Hash;
    for (let i = frontier.length - 2; i >= 0; i--) root = nodeHash(frontier[i]?.hash as Hash, root);
    return root;
  };
  const checkRootsAt = (size: number) => {
    for (const c of bySize.get(size) ?? []) {
      if (rootOfFrontier().toString('hex') !== c.rootHash)
        problems.push(`checkpoint at size ${size} does not match the entries: an entry was altered`);
    }
  };
  let expected = 0;
  for (;;) {
    const [entries, leaves] = await Promise.all([
      repo.entriesPage(ctx.db, expected, pageSize),
      repo.nodesPage(ctx.db, 0, expected, pageSize),
    ]);
    const leafByIndex = new Map(leaves.map((n) => [n.nodeIndex, n.hash]));
    for (const entry of entries) {
      if (entry.entryIndex !== expected) {
        problems.push(`entry ${expected} is missing`);
        return { ok: false, entries: expected, checkpoints: checkpoints.length, problems };
      }
      const recomputed = leafHash(leafData(entry));
      if (recomputed.toString('hex') !== entry.leafHash || leafByIndex.get(entry.entryIndex) !== entry.leafHash) {
        problems.push(`entry ${entry.entryIndex} was altered (its leaf hash does not match its contents)`);
      }
      let node = { size: 1, hash: recomputed };
      while (frontier.length > 0 && frontier[frontier.length - 1]?.size === node.size) {
        const left = frontier.pop() as { size: number; hash: Hash };
        node = { size: node.size * 2, hash: nodeHash(left.hash, node.hash) };
      }
      frontier.push(node);
      expected += 1;
      checkRootsAt(expected);
    }
    if (entries.length < pageSize) break;
  }
  for (const c of checkpoints) {
    if (c.treeSize > expected)
      problems.push(`checkpoint at size ${c.treeSize} covers entries that are no longer in the log (removed)`);
  }
  // Stored interior nodes must be the hash of their stored children.
  for (let level = 1; ; level++) {
    let from = 0;
    let any = false;
    for (;;) {
      const parents = await repo.nodesPage(ctx.db, level, from, pageSize);
      if (parents.length === 0) break;
      any = true;
      const first = parents[0]?.nodeIndex ?? 0;
      const children = await repo.nodesPage(ctx.db, level - 1, first * 2, (parents.length + 1) * 2);
      const child = new Map(children.map((n) => [n.nodeIndex, n.hash]));
      for (const p of parents) {
        const l = child.get(p.nodeIndex * 2);
        const r = child.get(p.nodeIndex * 2 + 1);
        if (!l || !r || nodeHash(Buffer.from(l, 'hex'), Buffer.from(r, 'hex')).toString('hex') !== p.hash) {
          problems.push(`stored node ${level}/${p.nodeIndex} does not match its children`);
        }
      }
      from = (parents[parents.length - 1]?.nodeIndex ?? 0) + 1;
      if (parents.length < pageSize) break;
    }
    if (!any) break;
  }
  return { ok: problems.length === 0, entries: expected, checkpoints: checkpoints.length, problems };
}
