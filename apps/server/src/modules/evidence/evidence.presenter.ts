import type { EvidenceEntry } from '@zhuhe/contracts';
import type { CheckpointRow, EvidenceEntryRow } from './evidence.repository';

/** Organisation ids stay out of the public view: an entry is public by hash, kind and subject only. */
export function presentEntry(row: EvidenceEntryRow): EvidenceEntry {
  return {
    index: row.entryIndex,
    kind: row.kind,
    subject: row.subject,
    sha256: row.contentSha256,
    leafHash: row.leafHash,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentCheckpoint(row: CheckpointRow) {
  return {
    treeSize: row.treeSize,
    rootHash: row.rootHash,
    createdAt: row.createdAt.toISOString(),
    keyId: row.keyId,
    signature: row.signature,
  };
}
