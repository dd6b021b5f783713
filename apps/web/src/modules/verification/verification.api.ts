import {
  FileMeta,
  MaybeVerification,
  RevealedIdNumber,
  type ReviewDecisionBody,
  Verification,
  VerificationList,
  type VerificationPackage,
} from '@zhuhe/contracts';
import type { z } from 'zod';
import { apiRequest, apiUpload } from '../../app/api-client';

export type VerificationData = z.infer<typeof Verification>;
export type FileMetaData = z.infer<typeof FileMeta>;
export type ReviewDecisionInput = z.input<typeof ReviewDecisionBody>;

const org = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;

export async function fetchVerification(orgId: string): Promise<VerificationData | null> {
  return (await apiRequest('GET', `${org(orgId)}/verification`, MaybeVerification)).verification;
}

export function submitVerification(orgId: string, body: VerificationPackage): Promise<VerificationData> {
  return apiRequest('POST', `${org(orgId)}/verification`, Verification, { body });
}

/** Uploads a document of the organisation; the server reads its type from the bytes. */
export function uploadOrgFile(orgId: string, file: File, kind?: 'pdf' | 'image' | 'video'): Promise<FileMetaData> {
  return apiUpload(`${org(orgId)}/files`, file, FileMeta, { kind });
}

export function orgFileUrl(orgId: string, fileId: string): string {
  return `${org(orgId)}/files/${encodeURIComponent(fileId)}/content`;
}

export async function fetchStaffVerifications(status?: string): Promise<VerificationData[]> {
  return (await apiRequest('GET', '/api/staff/verifications', VerificationList, { query: { status } })).items;
}

export function decideVerification(id: string, body: ReviewDecisionInput): Promise<VerificationData> {
  return apiRequest('POST', `/api/staff/verifications/${encodeURIComponent(id)}/decision`, Verification, { body });
}

export async function revealIdNumber(id: string): Promise<string> {
  return (
    await apiRequest('POST', `/api/staff/verifications/${encodeURIComponent(id)}/reveal-id-number`, RevealedIdNumber)
  ).number;
}

export function staffVerificationFileUrl(id: string, fileId: string): string {
  return `/api/staff/verifications/${encodeURIComponent(id)}/files/${encodeURIComponent(fileId)}`;
}
