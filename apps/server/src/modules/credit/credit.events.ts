/** What the credit module publishes, and the disputes contract it consumes (see infra/events.ts). */

/** 信用评级 an organisation's monthly rating was (re)calculated. Published in the recalculation's transaction. */
export interface CreditRated {
  orgId: string;
  /** YYYY-MM */
  month: string;
  grade: 'AAA' | 'AA' | 'A' | 'B' | 'C';
  previousGrade: 'AAA' | 'AA' | 'A' | 'B' | 'C' | null;
  score: number;
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
  }
}

declare module '../../infra/events' {
  interface DomainEvents {
    'credit.rated': CreditRated;
  }
}
