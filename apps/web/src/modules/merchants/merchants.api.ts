import {
  type InspectionResultBody,
  MaybeMerchantApplication,
  MerchantApplication,
  type MerchantApplicationInput,
  MerchantBoard,
  MerchantCategory,
  MerchantCategoryList,
  type MerchantDecisionBody,
  type MerchantProfileBody,
  type ScheduleInspectionBody,
  TierEvaluationResult,
} from '@zhuhe/contracts';
import type { z } from 'zod';
import { apiRequest, apiUpload } from '../../app/api-client';

export type MerchantApplicationData = z.infer<typeof MerchantApplication>;
export type MerchantBoardData = z.infer<typeof MerchantBoard>;
export type MerchantCategoryData = z.infer<typeof MerchantCategory>;

const org = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;
const staffApp = (id: string) => `/api/staff/merchant-applications/${encodeURIComponent(id)}`;

export async function fetchCategories(): Promise<MerchantCategoryData[]> {
  return (await apiRequest('GET', '/api/merchant-categories', MerchantCategoryList)).items;
}
export async function fetchMyApplication(orgId: string): Promise<MerchantApplicationData | null> {
  return (await apiRequest('GET', `${org(orgId)}/merchant-application`, MaybeMerchantApplication)).application;
}
export function applyAsMerchant(orgId: string, body: MerchantApplicationInput) {
  return apiRequest('POST', `${org(orgId)}/merchant-application`, MerchantApplication, { body });
}
export function updateProfile(orgId: string, body: z.input<typeof MerchantProfileBody>) {
  return apiRequest('PATCH', `${org(orgId)}/merchant-profile`, MerchantApplication, { body });
}
export function acceptAgreement(orgId: string, agreementVersion: string) {
  return apiRequest('POST', `${org(orgId)}/merchant-application/agreement`, MerchantApplication, {
    body: { agreementVersion, accept: true },
  });
}
export function fetchBoard(): Promise<MerchantBoardData> {
  return apiRequest('GET', '/api/staff/merchant-board', MerchantBoard);
}
export function fetchStaffApplication(id: string): Promise<MerchantApplicationData> {
  return apiRequest('GET', staffApp(id), MerchantApplication);
}
export function decide(id: string, body: z.input<typeof MerchantDecisionBody>) {
  return apiRequest('POST', `${staffApp(id)}/decision`, MerchantApplication, { body });
}
export function scheduleInspection(id: string, body: z.input<typeof ScheduleInspectionBody>) {
  return apiRequest('POST', `${staffApp(id)}/inspection`, MerchantApplication, { body });
}
export function uploadInspectionVideo(id: string, file: File) {
  return apiUpload(`${staffApp(id)}/inspection/video`, file, MerchantApplication);
}
export function recordInspection(id: string, body: z.input<typeof InspectionResultBody>) {
  return apiRequest('POST', `${staffApp(id)}/inspection/result`, MerchantApplication, { body });
}
export function staffApplicationFileUrl(id: string, fileId: string): string {
  return `${staffApp(id)}/files/${encodeURIComponent(fileId)}`;
}
export function setCategoryKey(code: string, key: boolean) {
  return apiRequest('PATCH', `/api/staff/merchant-categories/${encodeURIComponent(code)}`, MerchantCategory, {
    body: { key },
  });
}
export function evaluateTiers() {
  return apiRequest('POST', '/api/staff/merchant-tiers/evaluate', TierEvaluationResult);
}
