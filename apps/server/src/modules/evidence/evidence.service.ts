import { X509Certificate } from 'node:crypto';
import {
  type EvidenceBundle,
  formatCheckpointBody,
  leafDataV2,
  leafFieldProblem,
  type PublicEntry,
  parseNote,
  parseVerifierKey,
  verifyNoteSignature,
} from '@zhuhe/verify';
import type { AppContext } from '../../infra/context';
import { canonicalJson } from '../../infra/crypto';
import type { DbOrTx } from '../../infra/db/client';
import { newId } from '../../infra/ids';
import { queueMail } from '../../infra/mail/outbox';
import { caCertificatePem } from '../signing';
import { evidenceErrors } from './evidence.errors';
import {
  deriveLogKey,
  LOG_ORIGIN,
  type LogKey,
  logVerifierKey,
  noteKeyId,
  signedNote,
  signNoteBody,
  verifyCheckpointSignature,
} from './evidence.keys';
import { consistencyProof, type Hash, inclusionPath, leafHash, nodeHash, subtreeHashFrom } from './evidence.merkle';
import * as repo from './evidence.repository';
import { BUILT_IN_WITNESS, cosign, witnessHead } from './evidence.witness';

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
  let key = keys.get(ctx.config.lookupKey);
  if (!key) {
    key = deriveLogKey(ctx.config.lookupKey);
    keys.set(ctx.config.lookupKey, key);
  }
  return key;
}

type LeafColumns = Pick<
  repo.EvidenceEntryRow,
  'entryIndex' | 'kind' | 'subject' | 'contentSha256' | 'orgId' | 'createdAt' | 'leafVersion'
>;

/**
 * The bytes a leaf commits to. v2 (every entry logged since): exactly the public entry, so anyone holding the
 * entry and the file can rebuild the leaf (docs/EVIDENCE.md). v1 (older rows, kept as logged): canonical JSON of
 * every column including the organisation id, which is not public.
 */
export function leafData(entry: LeafColumns): Buffer {
  if (entry.leafVersion === 2) {
    return Buffer.from(
      leafDataV2({
        index: entry.entryIndex,
        kind: entry.kind,
        subject: entry.subject,
        sha256: entry.contentSha256,
        createdAt: entry.createdAt.toISOString(),
      }),
    );
  }
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
      leafVersion: 2,
    };
    const problem = leafFieldProblem({
      index: entryIndex,
      kind: entry.kind,
      subject: entry.subject,
      sha256: entry.contentSha256,
      createdAt: entry.createdAt.toISOString(),
    });
    if (problem) throw new TypeError(`evidence item cannot be logged: ${problem}`);
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

/**
 * Signs the current tree head as a C2SP checkpoint note, has the built-in witness cosign it (handing it a
 * consistency proof from the last tree it cosigned) and mails it to the subscribers. Run after each signing or
 * sealing, at the end of demo seeding, hourly by a job, and on demand.
 */
export async function createCheckpoint(
  ctx: Pick<AppContext, 'db' | 'config' | 'jobs' | 'log'>,
): Promise<repo.CheckpointRow> {
  const row = await ctx.db.transaction(async (tx) => {
    await repo.lockLog(tx);
    const treeSize = await repo.nextEntryIndex(tx);
    const root = await storedSubtrees(tx)(0, treeSize);
    const key = logKey(ctx);
    const body = formatCheckpointBody(LOG_ORIGIN, treeSize, root);
    const row = {
      id: newId(),
      treeSize,
      rootHash: root.toString('hex'),
      createdAt: new Date(),
      keyId: noteKeyId(key),
      signature: signNoteBody(key, body),
      note: body,
    };
    await repo.insertCheckpoint(tx, row);
    return row;
  });
  await witnessCheckpoint(ctx, row);
  return row;
}

