import {
  Contract,
  ContractList,
  ContractTemplateList,
  type CreateContractBody,
  OrgDirectoryEntry,
  type ProposeVersionBody,
  VersionDiff,
} from '@zhuhe/contracts';
import type { z } from 'zod';
import { apiRequest } from '../../app/api-client';

export type ContractData = z.infer<typeof Contract>;
export type ContractSummaryData = z.infer<typeof ContractList>['items'][number];
export type ContractTemplateData = z.infer<typeof ContractTemplateList>['items'][number];
export type VersionDiffData = z.infer<typeof VersionDiff>;
export type CreateContractInput = z.input<typeof CreateContractBody>;
export type ProposeVersionInput = z.input<typeof ProposeVersionBody>;
export type DirectoryEntryData = z.infer<typeof OrgDirectoryEntry>;

const base = (orgId: string) => `/api/orgs/${orgId}/contracts`;

export const fetchTemplates = async () =>
  (await apiRequest('GET', '/api/contract-templates', ContractTemplateList)).items;
export const fetchContracts = async (orgId: string) => (await apiRequest('GET', base(orgId), ContractList)).items;
export const fetchContract = (orgId: string, id: string) => apiRequest('GET', `${base(orgId)}/${id}`, Contract);
export const createContract = (orgId: string, input: CreateContractInput) =>
  apiRequest('POST', base(orgId), Contract, { body: input });
export const proposeVersion = (orgId: string, id: string, input: ProposeVersionInput) =>
  apiRequest('POST', `${base(orgId)}/${id}/versions`, Contract, { body: input });
export const fetchDiff = (orgId: string, id: string, versionNo: number, against: number) =>
  apiRequest('GET', `${base(orgId)}/${id}/versions/${versionNo}/diff`, VersionDiff, { query: { against } });
export const signVersion = (orgId: string, id: string, versionNo: number) =>
  apiRequest('POST', `${base(orgId)}/${id}/versions/${versionNo}/sign`, Contract);
export const signedPdfUrl = (orgId: string, id: string) => `${base(orgId)}/${id}/signed.pdf`;
export const lookupOrganisation = (creditCode: string) =>
  apiRequest('GET', '/api/org-directory', OrgDirectoryEntry, { query: { creditCode } });
