import { utf8ToBytes } from './bytes';

/**
 * The public fields of an evidence entry, as the log publishes them. For a v2 entry they are exactly the leaf's
 * preimage; a v1 entry (logged before v2) also committed to the organisation id, which is not public, so its leaf
 * can only be taken from the log, not rebuilt.
 */
export interface PublicEntry {
  leafVersion: 1 | 2;
  index: number;
  kind: string;
  subject: string;
  sha256: string;
  /** ISO 8601 in UTC with milliseconds, exactly as `Date.prototype.toISOString` writes it */
  createdAt: string;
  /** the log's leaf hash (hex); for v2 it is recomputed, never trusted */
  leafHash: string;
}

export const LEAF_V2_HEADER = 'zhuhe-evidence-leaf/v2';

/** Why a field cannot go into a v2 leaf, or null when it can. */
export function leafFieldProblem(entry: Omit<PublicEntry, 'leafVersion' | 'leafHash'>): string | null {
  if (!Number.isSafeInteger(entry.index) || entry.index < 0) return 'index must be a non-negative integer';
  for (const [name, value] of [
    ['kind', entry.kind],
    ['subject', entry.subject],
  ] as const) {
    if (value.length === 0 || /[\n\r]/.test(value)) return `${name} must be non-empty and on one line`;
  }
  if (!/^[0-9a-f]{64}$/.test(entry.sha256)) return 'sha256 must be 64 lowercase hex digits';
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(entry.createdAt))
    return 'createdAt must be YYYY-MM-DDTHH:MM:SS.mmmZ';
  return null;
}

/**
 * The bytes a v2 leaf commits to: six lines, each ended by a line feed, in UTF-8:
 * `zhuhe-evidence-leaf/v2`, the index in decimal, kind, subject, the SHA-256 in lowercase hex, createdAt.
 */
export function leafDataV2(entry: Omit<PublicEntry, 'leafVersion' | 'leafHash'>): Uint8Array {
  const problem = leafFieldProblem(entry);
  if (problem) throw new TypeError(problem);
  return utf8ToBytes(
    `${LEAF_V2_HEADER}\n${entry.index}\n${entry.kind}\n${entry.subject}\n${entry.sha256}\n${entry.createdAt}\n`,
  );
}
