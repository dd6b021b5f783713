import {
  BannedTerm,
  BannedTermList,
  ComplianceCheckResult,
  type CreateBannedTermBody,
  type CreateTakedownBody,
  TakedownList,
  TakedownRecord,
} from '@zhuhe/contracts';
import type { z } from 'zod';
import { apiRequest } from '../../app/api-client';

export type ComplianceHitData = z.infer<typeof ComplianceCheckResult>['hits'][number];
export type BannedTermData = z.infer<typeof BannedTerm>;
export type TakedownData = z.infer<typeof TakedownRecord>;

export function checkTexts(texts: Record<string, string>) {
  return apiRequest('POST', '/api/compliance/check', ComplianceCheckResult, { body: { texts } });
}
export async function fetchBannedTerms(): Promise<BannedTermData[]> {
  return (await apiRequest('GET', '/api/staff/banned-terms', BannedTermList)).items;
}
export function addBannedTerm(body: z.input<typeof CreateBannedTermBody>) {
  return apiRequest('POST', '/api/staff/banned-terms', BannedTerm, { body });
}
export function setBannedTermActive(id: string, active: boolean) {
  return apiRequest('PATCH', `/api/staff/banned-terms/${encodeURIComponent(id)}`, BannedTerm, { body: { active } });
}
export async function fetchTakedowns(): Promise<TakedownData[]> {
  return (await apiRequest('GET', '/api/staff/takedowns', TakedownList)).items;
}
export function takeDown(body: z.input<typeof CreateTakedownBody>) {
  return apiRequest('POST', '/api/staff/takedowns', TakedownRecord, { body });
}
export function liftTakedown(id: string) {
  return apiRequest('POST', `/api/staff/takedowns/${encodeURIComponent(id)}/lift`, TakedownRecord);
}
