/** What the finance module publishes (see infra/events.ts). */

/**
 * 融资逾期 a loan passed its due date unpaid (published by the daily overdue job, once per loan): for the credit
 * rating's payment record and the risk board.
 */
export interface FinanceLoanOverdue {
  applicationId: string;
  borrowerOrgId: string;
  lenderOrgId: string;
  contractId: string;
  outstandingFen: number;
  dueDate: string;
  detectedAt: string;
}

/** 融资结清 a loan was repaid in full (principal, fee and any penalty). */
export interface FinanceLoanRepaid {
  applicationId: string;
  borrowerOrgId: string;
  lenderOrgId: string;
  repaidFen: number;
  repaidAt: string;
}

declare module '../../infra/events' {
  interface DomainEvents {
    'finance.loan_overdue': FinanceLoanOverdue;
    'finance.loan_repaid': FinanceLoanRepaid;
  }
}
