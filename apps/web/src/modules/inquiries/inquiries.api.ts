import {
  type AddFavouriteBody,
  type CreateInquiryBody,
  Favourite,
  type FavouriteKind,
  FavouriteList,
  Inquiry,
  InquiryList,
  type QuoteBody,
  ResourceListing,
} from '@zhuhe/contracts';
import { z } from 'zod';
import { apiRequest, apiRequestVoid } from '../../app/api-client';

const org = (orgId: string) => `/api/orgs/${orgId}`;

export const listFavourites = (orgId: string, kind?: FavouriteKind) =>
  apiRequest('GET', `${org(orgId)}/favourites${kind ? `?kind=${kind}` : ''}`, FavouriteList);
export const addFavourite = (orgId: string, body: AddFavouriteBody) =>
  apiRequest('POST', `${org(orgId)}/favourites`, Favourite, { body });
export const removeFavourite = (orgId: string, kind: FavouriteKind, targetId: string) =>
  apiRequestVoid('DELETE', `${org(orgId)}/favourites/${kind}/${targetId}`);

export const sentInquiries = (orgId: string) => apiRequest('GET', `${org(orgId)}/inquiries/sent`, InquiryList);
export const receivedInquiries = (orgId: string) => apiRequest('GET', `${org(orgId)}/inquiries/received`, InquiryList);
export const getInquiry = (orgId: string, id: string) => apiRequest('GET', `${org(orgId)}/inquiries/${id}`, Inquiry);
export const createInquiry = (orgId: string, body: CreateInquiryBody) =>
  apiRequest('POST', `${org(orgId)}/inquiries`, Inquiry, { body });
export const quoteInquiry = (orgId: string, id: string, body: QuoteBody) =>
  apiRequest('POST', `${org(orgId)}/inquiries/${id}/quote`, Inquiry, { body });
export const declineInquiry = (orgId: string, id: string, reason: string) =>
  apiRequest('POST', `${org(orgId)}/inquiries/${id}/decline`, Inquiry, { body: { reason } });
export const acceptQuote = (orgId: string, id: string, engagementId: string) =>
  apiRequest('POST', `${org(orgId)}/inquiries/${id}/accept`, Inquiry, { body: { engagementId } });
export const draftContract = (orgId: string, id: string, variables: Record<string, string>) =>
  apiRequest('POST', `${org(orgId)}/inquiries/${id}/contract`, z.object({ contractId: z.uuid() }), {
    body: { variables },
  });
/** The listing an inquiry starts from (its title and merchant), read from the resource library's API. */
export const fetchListing = (listingId: string) => apiRequest('GET', `/api/resources/${listingId}`, ResourceListing);