/** Hands a checkpoint to the built-in witness and stores its cosignature; a refusal is logged, never hidden. */
async function witnessCheckpoint(ctx: Pick<AppContext, 'db' | 'config' | 'jobs' | 'log'>, row: repo.CheckpointRow) {
  if (!row.note) return;
  // Two checkpoints signed at once can race for the witness: the second proof is then from a stale size, so a
  // refusal is retried once with the witness's fresh head (the witness checks everything again).
  let line: string | null = null;
  let head = await witnessHead(ctx);
  for (let attempt = 0; attempt < 2 && !line; attempt++) {
    try {
      head = await witnessHead(ctx);
      const consistency =
        head.treeSize > 0 && head.treeSize <= row.treeSize
          ? (await consistencyProof(storedSubtrees(ctx.db), head.treeSize, row.treeSize)).map((h) => h.toString('hex'))
          : [];
      line = await cosign(ctx, {
        note: signedNote(row.note, row.keyId, row.signature),
        logKey: logVerifierKey(logKey(ctx)),
        consistency,
      });
    } catch (error) {
      if (attempt === 1)
        ctx.log.error({ err: error, treeSize: row.treeSize }, 'evidence: the witness refused a checkpoint');
    }
  }
  if (!line) return;
  const cosignature = line;
  await ctx.db.transaction(async (tx) => {
    await repo.insertCosignature(tx, {
      checkpointId: row.id,
      witness: BUILT_IN_WITNESS,
      line: cosignature,
      cosignedAt: new Date(),
    });
    const note = signedNote(row.note as string, row.keyId, row.signature, [cosignature]);
    for (const s of await repo.listSubscriptions(tx)) {
      await queueMail(
        ctx.jobs,
        {
          to: s.email,
          subject: `筑合存证检查点 ZhuHe evidence checkpoint: ${row.treeSize}`,
          text: checkpointMail(note, logVerifierKey(logKey(ctx)), head.verifierKey),
        },
        { tx, dedupeKey: `evidence-checkpoint:${row.id}:${s.id}` },
      );
    }
  });
}

function checkpointMail(note: string, logKeyText: string, witnessKey: string): string {
  return [
    '筑合存证日志的新检查点如下。请保存本邮件：若日后有人出示与此不一致的同一日志大小或无法与其一致的检查点，说明日志被分叉。',
    'A new checkpoint of the ZhuHe evidence log follows. Keep this e-mail: a checkpoint of the same size with another',
    'root, or one not consistent with this one, shows that the log was forked.',
    '',
    note,
    `log key: ${logKeyText}`,
    `witness key: ${witnessKey}`,
    '',
    'Formats: docs/EVIDENCE.md · verifier: npx zhuhe-verify',
  ].join('\n');
}

/** The checkpoint as a full signed note: body, the log's signature and the witnesses' cosignatures. */
export async function noteWithCosignatures(ctx: Pick<AppContext, 'db'>, rows: repo.CheckpointRow[]) {
  const cosignatures = await repo.cosignaturesFor(
    ctx.db,
    rows.filter((r) => r.note).map((r) => r.id),
  );
  return new Map(
    rows.map((r) => [
      r.id,
      r.note
        ? signedNote(
            r.note,
            r.keyId,
            r.signature,
            cosignatures.filter((c) => c.checkpointId === r.id).map((c) => c.line),
          )
        : null,
    ]),
  );
}

