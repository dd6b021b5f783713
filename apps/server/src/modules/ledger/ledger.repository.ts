import { and, asc, desc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type DbOrTx, queryRows } from '../../infra/db/client';
import { ledgerAccounts, ledgerTransfers } from './ledger.tables';

export type AccountRow = typeof ledgerAccounts.$inferSelect;
export type TransferRow = typeof ledgerTransfers.$inferSelect;

export async function insertAccountIfMissing(db: DbOrTx, row: typeof ledgerAccounts.$inferInsert): Promise<void> {
  await db.insert(ledgerAccounts).values(row).onConflictDoNothing({ target: ledgerAccounts.code });
}

export async function accountByCode(db: DbOrTx, code: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(ledgerAccounts).where(eq(ledgerAccounts.code, code));
  return row;
}

export async function accountsByCodes(db: DbOrTx, codes: string[]): Promise<AccountRow[]> {
  if (codes.length === 0) return [];
  return db.select().from(ledgerAccounts).where(inArray(ledgerAccounts.code, codes));
}

export async function accountsById(db: DbOrTx, ids: string[]): Promise<AccountRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(ledgerAccounts).where(inArray(ledgerAccounts.id, ids));
}

export async function accountsOfOrg(db: DbOrTx, orgId: string): Promise<AccountRow[]> {
  return db.select().from(ledgerAccounts).where(eq(ledgerAccounts.ownerOrgId, orgId)).orderBy(asc(ledgerAccounts.code));
}

/** Locks the accounts in one fixed order (by id), so two transactions never wait on each other in a cycle. */
export async function lockAccounts(db: DbOrTx, ids: string[]): Promise<AccountRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(ledgerAccounts)
    .where(inArray(ledgerAccounts.id, ids))
    .orderBy(asc(ledgerAccounts.id))
    .for('update');
}

export async function writeBalances(
  db: DbOrTx,
  id: string,
  balances: { posted: bigint; pendingDebits: bigint; pendingCredits: bigint },
): Promise<void> {
  await db.update(ledgerAccounts).set(balances).where(eq(ledgerAccounts.id, id));
}

export async function transfersByClientIds(db: DbOrTx, clientIds: string[]): Promise<TransferRow[]> {
  if (clientIds.length === 0) return [];
  return db.select().from(ledgerTransfers).where(inArray(ledgerTransfers.clientId, clientIds));
}

export async function transfersById(db: DbOrTx, ids: string[]): Promise<TransferRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(ledgerTransfers).where(inArray(ledgerTransfers.id, ids));
}

/** Rows that resolve (post/void/expire) or reverse any of the given transfers. */
export async function followUpsOf(db: DbOrTx, ids: string[]): Promise<TransferRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(ledgerTransfers)
    .where(or(inArray(ledgerTransfers.pendingId, ids), inArray(ledgerTransfers.reversesId, ids)));
}

