/** What the wages module publishes (see infra/events.ts). */

/**
 * 工资月报 an organisation's wage record for a closed month (FUND-5): every contract on which it (the payee, owner
 * of the wage account) had workers on site that month, and whether wages were paid from the wage account. Published
 * once per organisation and month, in the transaction that closes the month.
 */
export interface WageMonthRecorded {
  orgId: string;
  /** YYYY-MM (Asia/Shanghai) */
  month: string;
  contracts: {
    contractId: string;
    gcOrgId: string;
    contractTitle: string;
    logDays: number;
    peakWorkers: number;
    workerDays: number;
    payouts: number;
    paidFen: number;
    paid: boolean;
  }[];
  /** ISO instant */
  closedAt: string;
}

declare module '../../infra/events' {
  interface DomainEvents {
    'wages.month_recorded': WageMonthRecorded;
  }
}
