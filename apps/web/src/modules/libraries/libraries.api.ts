import {
  Comparison,
  type CreateDemandBody,
  type CreateProjectBody,
  type CreateResourceBody,
  Demand,
  DemandDraft,
  DemandReview,
  DemandReviewList,
  FileMeta,
  KeywordRanking,
  MapConfig,
  MapPointList,
  OrgDemandPage,
  Project,
  ProjectList,
  ProjectQuestion,
  ProjectQuestionList,
  ResourceListing,
  ResourceListingList,
  SearchResult,
} from '@zhuhe/contracts';
import type { z } from 'zod';
import { apiRequest, apiUpload } from '../../app/api-client';

export type SearchResultData = z.infer<typeof SearchResult>;
export type SearchHitData = SearchResultData['items'][number];
export type ProjectData = z.infer<typeof Project>;
export type QuestionData = z.infer<typeof ProjectQuestion>;
export type ListingData = z.infer<typeof ResourceListing>;
export type ComparisonData = z.infer<typeof Comparison>;
export type DemandData = z.infer<typeof Demand>;
export type DemandDraftData = z.infer<typeof DemandDraft>;
export type DemandReviewData = z.infer<typeof DemandReview>;
export type MapPointData = z.infer<typeof MapPointList>['items'][number];
export type FileMetaData = z.infer<typeof FileMeta>;

/** Filters as the search page holds them; undefined values are left out of the query string. */
export interface SearchParams {
  q?: string | undefined;
  kind?: 'project' | 'resource' | 'demand' | undefined;
  region?: string | undefined;
  minAmount?: number | undefined;
  maxAmount?: number | undefined;
  tags?: string | undefined;
  qualification?: string | undefined;
  category?: string | undefined;
  lat?: number | undefined;
  lng?: number | undefined;
  radiusKm?: number | undefined;
  sort?: 'relevance' | 'date' | 'distance' | 'amount' | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export const searchLibraries = (query: SearchParams) =>
  apiRequest('GET', '/api/search', SearchResult, { query: { ...query } });
export const fetchMapPoints = (query: SearchParams) =>
  apiRequest('GET', '/api/search/map', MapPointList, { query: { ...query, sort: undefined, cursor: undefined } });
export const fetchMapConfig = () => apiRequest('GET', '/api/search/map-config', MapConfig);
export const fetchKeywordRanking = (orgId: string) =>
  apiRequest('GET', `/api/orgs/${orgId}/search-keywords`, KeywordRanking, { query: { days: 30 } });

export const uploadFile = (orgId: string, file: File) => apiUpload(`/api/orgs/${orgId}/files`, file, FileMeta);

export const fetchProject = (id: string) => apiRequest('GET', `/api/projects/${id}`, Project);
export const fetchOrgProjects = async (orgId: string) =>
  (await apiRequest('GET', `/api/orgs/${orgId}/projects`, ProjectList)).items;
export const createProject = (orgId: string, body: CreateProjectBody) =>
  apiRequest('POST', `/api/orgs/${orgId}/projects`, Project, { body });
export const fetchQuestions = async (projectId: string) =>
  (await apiRequest('GET', `/api/projects/${projectId}/questions`, ProjectQuestionList)).items;
export const askQuestion = (projectId: string, question: string) =>
  apiRequest('POST', `/api/projects/${projectId}/questions`, ProjectQuestion, { body: { question } });
export const answerQuestion = (orgId: string, projectId: string, questionId: string, answer: string) =>
  apiRequest('POST', `/api/orgs/${orgId}/projects/${projectId}/questions/${questionId}/answer`, ProjectQuestion, {
    body: { answer },
  });

export const fetchListing = (id: string) => apiRequest('GET', `/api/resources/${id}`, ResourceListing);
export const fetchOrgListings = async (orgId: string) =>
  (await apiRequest('GET', `/api/orgs/${orgId}/resources`, ResourceListingList)).items;
export const createListing = (orgId: string, body: CreateResourceBody) =>
  apiRequest('POST', `/api/orgs/${orgId}/resources`, ResourceListing, { body });
export const compareListings = (ids: readonly string[], siteRegion?: string) =>
  apiRequest('GET', '/api/resources/compare', Comparison, {
    query: { ids: ids.join(','), region: siteRegion },
  });

export const importTender = (orgId: string, file: File) =>
  apiUpload(`/api/orgs/${orgId}/demands/import`, file, DemandDraft);
export const createDemand = (orgId: string, body: CreateDemandBody) =>
  apiRequest('POST', `/api/orgs/${orgId}/demands`, Demand, { body });
export const fetchDemand = (id: string) => apiRequest('GET', `/api/demands/${id}`, Demand);
export const fetchOrgDemands = (
  orgId: string,
  page: { limit: number; after?: string | undefined; status?: DemandData['status'] | undefined },
) => apiRequest('GET', `/api/orgs/${orgId}/demands`, OrgDemandPage, { query: page });
export const fetchReviewQueue = async (state: 'pending' | 'decided') =>
  (await apiRequest('GET', '/api/staff/demand-reviews', DemandReviewList, { query: { state } })).items;
export const fetchReview = (reviewId: string) =>
  apiRequest('GET', `/api/staff/demand-reviews/${reviewId}`, DemandReview);
export const decideReview = (reviewId: string, decision: 'approved' | 'rejected', reason: string) =>
  apiRequest('POST', `/api/staff/demand-reviews/${reviewId}/decision`, DemandReview, { body: { decision, reason } });
