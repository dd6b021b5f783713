import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as api from './libraries.api';

export const libraryKeys = {
  all: ['libraries'] as const,
  search: (params: api.SearchParams) => ['libraries', 'search', params] as const,
  map: (params: api.SearchParams) => ['libraries', 'map', params] as const,
  project: (id: string) => ['libraries', 'project', id] as const,
  questions: (id: string) => ['libraries', 'questions', id] as const,
  listing: (id: string) => ['libraries', 'listing', id] as const,
  compare: (ids: readonly string[], siteRegion?: string) => ['libraries', 'compare', ids, siteRegion] as const,
  demand: (id: string) => ['libraries', 'demand', id] as const,
  orgDemands: (orgId: string) => ['libraries', 'org-demands', orgId] as const,
  orgProjects: (orgId: string) => ['libraries', 'org-projects', orgId] as const,
  orgListings: (orgId: string) => ['libraries', 'org-listings', orgId] as const,
  reviews: (state: string) => ['libraries', 'reviews', state] as const,
  mapConfig: ['libraries', 'map-config'] as const,
};

/** Search with keyset pages: each page continues after the previous one's last hit. */
export function useLibrarySearch(params: api.SearchParams) {
  return useInfiniteQuery({
    queryKey: libraryKeys.search(params),
    queryFn: ({ pageParam }) => api.searchLibraries({ ...params, cursor: pageParam, limit: 20 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useMapPoints(params: api.SearchParams) {
  return useQuery({
    queryKey: libraryKeys.map(params),
    queryFn: () => api.fetchMapPoints(params),
    placeholderData: keepPreviousData,
  });
}

export function useMapConfig() {
  return useQuery({
    queryKey: libraryKeys.mapConfig,
    queryFn: api.fetchMapConfig,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useKeywordRanking(orgId: string) {
  return useQuery({ queryKey: ['libraries', 'keywords', orgId], queryFn: () => api.fetchKeywordRanking(orgId) });
}

export function useProject(id: string) {
  return useQuery({ queryKey: libraryKeys.project(id), queryFn: () => api.fetchProject(id) });
}

export function useOrgProjects(orgId: string) {
  return useQuery({ queryKey: libraryKeys.orgProjects(orgId), queryFn: () => api.fetchOrgProjects(orgId) });
}

export function useQuestions(projectId: string) {
  return useQuery({ queryKey: libraryKeys.questions(projectId), queryFn: () => api.fetchQuestions(projectId) });
}

export function useAskQuestion(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (question: string) => api.askQuestion(projectId, question),
    onSuccess: () => client.invalidateQueries({ queryKey: libraryKeys.questions(projectId) }),
  });
}

export function useAnswerQuestion(orgId: string, projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ questionId, answer }: { questionId: string; answer: string }) =>
      api.answerQuestion(orgId, projectId, questionId, answer),
    onSuccess: () => client.invalidateQueries({ queryKey: libraryKeys.questions(projectId) }),
  });
}

export function useListing(id: string) {
  return useQuery({ queryKey: libraryKeys.listing(id), queryFn: () => api.fetchListing(id) });
}

export function useOrgListings(orgId: string) {
  return useQuery({ queryKey: libraryKeys.orgListings(orgId), queryFn: () => api.fetchOrgListings(orgId) });
}

export function useComparison(ids: readonly string[], siteRegion?: string) {
  return useQuery({
    queryKey: libraryKeys.compare(ids, siteRegion),
    queryFn: () => api.compareListings(ids, siteRegion),
    enabled: ids.length >= 2,
  });
}

export function useDemand(id: string) {
  return useQuery({ queryKey: libraryKeys.demand(id), queryFn: () => api.fetchDemand(id) });
}

/** The organisation's newest published demands (up to 100), for choosing one, e.g. to tender. */
export function useOrgDemands(orgId: string) {
  return useQuery({
    queryKey: [...libraryKeys.orgDemands(orgId), 'published'],
    queryFn: async () => (await api.fetchOrgDemands(orgId, { limit: 100, status: 'published' })).items,
  });
}

/** 本单位需求 all of the organisation's demands, newest first, 20 at a time. */
export function useOrgDemandPages(orgId: string) {
  return useInfiniteQuery({
    queryKey: [...libraryKeys.orgDemands(orgId), 'pages'],
    queryFn: ({ pageParam }) => api.fetchOrgDemands(orgId, { limit: 20, after: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useReviewQueue(state: 'pending' | 'decided') {
  return useQuery({ queryKey: libraryKeys.reviews(state), queryFn: () => api.fetchReviewQueue(state) });
}

export function useReview(reviewId: string) {
  return useQuery({ queryKey: ['staff', 'demand-review', reviewId], queryFn: () => api.fetchReview(reviewId) });
}

export function useDecideReview() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { reviewId: string; decision: 'approved' | 'rejected'; reason: string }) =>
      api.decideReview(input.reviewId, input.decision, input.reason),
    onSuccess: () => client.invalidateQueries({ queryKey: libraryKeys.all }),
  });
}

export function useLibraryMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: libraryKeys.all }) });
}
