import type { EvidenceEntry } from '@zhuhe/contracts';
import type { CheckpointRow, EvidenceEntryRow, SubscriptionRow } from './evidence.repository';

/**
 * Organisation ids stay out of the public view: an entry is public by hash, kind and subject only. For a v2 entry
 * these fields are the whole preimage of its leaf.
 */
export function presentEntry(row: EvidenceEntryRow): EvidenceEntry {
  return {
    leafVersion: row.leafVersion === 2 ? 2 : 1,
    index: row.entryIndex,
    kind: row.kind,
    subject: row.subject,
    sha256: row.contentSha256,
    leafHash: row.leafHash,
    createdAt: row.createdAt.toISOString(),
  };
}

/** `note` is the full signed note (with cosignatures), from `noteWithCosignatures`. */
export function presentCheckpoint(row: CheckpointRow, note: string | null = null) {
  return {
    treeSize: row.treeSize,
    rootHash: row.rootHash,
    createdAt: row.createdAt.toISOString(),
    keyId: row.keyId,
    signature: row.signature,
    note,
  };
}

export function presentSubscription(row: SubscriptionRow) {
  return { id: row.id, email: row.email, label: row.label, createdAt: row.createdAt.toISOString() };
}
