import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, equalBytes, hexToBytes, isHex64, toBase64 } from './bytes';
import { leafDataV2, type PublicEntry } from './leaf';
import { leafHash, rootFromInclusionProof } from './merkle';
import {
  type CheckpointBody,
  type Note,
  parseCheckpointBody,
  parseNote,
  parseVerifierKey,
  type VerifierKey,
  verifyCosignature,
  verifyNoteSignature,
} from './note';

export interface InclusionProofInput {
  index: number;
  treeSize: number;
  auditPath: string[];
}

export interface EvidenceInput {
  /** the document's bytes; without them the file step is skipped and the entry's SHA-256 is taken as given */
  file?: Uint8Array;
  entry: PublicEntry;
  proof: InclusionProofInput;
  /** the checkpoint as a C2SP signed note, with the log's signature and any cosignatures */
  checkpoint: string;
  /** the log's verifier key, `<name>+<key id>+<base64>` */
  logKey: string;
  /** witnesses whose cosignature is required */
  witnessKeys?: string[];
}

export type StepId = 'file' | 'leaf' | 'inclusion' | 'checkpoint' | 'witness';

export interface Step {
  id: StepId;
  /** the witness's name, for witness steps */
  witness?: string;
  /** true: recomputed and matches; false: does not match; null: not checked (see detail) */
  ok: boolean | null;
  detail: string;
  computed?: string;
  expected?: string;
}

export interface EvidenceResult {
  ok: boolean;
  steps: Step[];
  /** the first step that failed */
  failed?: Step;
  checkpoint?: { origin: string; treeSize: number; rootHash: string };
}

export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/**
 * Checks one piece of evidence from public data alone: the file's SHA-256, the leaf rebuilt from the public entry,
 * the inclusion path up to the checkpoint's root, the log's signature on the checkpoint, and each witness's
 * cosignature. Every step is computed here; nothing the server says is taken as given except the published keys.
 */
