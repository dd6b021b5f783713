/** What the demands module publishes (see infra/events.ts). */

/**
 * 需求发布 a demand passed review and is public. Published in the approval's transaction; matching pushes the
 * demand to suppliers after it commits.
 */
export interface DemandPublished {
  demandId: string;
  orgId: string;
}

declare module '../../infra/events' {
  interface DomainEvents {
    'demand.published': DemandPublished;
  }
}
