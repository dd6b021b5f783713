import { z } from 'zod';

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/i, { message: 'SHA256_INVALID' });

/** An entry of the evidence log (区块链存证): the hash of a document or record, what it is, and when it was logged. */
export const EvidenceEntry = z.object({
  /** 2: the leaf hash is SHA-256(0x00 ‖ these fields in the v2 leaf format of docs/EVIDENCE.md); 1: older, not rebuildable */
  leafVersion: z.union([z.literal(1), z.literal(2)]),
  index: z.number().int(),
  kind: z.string(),
  subject: z.string(),
  sha256: z.string(),
  leafHash: z.string(),
  createdAt: z.iso.datetime(),
});
export type EvidenceEntry = z.infer<typeof EvidenceEntry>;

/**
 * A signed tree head. `note`: the C2SP signed-note checkpoint with the log's signature and the witnesses'
 * cosignatures (docs/EVIDENCE.md); null for checkpoints signed before, whose Ed25519 signature covers
 * "zhuhe-evidence-checkpoint/v1\n{treeSize}\n{rootHash}\n{createdAt}\n".
 */
export const Checkpoint = z.object({
  treeSize: z.number().int(),
  rootHash: z.string(),
  createdAt: z.iso.datetime(),
  keyId: z.string(),
  signature: z.string(),
  note: z.string().nullable(),
});
export const CheckpointList = z.object({ items: z.array(Checkpoint) });

export const LogPublicKey = z.object({
  algorithm: z.literal('Ed25519'),
  keyId: z.string(),
  publicKeyPem: z.string(),
  /** the log key as a signed-note verifier key, name+keyid+base64 */
  verifierKey: z.string(),
  /** the witnesses' cosignature/v1 verifier keys */
  witnessKeys: z.array(z.string()),
  /** SHA-256 (hex) of the seal CA certificate (DER) */
  sealCaSha256: z.string(),
});

/** An address that receives every checkpoint by e-mail (a court, a bank, an auditor). */
export const EvidenceSubscriptionBody = z.object({
  email: z
    .string()
    .trim()
    .pipe(z.email({ message: 'EMAIL_INVALID' })),
  label: z.string().trim().min(1, { message: 'TEXT_REQUIRED' }).max(100, { message: 'TEXT_TOO_LONG' }),
});
export const EvidenceSubscription = z.object({
  id: z.string(),
  email: z.string(),
  label: z.string(),
  createdAt: z.iso.datetime(),
});
export const EvidenceSubscriptionList = z.object({ items: z.array(EvidenceSubscription) });
export const SubscriptionParams = z.object({ subscriptionId: z.uuid() });

export const EntryParams = z.object({ entryIndex: z.coerce.number().int().min(0) });
export const InclusionQuery = z.object({
  index: z.coerce.number().int().min(0),
  treeSize: z.coerce.number().int().min(1),
});
export const InclusionProof = z.object({
  entry: EvidenceEntry,
  treeSize: z.number().int(),
  auditPath: z.array(z.string()),
});
export const ConsistencyQuery = z.object({
  first: z.coerce.number().int().min(1),
  second: z.coerce.number().int().min(1),
});
export const ConsistencyProof = z.object({
  first: z.number().int(),
  second: z.number().int(),
  proof: z.array(z.string()),
});

/** The public check: the file is hashed in the browser, only its SHA-256 is sent. */
export const EvidenceLookupBody = z.object({ sha256: Hex64 });
export const EvidenceLookupResult = z.object({
  sha256: z.string(),
  found: z.boolean(),
  checkpoint: Checkpoint.nullable(),
  matches: z.array(
    z.object({
      entry: EvidenceEntry,
      /** proof against the checkpoint, when the entry is covered by it (else null: logged after the last checkpoint) */
      auditPath: z.array(z.string()).nullable(),
    }),
  ),
});
