/** What the insurance module publishes (see infra/events.ts). */

/** 出单 a 履约保证险 policy was issued and accepted by escrow in place of the cash bond. */
export interface InsurancePolicyIssued {
  policyId: string;
  contractId: string;
  insurerOrgId: string;
  holderOrgId: string;
  beneficiaryOrgId: string;
  insuredFen: number;
  premiumFen: number;
  issuedAt: string;
}

/** 理赔结案 the insurer decided a claim: approved (paid to the beneficiary) or rejected. For the credit rating later. */
export interface InsuranceClaimDecided {
  claimId: string;
  policyId: string;
  contractId: string;
  holderOrgId: string;
  beneficiaryOrgId: string;
  decision: 'approved' | 'rejected';
  paidFen: number;
  decidedAt: string;
}

declare module '../../infra/events' {
  interface DomainEvents {
    'insurance.policy_issued': InsurancePolicyIssued;
    'insurance.claim_decided': InsuranceClaimDecided;
  }
}
