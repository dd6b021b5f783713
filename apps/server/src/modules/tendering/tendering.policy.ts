import { definePermission } from '../../infra/http/access';

const managers = ['owner', 'admin'] as const;

export const tenderPermissions = {
  /** any member: the buyer's tenders, tenders open to the organisation, its own bids' receipts */
  read: definePermission('tendering.read', { kind: 'org', param: 'orgId' }),
  /** 招标人 the buyer's owner or admin: draft, publish, addenda, opening, evaluators, finalising, contract */
  manage: definePermission('tendering.manage', { kind: 'org', param: 'orgId', membership: managers }),
  /** 投标人 the bidder's owner or admin: submit, re-confirm, withdraw, answer an award */
  bid: definePermission('tendering.bid', { kind: 'org', param: 'orgId', membership: managers }),
  /** 评标专家 any member named as evaluator of the tender (checked in the service) */
  score: definePermission('tendering.score', { kind: 'org', param: 'orgId' }),
};
