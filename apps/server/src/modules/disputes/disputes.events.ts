/**
 * What the disputes module publishes (see infra/events.ts). It also publishes `dispute.resolved`, whose contract
 * the credit module declares (credit consumes it; the type is re-exported here for the publisher's code).
 */
import type { DisputeResolved } from '../credit';

export type { DisputeResolved };

/** 纠纷立案 a party filed a dispute against the other party of a contract. */
export interface DisputeFiled {
  disputeId: string;
  contractId: string;
  claimantOrgId: string;
  respondentOrgId: string;
  type: string;
  amountInDisputeFen: number | null;
  /** ISO instant */
  filedAt: string;
}

/** 纠纷升级 a case moved to the next level (2 platform arbitration committee, 3 outside institution). */
export interface DisputeEscalated {
  disputeId: string;
  level: 2 | 3;
  /** ISO instant */
  escalatedAt: string;
}

declare module '../../infra/events' {
  interface DomainEvents {
    'dispute.filed': DisputeFiled;
    'dispute.escalated': DisputeEscalated;
  }
}