export async function publishedKeys(ctx: Pick<AppContext, 'db' | 'config'>) {
  const key = logKey(ctx);
  const witness = await witnessHead(ctx);
  return { key, logVerifierKey: logVerifierKey(key), witnessKeys: [witness.verifierKey] };
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
  const noteKey = parseVerifierKey(logVerifierKey(key));
  const notes = await noteWithCosignatures(ctx, checkpoints);
  for (const c of checkpoints) {
    const note = notes.get(c.id);
    if (note) {
      const expectedBody = formatCheckpointBody(LOG_ORIGIN, c.treeSize, Buffer.from(c.rootHash, 'hex'));
      if (c.keyId !== noteKeyId(key))
        problems.push(`checkpoint ${c.id} is signed with key ${c.keyId}, not the current log key`);
      else if (c.note !== expectedBody || verifyNoteSignature(parseNote(note), noteKey).status !== 'valid')
        problems.push(`checkpoint ${c.id} (size ${c.treeSize}) has an invalid signature`);
    } else if (c.keyId !== key.keyId)
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

/** The entry as the public sees it: for v2, exactly the leaf's preimage plus the leaf hash. */
export function publicEntry(row: repo.EvidenceEntryRow): PublicEntry {
  return {
    leafVersion: row.leafVersion === 2 ? 2 : 1,
    index: row.entryIndex,
    kind: row.kind,
    subject: row.subject,
    sha256: row.contentSha256,
    createdAt: row.createdAt.toISOString(),
    leafHash: row.leafHash,
  };
}

/** The latest signed-note checkpoint that covers the entry, with its proof. */
async function proofInLatestNote(ctx: Pick<AppContext, 'db'>, entryIndex: number) {
  const checkpoint = await repo.latestCheckpoint(ctx.db);
  if (!checkpoint?.note || entryIndex >= checkpoint.treeSize) throw evidenceErrors.raise('EVIDENCE_NO_CHECKPOINT');
  const proof = await proveInclusion(ctx, entryIndex, checkpoint.treeSize);
  const note = (await noteWithCosignatures(ctx, [checkpoint])).get(checkpoint.id) as string;
  return { checkpoint, note, proof };
}

/**
 * The evidence bundle of an entry: public entry, inclusion proof, the checkpoint note with cosignatures, the log
 * and witness keys and the seal CA. The document itself is left out (it is not public); whoever holds it checks
 * it with `zhuhe-verify FILE --bundle bundle.zip`, or the /verify page adds it to the bundle it saves.
 */
export async function evidenceBundle(ctx: Pick<AppContext, 'db' | 'config'>, entryIndex: number) {
  const entry = await getEntry(ctx, entryIndex);
  const { note, proof } = await proofInLatestNote(ctx, entryIndex);
  const keys = await publishedKeys(ctx);
  const sealCaPem = await caCertificatePem(ctx);
  const bundle: EvidenceBundle = {
    format: 'zhuhe-evidence-bundle/v1',
    entry: publicEntry(entry),
    proof: { index: entryIndex, treeSize: proof.treeSize, auditPath: proof.auditPath },
    checkpoint: note,
    logKey: keys.logVerifierKey,
    witnessKeys: keys.witnessKeys,
    sealCaPem,
    sealCaSha256: caFingerprint(sealCaPem),
  };
  return bundle;
}

/** SHA-256 of the seal CA certificate's DER, the fingerprint published for it. */
export function caFingerprint(pem: string): string {
  return new X509Certificate(pem).fingerprint256.replace(/:/g, '').toLowerCase();
}

export async function sealCaFingerprint(ctx: Pick<AppContext, 'db' | 'config'>) {
  return caFingerprint(await caCertificatePem(ctx));
}

export async function listSubscriptions(ctx: Pick<AppContext, 'db'>) {
  return repo.listSubscriptions(ctx.db);
}

export async function addSubscription(
  ctx: Pick<AppContext, 'db'>,
  input: { email: string; label: string },
  createdBy: string | null,
) {
  return repo.insertSubscription(ctx.db, {
    id: newId(),
    email: input.email.trim().toLowerCase(),
    label: input.label.trim(),
    createdBy,
    createdAt: new Date(),
  });
}

export async function removeSubscription(ctx: Pick<AppContext, 'db'>, id: string) {
  if (!(await repo.deleteSubscription(ctx.db, id))) throw evidenceErrors.raise('EVIDENCE_SUBSCRIPTION_NOT_FOUND');
}
