import { bigint, boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 工资月结 a month (YYYY-MM, Asia/Shanghai) the wage rule has closed: at most once, whatever runs the job. */
export const wageMonthClosures = pgTable('wage_month_closures', {
  month: text('month').primaryKey(),
  closedAt: ts('closed_at').notNull(),
  /** contracts with workers on site that month, and those without a wage payout */
  contracts: integer('contracts').notNull(),
  unpaid: integer('unpaid').notNull(),
});

/**
 * 工资月报 one contract's month with workers on site (FUND-5): what the construction logs showed and what was paid
 * from the payee's wage account (农民工工资专用账户) that month. Written once, when the month closes.
 */
export const wageMonths = pgTable(
  'wage_months',
  {
    contractId: uuid('contract_id').notNull(),
    month: text('month').notNull(),
    /** 乙方 the payee, owner of the wage account */
    payeeOrgId: uuid('payee_org_id').notNull(),
    /** 甲方 the GC, who answers for its subcontractors' wages (保障农民工工资支付条例 第三十条) */
    gcOrgId: uuid('gc_org_id').notNull(),
    contractTitle: text('contract_title').notNull(),
    logDays: integer('log_days').notNull(),
    peakWorkers: integer('peak_workers').notNull(),
    workerDays: integer('worker_days').notNull(),
    payouts: integer('payouts').notNull(),
    paidFen: bigint('paid_fen', { mode: 'number' }).notNull(),
    paid: boolean('paid').notNull(),
    closedAt: ts('closed_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.contractId, t.month] }),
    index('wage_months_payee_idx').on(t.payeeOrgId, t.month),
    index('wage_months_gc_idx').on(t.gcOrgId, t.month),
  ],
);
