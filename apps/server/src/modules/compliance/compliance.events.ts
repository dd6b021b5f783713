/** What the compliance module publishes (see infra/events.ts). */

/**
 * 解除下架 a takedown was lifted (from the compliance register or by the content's owner module); the owner of
 * that kind of content shows it again. Published in the lifting transaction.
 */
export interface TakedownLifted {
  takedownId: string;
  /** e.g. merchant_profile, community_post, community_reply */
  subjectKind: string;
  subjectId: string;
  orgId: string;
}

declare module '../../infra/events' {
  interface DomainEvents {
    'compliance.takedown_lifted': TakedownLifted;
  }
}
