/** What the disputes module publishes (see infra/events.ts). */

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

/** 纠纷结果 a dispute was decided or closed; the credit rating of both parties takes it into account. */
export interface DisputeResolved {
  disputeId: string;
  subject: { kind: 'contract' | 'tender' | 'settlement' | 'merchant_order'; id: string };
  claimantOrgId: string;
  respondentOrgId: string;
  /** whom the decision favours */
  outcome: 'claimant' | 'respondent' | 'split' | 'withdrawn';
  /** 1 customer-service mediation, 2 platform arbitration committee, 3 outside arbitration institution */
  level: 1 | 2 | 3;
  amountInDisputeFen: number | null;
  awardedToClaimantFen: number | null;
  /** ISO instant */
  decidedAt: string;
}
declare module '../../infra/events' {
  interface DomainEvents {
    'dispute.resolved': DisputeResolved;
    'dispute.filed': DisputeFiled;
    'dispute.escalated': DisputeEscalated;
  }
}
