import {
  type AddendumBody,
  type BidBody,
  BidReceipt,
  ContractTemplateList,
  type CreateTenderBody,
  MemberList,
  OrgDirectoryEntry,
  PrequalReportList,
  Tender,
  type TenderContractBody,
  TenderList,
} from '@zhuhe/contracts';
import { z } from 'zod';
import { apiRequest } from '../../app/api-client';

export type TenderData = z.infer<typeof Tender>;
export type TenderListData = z.infer<typeof TenderList>;
export type PrequalReportData = z.infer<typeof PrequalReportList>['items'][number];
export type BidReceiptData = z.infer<typeof BidReceipt>;

const base = (orgId: string) => `/api/orgs/${orgId}/tenders`;
const one = (orgId: string, id: string) => `${base(orgId)}/${id}`;

export const fetchTenders = (orgId: string, scope: 'mine' | 'market') =>
  apiRequest('GET', base(orgId), TenderList, { query: { scope } });
export const fetchTender = (orgId: string, id: string) => apiRequest('GET', one(orgId, id), Tender);
export const createTender = (orgId: string, body: z.input<typeof CreateTenderBody>) =>
  apiRequest('POST', base(orgId), Tender, { body });
export const tenderAction = (orgId: string, id: string, action: string, body?: unknown) =>
  apiRequest('POST', `${one(orgId, id)}/${action}`, Tender, body === undefined ? {} : { body });
export const addAddendum = (orgId: string, id: string, body: z.input<typeof AddendumBody>) =>
  tenderAction(orgId, id, 'addenda', body);
export const submitBid = (orgId: string, id: string, body: z.input<typeof BidBody>) =>
  apiRequest('PUT', `${one(orgId, id)}/bid`, BidReceipt, { body });
export const confirmBid = (orgId: string, id: string, tenderVersion: number) =>
  apiRequest('POST', `${one(orgId, id)}/bid/confirm`, BidReceipt, { body: { tenderVersion } });
export const withdrawBid = (orgId: string, id: string) => apiRequest('DELETE', `${one(orgId, id)}/bid`, BidReceipt);
export const generateContract = (orgId: string, id: string, body: z.input<typeof TenderContractBody>) =>
  apiRequest('POST', `${one(orgId, id)}/contract`, z.object({ contractId: z.string() }), { body });
export const fetchPrequal = async (orgId: string, id: string, bidderOrgId?: string) =>
  (
    await apiRequest('GET', `${one(orgId, id)}/prequalification`, PrequalReportList, {
      query: bidderOrgId ? { bidderOrgId } : {},
    })
  ).items;
export const prequalPdfUrl = (orgId: string, id: string, bidderOrgId?: string) =>
  `${one(orgId, id)}/prequalification.pdf${bidderOrgId ? `?bidderOrgId=${bidderOrgId}` : ''}`;
export const openingPdfUrl = (orgId: string, id: string) => `${one(orgId, id)}/opening.pdf`;
export const evaluationPdfUrl = (orgId: string, id: string) => `${one(orgId, id)}/evaluation.pdf`;
export const fetchMembers = async (orgId: string) =>
  (await apiRequest('GET', `/api/orgs/${orgId}/members`, MemberList)).items;
export const lookupOrganisation = (creditCode: string) =>
  apiRequest('GET', '/api/org-directory', OrgDirectoryEntry, { query: { creditCode } });
export const fetchContractTemplates = async () =>
  (await apiRequest('GET', '/api/contract-templates', ContractTemplateList)).items;
