import { asc, desc, gt, lt, sql } from 'drizzle-orm';
import { canonicalJson, sha256Hex } from '../crypto';
import type { Db, DbOrTx } from '../db/client';
import { auditLog } from './audit.tables';

export const GENESIS_HASH = '0'.repeat(64);
/** Any 64-bit constant: the advisory lock that serialises appends across processes on PostgreSQL. */
const CHAIN_LOCK = 7_310_420_001;

export interface AuditInput {
  actorUserId: string | null;
  orgId: string | null;
  action: string;
  target: string | null;
  /** SHA-256 of the change (request parameters and body, secrets redacted) */
  digest: string;
  ip: string | null;
}

export type AuditRow = typeof auditLog.$inferSelect;

export function entryHash(prevHash: string, seq: number, entry: AuditInput, createdAt: Date): string {
  const body = canonicalJson({
    seq,
    actorUserId: entry.actorUserId,
    orgId: entry.orgId,
    action: entry.action,
    target: entry.target,
    digest: entry.digest,
    ip: entry.ip,
    createdAt: createdAt.toISOString(),
  });
  return sha256Hex(`${prevHash}\n${body}`);
}

/** Appends one entry; inside a transaction the entry commits or rolls back with the change it records. */
export async function appendAudit(db: Db, entry: AuditInput): Promise<AuditRow> {
  return db.transaction(async (tx) => appendAuditInTx(tx, entry));
}

export async function appendAuditInTx(tx: DbOrTx, entry: AuditInput): Promise<AuditRow> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  // Millisecond precision, as timestamptz keeps microseconds and JS dates only milliseconds.
  const createdAt = new Date(Math.floor(Date.now()));
  const hash = entryHash(prevHash, seq, entry, createdAt);
  const [row] = await tx
    .insert(auditLog)
    .values({ seq, ...entry, createdAt, prevHash, hash })
    .returning();
  return row as AuditRow;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; reason: string } | null;
}

/** Walks the whole chain in seq order, in pages, and names the first entry that does not verify. */
export async function verifyAuditChain(db: DbOrTx, pageSize = 1000): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    for (const row of rows) {
      const broken = (reason: string): ChainVerification => ({
        ok: false,
        checked,
        firstBroken: { seq: row.seq, reason },
      });
      if (row.seq !== expectedSeq) {
        return { ok: false, checked, firstBroken: { seq: expectedSeq, reason: `entry ${expectedSeq} is missing` } };
      }
      if (row.prevHash !== prevHash) return broken('prev_hash does not match the previous entry');
      const recomputed = entryHash(prevHash, row.seq, row, row.createdAt);
      if (recomputed !== row.hash) return broken('hash does not match the entry contents');
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < pageSize) return { ok: true, checked, firstBroken: null };
  }
}

export async function listAudit(db: DbOrTx, options: { limit: number; beforeSeq?: number }): Promise<AuditRow[]> {
  const query = db.select().from(auditLog);
  const filtered = options.beforeSeq ? query.where(lt(auditLog.seq, options.beforeSeq)) : query;
  return filtered.orderBy(desc(auditLog.seq)).limit(options.limit);
}
