import { EvidenceLookupResult, LogPublicKey } from '@zhuhe/contracts';
import type { z } from 'zod';
import { apiRequest } from '../../app/api-client';

export type EvidenceLookupData = z.infer<typeof EvidenceLookupResult>;
export type LogPublicKeyData = z.infer<typeof LogPublicKey>;

export async function lookupEvidence(sha256: string): Promise<EvidenceLookupData> {
  return apiRequest('POST', '/api/evidence/lookup', EvidenceLookupResult, { body: { sha256 } });
}

export async function fetchLogPublicKey(): Promise<LogPublicKeyData> {
  return apiRequest('GET', '/api/evidence/public-key', LogPublicKey);
}

/** The public bundle of an entry (no document in it): a zip, read by @zhuhe/verify. */
export async function fetchEvidenceBundle(entryIndex: number): Promise<Uint8Array> {
  const response = await fetch(`/api/evidence/entries/${entryIndex}/bundle`, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`bundle ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