export async function insertTransfers(db: DbOrTx, rows: (typeof ledgerTransfers.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(ledgerTransfers).values(rows);
}

/** Open holds whose timeout has passed. */
export async function expiredHolds(db: DbOrTx, now: Date, limit: number): Promise<TransferRow[]> {
  const r = alias(ledgerTransfers, 'r');
  const rows = await db
    .select({ t: ledgerTransfers })
    .from(ledgerTransfers)
    .leftJoin(r, eq(r.pendingId, ledgerTransfers.id))
    .where(and(eq(ledgerTransfers.kind, 'pending'), lte(ledgerTransfers.timeoutAt, now), isNull(r.id)))
    .orderBy(asc(ledgerTransfers.timeoutAt))
    .limit(limit);
  return rows.map((row) => row.t);
}

export async function openHoldsOf(db: DbOrTx, accountId: string): Promise<TransferRow[]> {
  const r = alias(ledgerTransfers, 'r');
  const rows = await db
    .select({ t: ledgerTransfers })
    .from(ledgerTransfers)
    .leftJoin(r, eq(r.pendingId, ledgerTransfers.id))
    .where(
      and(
        eq(ledgerTransfers.kind, 'pending'),
        isNull(r.id),
        or(eq(ledgerTransfers.debitAccountId, accountId), eq(ledgerTransfers.creditAccountId, accountId)),
      ),
    );
  return rows.map((row) => row.t);
}

export async function transfersOfAccount(db: DbOrTx, accountId: string, limit: number): Promise<TransferRow[]> {
  return db
    .select()
    .from(ledgerTransfers)
    .where(or(eq(ledgerTransfers.debitAccountId, accountId), eq(ledgerTransfers.creditAccountId, accountId)))
    .orderBy(desc(ledgerTransfers.createdAt), desc(ledgerTransfers.id))
    .limit(limit);
}

export async function transfersOfContract(db: DbOrTx, contractId: string): Promise<TransferRow[]> {
  return db
    .select()
    .from(ledgerTransfers)
    .where(eq(ledgerTransfers.contractId, contractId))
    .orderBy(asc(ledgerTransfers.createdAt), asc(ledgerTransfers.id));
}

const POSTING = sql`('single','post_pending','reversal')`;

/** The invariant checks, each returning the first offending row (or none). */
export async function firstViolations(db: DbOrTx) {
  const [totals] = await queryRows<{ posted: string; pd: string; pc: string; accounts: string }>(
    db,
    sql`select coalesce(sum(posted),0)::text as posted, coalesce(sum(pending_debits),0)::text as pd,
               coalesce(sum(pending_credits),0)::text as pc, count(*)::text as accounts from ledger_accounts`,
  );
  const [transferCount] = await queryRows<{ n: string }>(db, sql`select count(*)::text as n from ledger_transfers`);
  const [balance] = await queryRows<{ code: string; stored: string; computed: string }>(
    db,
    sql`with flows as (
          select debit_account_id as a, -amount as d from ledger_transfers where kind in ${POSTING}
          union all
          select credit_account_id, amount from ledger_transfers where kind in ${POSTING}
        ), sums as (select a, sum(d) as s from flows group by a)
        select acc.code, acc.posted::text as stored, coalesce(sums.s,0)::text as computed
        from ledger_accounts acc left join sums on sums.a = acc.id
        where acc.posted <> coalesce(sums.s,0) order by acc.code limit 1`,
  );
  const [pending] = await queryRows<{
    code: string;
    stored_d: string;
    open_d: string;
    stored_c: string;
    open_c: string;
  }>(
    db,
    sql`with open as (
          select p.* from ledger_transfers p
          where p.kind = 'pending' and not exists (select 1 from ledger_transfers r where r.pending_id = p.id)
        ), d as (select debit_account_id a, sum(amount) s from open group by 1),
           c as (select credit_account_id a, sum(amount) s from open group by 1)
        select acc.code, acc.pending_debits::text as stored_d, coalesce(d.s,0)::text as open_d,
               acc.pending_credits::text as stored_c, coalesce(c.s,0)::text as open_c
        from ledger_accounts acc left join d on d.a = acc.id left join c on c.a = acc.id
        where acc.pending_debits <> coalesce(d.s,0) or acc.pending_credits <> coalesce(c.s,0)
        order by acc.code limit 1`,
  );
  const [hold] = await queryRows<{ id: string; client_id: string; problem: string }>(
    db,
    sql`select r.id, r.client_id,
          case when p.id is null then 'resolves a transfer that is not a hold'
               when r.debit_account_id <> p.debit_account_id or r.credit_account_id <> p.credit_account_id
                 then 'resolution accounts differ from the hold'
               when r.kind = 'post_pending' and (r.amount > p.amount or r.amount <= 0) then 'posted more than held'
               when r.kind in ('void_pending','expire_pending') and r.amount <> p.amount then 'voided amount differs'
               else 'ok' end as problem
        from ledger_transfers r left join ledger_transfers p on p.id = r.pending_id and p.kind = 'pending'
        where r.kind in ('post_pending','void_pending','expire_pending')
        and (p.id is null or r.debit_account_id <> p.debit_account_id or r.credit_account_id <> p.credit_account_id
             or (r.kind = 'post_pending' and (r.amount > p.amount or r.amount <= 0))
             or (r.kind in ('void_pending','expire_pending') and r.amount <> p.amount))
        order by r.id limit 1`,
  );
  const [reversal] = await queryRows<{ id: string; client_id: string }>(
    db,
    sql`select r.id, r.client_id from ledger_transfers r
        left join ledger_transfers o on o.id = r.reverses_id and o.kind in ('single','post_pending')
        where r.kind = 'reversal' and (o.id is null or o.amount <> r.amount
          or o.debit_account_id <> r.credit_account_id or o.credit_account_id <> r.debit_account_id)
        order by r.id limit 1`,
  );
  const [floor] = await queryRows<{ code: string; posted: string; pending_debits: string }>(
    db,
    sql`select code, posted::text, pending_debits::text from ledger_accounts
        where floor = 'no_overdraft' and posted - pending_debits < 0 order by code limit 1`,
  );
  const [orphan] = await queryRows<{ id: string; client_id: string }>(
    db,
    sql`select t.id, t.client_id from ledger_transfers t
        where not exists (select 1 from ledger_accounts a where a.id = t.debit_account_id)
           or not exists (select 1 from ledger_accounts a where a.id = t.credit_account_id)
        order by t.id limit 1`,
  );
  return { totals, transferCount: Number(transferCount?.n ?? 0), balance, pending, hold, reversal, floor, orphan };
}
