import {
  ConstructionLog,
  ConstructionLogList,
  type CreateLogBody,
  ExecutionContractList,
  ExecutionPlan,
  FileMeta,
  Ok,
  OrgDirectoryEntry,
  PlanDefaults,
  type ReviewLogBody,
  type SetPlanBody,
  Settlement,
  SettlementList,
  type StatementBody,
  SupervisorDirectoryList,
} from '@zhuhe/contracts';
import type { z } from 'zod';
import { apiRequest, apiUpload } from '../../app/api-client';

export type ExecutionPlanData = z.infer<typeof ExecutionPlan>;
export type ConstructionLogData = z.infer<typeof ConstructionLog>;
export type ExecutionContractData = z.infer<typeof ExecutionContractList>['items'][number];
export type PlanDefaultsData = z.infer<typeof PlanDefaults>;
export type SettlementData = z.infer<typeof Settlement>;
export type SetPlanInput = z.input<typeof SetPlanBody>;
export type CreateLogInput = z.input<typeof CreateLogBody>;
export type ReviewLogInput = z.input<typeof ReviewLogBody>;
export type StatementInput = z.input<typeof StatementBody>;

const exec = (orgId: string, contractId: string) => `/api/orgs/${orgId}/execution/${contractId}`;
const settle = (orgId: string, contractId: string) => `/api/orgs/${orgId}/settlement/${contractId}`;

export const fetchExecutionContracts = async (orgId: string) =>
  (await apiRequest('GET', `/api/orgs/${orgId}/execution`, ExecutionContractList)).items;
export const fetchPlanDefaults = (orgId: string, contractId: string) =>
  apiRequest('GET', `${exec(orgId, contractId)}/defaults`, PlanDefaults);
export const fetchPlan = (orgId: string, contractId: string) =>
  apiRequest('GET', exec(orgId, contractId), ExecutionPlan);
export const setPlan = (orgId: string, contractId: string, body: SetPlanInput) =>
  apiRequest('POST', `${exec(orgId, contractId)}/plan`, ExecutionPlan, { body });
export const fetchLogs = async (orgId: string, contractId: string) =>
  (await apiRequest('GET', `${exec(orgId, contractId)}/logs`, ConstructionLogList)).items;
export const createLog = (orgId: string, contractId: string, body: CreateLogInput) =>
  apiRequest('POST', `${exec(orgId, contractId)}/logs`, ConstructionLog, { body });
export const reviewLog = (orgId: string, contractId: string, logId: string, body: ReviewLogInput) =>
  apiRequest('POST', `${exec(orgId, contractId)}/logs/${logId}/reviews`, ConstructionLog, { body });
export const uploadPhoto = (orgId: string, file: File) => apiUpload(`/api/orgs/${orgId}/files`, file, FileMeta);

export const fetchSettlements = async (orgId: string, contractId: string) =>
  (await apiRequest('GET', settle(orgId, contractId), SettlementList)).items;
export const inviteSupervisor = (orgId: string, contractId: string, supervisorOrgId: string) =>
  apiRequest('POST', `${settle(orgId, contractId)}/supervisor`, Ok, { body: { supervisorOrgId } });
export const openSettlement = (orgId: string, contractId: string, milestoneId: string) =>
  apiRequest('POST', settle(orgId, contractId), Settlement, { body: { milestoneId } });
export const proposeQuantity = (
  orgId: string,
  contractId: string,
  settlementId: string,
  body: { lineId: string; quantityMilli: number; note?: string },
) => apiRequest('POST', `${settle(orgId, contractId)}/${settlementId}/quantities`, Settlement, { body });
export const voteQuantity = (
  orgId: string,
  contractId: string,
  settlementId: string,
  body: { proposalId: string; decision: 'confirm' | 'dispute'; note?: string },
) => apiRequest('POST', `${settle(orgId, contractId)}/${settlementId}/votes`, Settlement, { body });
export const generateStatement = (orgId: string, contractId: string, settlementId: string, body: StatementInput) =>
  apiRequest('POST', `${settle(orgId, contractId)}/${settlementId}/statement`, Settlement, { body });
export const signStatement = (orgId: string, contractId: string, settlementId: string) =>
  apiRequest('POST', `${settle(orgId, contractId)}/${settlementId}/sign`, Settlement);
export const retryRelease = (orgId: string, contractId: string, settlementId: string) =>
  apiRequest('POST', `${settle(orgId, contractId)}/${settlementId}/release`, Settlement);
export const statementPdfUrl = (orgId: string, contractId: string, settlementId: string) =>
  `${settle(orgId, contractId)}/${settlementId}/statement.pdf`;
/** 查找监理单位 verified supervisors whose name contains `q`: name and credit code only. */
export const searchSupervisors = async (q: string) =>
  (await apiRequest('GET', '/api/org-directory/supervisors', SupervisorDirectoryList, { query: { q } })).items;

export const lookupOrganisation = (creditCode: string) =>
  apiRequest('GET', '/api/org-directory', OrgDirectoryEntry, { query: { creditCode } });
