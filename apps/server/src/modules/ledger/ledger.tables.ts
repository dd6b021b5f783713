import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * 账户 ledger accounts. Every amount is integer fen in a bigint. `posted` is credits minus debits of posted
 * transfers; `pendingDebits` / `pendingCredits` are what open holds reserve. An account with the `no_overdraft`
 * floor never has `posted - pendingDebits < 0`; external (bank clearing) accounts have no floor, so the sum of all
 * balances can be zero.
 */
export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: uuid('id').primaryKey(),
    /** stable address, e.g. `org:<uuid>:wallet`, `contract:<uuid>:escrow`, `platform:fees` */
    code: text('code').notNull(),
    kind: text('kind').notNull(),
    ownerOrgId: uuid('owner_org_id'),
    contractId: uuid('contract_id'),
    /** 'no_overdraft' | 'none' */
    floor: text('floor').notNull(),
    currency: text('currency').notNull().default('CNY'),
    posted: bigint('posted', { mode: 'bigint' }).notNull().default(sql`0`),
    pendingDebits: bigint('pending_debits', { mode: 'bigint' }).notNull().default(sql`0`),
    pendingCredits: bigint('pending_credits', { mode: 'bigint' }).notNull().default(sql`0`),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('ledger_accounts_code_idx').on(t.code),
    index('ledger_accounts_owner_idx').on(t.ownerOrgId),
    index('ledger_accounts_contract_idx').on(t.contractId),
    check('ledger_accounts_pending_nonneg', sql`${t.pendingDebits} >= 0 and ${t.pendingCredits} >= 0`),
  ],
);

/**
 * 转账 transfers: insert-only (a trigger refuses UPDATE and DELETE). Kinds: `single` (posted at once), `pending`
 * (a hold), `post_pending` (posts a hold, in full or in part), `void_pending`, `expire_pending`, `reversal`
 * (a correction: the original's accounts swapped). A hold is open while no resolving row names it.
 */
export const ledgerTransfers = pgTable(
  'ledger_transfers',
  {
    id: uuid('id').primaryKey(),
    clientId: text('client_id').notNull(),
    kind: text('kind').notNull(),
    debitAccountId: uuid('debit_account_id').notNull(),
    creditAccountId: uuid('credit_account_id').notNull(),
    amount: bigint('amount', { mode: 'bigint' }).notNull(),
    /** for post/void/expire: the hold it resolves */
    pendingId: uuid('pending_id'),
    /** for reversal: the transfer it reverses */
    reversesId: uuid('reverses_id'),
    /** for pending: when the hold lapses */
    timeoutAt: timestamp('timeout_at', { withTimezone: true, mode: 'date' }),
    code: text('code').notNull(),
    contractId: uuid('contract_id'),
    memo: jsonb('memo').$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('ledger_transfers_client_idx').on(t.clientId),
    uniqueIndex('ledger_transfers_resolves_idx').on(t.pendingId),
    uniqueIndex('ledger_transfers_reverses_idx').on(t.reversesId),
    index('ledger_transfers_debit_idx').on(t.debitAccountId, t.createdAt),
    index('ledger_transfers_credit_idx').on(t.creditAccountId, t.createdAt),
    index('ledger_transfers_contract_idx').on(t.contractId),
    check('ledger_transfers_amount_nonneg', sql`${t.amount} >= 0`),
    check('ledger_transfers_distinct_accounts', sql`${t.debitAccountId} <> ${t.creditAccountId}`),
  ],
);
