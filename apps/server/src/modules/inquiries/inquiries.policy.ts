import { definePermission } from '../../infra/http/access';

const managers = ['owner', 'admin'] as const;

/**
 * Favourites are each member's own; inquiries are read by any member of the buyer or of a merchant asked (the
 * service decides which side the organisation is on and shows a merchant only its own quote), and changed only by
 * an owner or admin (成员 members get 403, another organisation 404).
 */
export const inquiryPermissions = {
  favourites: definePermission('inquiries.favourites', { kind: 'org', param: 'orgId' }),
  read: definePermission('inquiries.read', { kind: 'org', param: 'orgId' }),
  /** 询价方 the buyer: send, accept a quote, draft the contract */
  buy: definePermission('inquiries.buy', { kind: 'org', param: 'orgId', membership: managers }),
  /** 报价方 a merchant asked: quote or decline */
  quote: definePermission('inquiries.quote', { kind: 'org', param: 'orgId', membership: managers }),
};
