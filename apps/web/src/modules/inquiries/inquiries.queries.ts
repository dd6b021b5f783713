import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateInquiryBody, FavouriteKind, Inquiry, QuoteBody } from '@zhuhe/contracts';
import * as api from './inquiries.api';

export const inquiryKeys = {
  favourites: (orgId: string) => ['favourites', orgId] as const,
  sent: (orgId: string) => ['inquiries', orgId, 'sent'] as const,
  received: (orgId: string) => ['inquiries', orgId, 'received'] as const,
  detail: (orgId: string, id: string) => ['inquiries', orgId, 'detail', id] as const,
};

/** How often a merchant's inbox and an open inquiry are refreshed: new inquiries and quotes appear without reload. */
export const INBOX_REFRESH_MS = 5_000;

export function useFavourites(orgId: string) {
  return useQuery({ queryKey: inquiryKeys.favourites(orgId), queryFn: () => api.listFavourites(orgId) });
}

export function useToggleFavourite(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: FavouriteKind; targetId: string; on: boolean }) =>
      input.on
        ? api.addFavourite(orgId, { kind: input.kind, targetId: input.targetId }).then(() => undefined)
        : api.removeFavourite(orgId, input.kind, input.targetId),
    onSettled: () => client.invalidateQueries({ queryKey: inquiryKeys.favourites(orgId) }),
  });
}

export function useSentInquiries(orgId: string) {
  return useQuery({ queryKey: inquiryKeys.sent(orgId), queryFn: () => api.sentInquiries(orgId) });
}

/** The merchant's inbox polls: the buyer's new inquiry shows up within seconds, with no reload. */
export function useReceivedInquiries(orgId: string) {
  return useQuery({
    queryKey: inquiryKeys.received(orgId),
    queryFn: () => api.receivedInquiries(orgId),
    refetchInterval: INBOX_REFRESH_MS,
  });
}

export function useInquiry(orgId: string, id: string) {
  return useQuery({
    queryKey: inquiryKeys.detail(orgId, id),
    queryFn: () => api.getInquiry(orgId, id),
    // an open inquiry keeps refreshing, so the buyer sees quotes arrive and a merchant sees the decision
    refetchInterval: (query) => (query.state.data?.status === 'open' ? INBOX_REFRESH_MS : false),
  });
}

export function useListingForInquiry(listingId: string | null) {
  return useQuery({
    queryKey: ['inquiries', 'listing', listingId],
    queryFn: () => api.fetchListing(listingId as string),
    enabled: Boolean(listingId),
  });
}

function useInquiryUpdate<V>(orgId: string, id: string, fn: (vars: V) => Promise<Inquiry>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      client.setQueryData(inquiryKeys.detail(orgId, id), data);
      void client.invalidateQueries({ queryKey: ['inquiries', orgId] });
    },
  });
}

export function useCreateInquiry(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInquiryBody) => api.createInquiry(orgId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: inquiryKeys.sent(orgId) }),
  });
}

export const useQuote = (orgId: string, id: string) =>
  useInquiryUpdate(orgId, id, (body: QuoteBody) => api.quoteInquiry(orgId, id, body));
export const useDecline = (orgId: string, id: string) =>
  useInquiryUpdate(orgId, id, (reason: string) => api.declineInquiry(orgId, id, reason));
export const useAccept = (orgId: string, id: string) =>
  useInquiryUpdate(orgId, id, (engagementId: string) => api.acceptQuote(orgId, id, engagementId));

export function useDraftContract(orgId: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (variables: Record<string, string>) => api.draftContract(orgId, id, variables),
    onSuccess: () => client.invalidateQueries({ queryKey: inquiryKeys.detail(orgId, id) }),
  });
}
