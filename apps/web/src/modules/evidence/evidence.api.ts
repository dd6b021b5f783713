import { EvidenceLookupResult, LogPublicKey } from '@zhuhe/contracts';
import type { z } from 'zod';
import { apiRequest } from '../../app/api-client';

export type EvidenceLookupData = z.infer<typeof EvidenceLookupResult>;

export async function lookupEvidence(sha256: string): Promise<EvidenceLookupData> {
  return apiRequest('POST', '/api/evidence/lookup', EvidenceLookupResult, { body: { sha256 } });
}

export async function fetchLogPublicKey() {
  return apiRequest('GET', '/api/evidence/public-key', LogPublicKey);
}
