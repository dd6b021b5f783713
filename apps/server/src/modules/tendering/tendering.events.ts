/** What the tendering module publishes (see infra/events.ts). */

/**
 * 中标接受 the bidder accepted the award: the tender is awarded. Published in the transaction that closes the
 * offer; cooperation records it as history in that transaction, matching counts it for its figures.
 */
export interface TenderAwardAccepted {
  tenderId: string;
  awardId: string;
  demandId: string;
  title: string;
  buyer: { orgId: string; name: string };
  supplier: { orgId: string; name: string };
  /** the demand's category text and item names, from which cooperation derives its category code */
  demand: { category: string; title: string; itemNames: string[]; regionCode: string };
  amountFen: number;
  /** YYYY-MM-DD, Shanghai */
  acceptedOn: string;
}

/**
 * 收到投标 a bid was submitted (a first submission, or one again after a withdrawal; a revision changes no count):
 * how many sealed bids the tender now holds. Only the count — not who bid, not what — because bids stay sealed
 * until the opening (ADR 0060). Published in the submission's transaction; webhooks tell the buyer.
 */
export interface TenderBidReceived {
  tenderId: string;
  buyerOrgId: string;
  bidCount: number;
}

declare module '../../infra/events' {
  interface DomainEvents {
    'tender.award_accepted': TenderAwardAccepted;
    'tender.bid_received': TenderBidReceived;
  }
}