export function verifyEvidence(input: EvidenceInput): EvidenceResult {
  const steps: Step[] = [];
  const { entry, proof } = input;

  // 1. the file
  if (input.file) {
    const computed = sha256Hex(input.file);
    steps.push({
      id: 'file',
      ok: computed === entry.sha256,
      detail:
        computed === entry.sha256
          ? 'the file hashes to the SHA-256 in the entry'
          : 'the file does not hash to the SHA-256 in the entry: it is not the logged document',
      computed,
      expected: entry.sha256,
    });
  } else {
    steps.push({ id: 'file', ok: null, detail: 'no file given: the entry’s SHA-256 is taken as given' });
  }

  // 2. the leaf
  let leaf: Uint8Array | null = null;
  if (entry.leafVersion === 2) {
    try {
      leaf = leafHash(leafDataV2(entry));
      const computed = bytesToHex(leaf);
      steps.push({
        id: 'leaf',
        ok: computed === entry.leafHash,
        detail:
          computed === entry.leafHash
            ? 'the leaf hash was rebuilt from the public entry (leaf format v2)'
            : 'the leaf rebuilt from the public entry differs from the leaf hash the log gave',
        computed,
        expected: entry.leafHash,
      });
    } catch (error) {
      steps.push({ id: 'leaf', ok: false, detail: `the entry cannot form a v2 leaf: ${(error as Error).message}` });
    }
  } else if (entry.leafVersion === 1 && isHex64(entry.leafHash)) {
    leaf = hexToBytes(entry.leafHash);
    steps.push({
      id: 'leaf',
      ok: null,
      detail: 'leaf format v1 commits to a non-public field: the leaf hash is taken from the log, not rebuilt',
      expected: entry.leafHash,
    });
  } else {
    steps.push({ id: 'leaf', ok: false, detail: `unknown leaf format ${String(entry.leafVersion)}` });
  }

  // the checkpoint text (needed for the root)
  let note: Note | null = null;
  let body: CheckpointBody | null = null;
  let checkpointProblem: string | null = null;
  try {
    note = parseNote(input.checkpoint);
    body = parseCheckpointBody(note.body);
  } catch (error) {
    checkpointProblem = `the checkpoint is not a signed checkpoint note: ${(error as Error).message}`;
  }

  // 3. inclusion
  if (!leaf) {
    steps.push({ id: 'inclusion', ok: null, detail: 'no leaf to prove' });
  } else if (!body) {
    steps.push({ id: 'inclusion', ok: false, detail: 'no checkpoint root to prove against' });
  } else if (proof.index !== entry.index) {
    steps.push({ id: 'inclusion', ok: false, detail: `the proof is for entry ${proof.index}, not ${entry.index}` });
  } else if (proof.treeSize !== body.treeSize) {
    steps.push({
      id: 'inclusion',
      ok: false,
      detail: `the proof is for a tree of ${proof.treeSize} entries, the checkpoint for ${body.treeSize}`,
    });
  } else if (!proof.auditPath.every(isHex64)) {
    steps.push({ id: 'inclusion', ok: false, detail: 'the audit path holds something other than SHA-256 hashes' });
  } else {
    const root = rootFromInclusionProof(proof.index, proof.treeSize, leaf, proof.auditPath.map(hexToBytes));
    const expected = bytesToHex(body.rootHash);
    const ok = root !== null && equalBytes(root, body.rootHash);
    steps.push({
      id: 'inclusion',
      ok,
      detail: ok
        ? `the path of ${proof.auditPath.length} hashes leads from the leaf to the checkpoint’s root`
        : root === null
          ? 'the audit path has the wrong length for this index and tree size'
          : 'the audit path does not lead to the checkpoint’s root',
      ...(root ? { computed: bytesToHex(root) } : {}),
      expected,
    });
  }

  // 4. the log's signature
  let logKey: VerifierKey | null = null;
  try {
    logKey = parseVerifierKey(input.logKey);
  } catch (error) {
    steps.push({ id: 'checkpoint', ok: false, detail: `the log key is unusable: ${(error as Error).message}` });
  }
  if (logKey) {
    if (!note || !body) {
      steps.push({ id: 'checkpoint', ok: false, detail: checkpointProblem ?? 'no checkpoint' });
    } else if (body.origin !== logKey.name) {
      steps.push({
        id: 'checkpoint',
        ok: false,
        detail: `the checkpoint is of log “${body.origin}”, the key of “${logKey.name}”`,
      });
    } else {
      const check = verifyNoteSignature(note, logKey);
      steps.push({
        id: 'checkpoint',
        ok: check.status === 'valid',
        detail:
          check.status === 'valid'
            ? `Ed25519 signature of ${logKey.name} valid on the checkpoint of ${body.treeSize} entries`
            : check.status === 'missing'
              ? `the checkpoint carries no signature of ${logKey.name} with this key`
              : `the log’s signature is invalid: ${check.reason}`,
        computed: toBase64(logKey.keyHash),
      });
    }
  }

  // 5. witnesses
  for (const text of input.witnessKeys ?? []) {
    let key: VerifierKey;
    try {
      key = parseVerifierKey(text);
    } catch (error) {
      steps.push({ id: 'witness', ok: false, detail: `a witness key is unusable: ${(error as Error).message}` });
      continue;
    }
    if (!note) {
      steps.push({ id: 'witness', witness: key.name, ok: false, detail: 'no checkpoint' });
      continue;
    }
    const check = verifyCosignature(note, key);
    steps.push({
      id: 'witness',
      witness: key.name,
      ok: check.status === 'valid',
      detail:
        check.status === 'valid'
          ? `cosigned by ${key.name} at ${new Date((check.time ?? 0) * 1000).toISOString()}`
          : check.status === 'missing'
            ? `no cosignature of ${key.name}`
            : `the cosignature of ${key.name} is invalid: ${check.reason}`,
    });
  }

  const failed = steps.find((s) => s.ok === false);
  return {
    ok: !failed,
    steps,
    ...(failed ? { failed } : {}),
    ...(body
      ? { checkpoint: { origin: body.origin, treeSize: body.treeSize, rootHash: bytesToHex(body.rootHash) } }
      : {}),
  };
}
