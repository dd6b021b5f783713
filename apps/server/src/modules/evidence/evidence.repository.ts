import { and, asc, count, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../infra/db/client';
import {
  evidenceCheckpoints,
  evidenceCosignatures,
  evidenceEntries,
  evidenceNodes,
  evidenceSubscriptions,
  evidenceWitnessState,
} from './evidence.tables';

export type EvidenceEntryRow = typeof evidenceEntries.$inferSelect;
export type CheckpointRow = typeof evidenceCheckpoints.$inferSelect;
export type WitnessRow = typeof evidenceWitnessState.$inferSelect;
export type CosignatureRow = typeof evidenceCosignatures.$inferSelect;
export type SubscriptionRow = typeof evidenceSubscriptions.$inferSelect;

const LOG_LOCK = 7_310_420_002;

export async function lockLog(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LOG_LOCK})`);
}

/** The index the next entry gets: one past the highest stored (call under the log lock). */
export async function nextEntryIndex(db: DbOrTx): Promise<number> {
  const rows = await queryRows<{ next: string | number }>(
    db,
    sql`select coalesce(max(entry_index), -1) + 1 as next from evidence_entries`,
  );
  return Number(rows[0]?.next ?? 0);
}

export async function treeSize(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(evidenceEntries);
  return row?.n ?? 0;
}

export async function insertEntry(db: DbOrTx, row: EvidenceEntryRow): Promise<void> {
  await db.insert(evidenceEntries).values(row);
}

export async function insertNode(db: DbOrTx, level: number, nodeIndex: number, hash: string): Promise<void> {
  await db.insert(evidenceNodes).values({ level, nodeIndex, hash });
}

export async function findNode(db: DbOrTx, level: number, nodeIndex: number): Promise<string | undefined> {
  const [row] = await db
    .select({ hash: evidenceNodes.hash })
    .from(evidenceNodes)
    .where(and(eq(evidenceNodes.level, level), eq(evidenceNodes.nodeIndex, nodeIndex)))
    .limit(1);
  return row?.hash;
}

export async function findEntry(db: DbOrTx, entryIndex: number): Promise<EvidenceEntryRow | undefined> {
  const [row] = await db.select().from(evidenceEntries).where(eq(evidenceEntries.entryIndex, entryIndex)).limit(1);
  return row;
}

export async function entriesBySha(db: DbOrTx, sha256: string): Promise<EvidenceEntryRow[]> {
  return db
    .select()
    .from(evidenceEntries)
    .where(eq(evidenceEntries.contentSha256, sha256))
    .orderBy(asc(evidenceEntries.entryIndex))
    .limit(50);
}

export async function entriesBySubjects(db: DbOrTx, subjects: string[]): Promise<EvidenceEntryRow[]> {
  if (subjects.length === 0) return [];
  return db
    .select()
    .from(evidenceEntries)
    .where(inArray(evidenceEntries.subject, subjects))
    .orderBy(asc(evidenceEntries.entryIndex));
}

export async function entriesPage(db: DbOrTx, from: number, limit: number): Promise<EvidenceEntryRow[]> {
  return db
    .select()
    .from(evidenceEntries)
    .where(gte(evidenceEntries.entryIndex, from))
    .orderBy(asc(evidenceEntries.entryIndex))
    .limit(limit);
}

export async function nodesPage(db: DbOrTx, level: number, from: number, limit: number) {
  return db
    .select()
    .from(evidenceNodes)
    .where(and(eq(evidenceNodes.level, level), gte(evidenceNodes.nodeIndex, from)))
    .orderBy(asc(evidenceNodes.nodeIndex))
    .limit(limit);
}

export async function insertCheckpoint(db: DbOrTx, row: CheckpointRow): Promise<void> {
  await db.insert(evidenceCheckpoints).values(row);
}

export async function latestCheckpoint(db: DbOrTx): Promise<CheckpointRow | undefined> {
  const [row] = await db.select().from(evidenceCheckpoints).orderBy(desc(evidenceCheckpoints.createdAt)).limit(1);
  return row;
}

export async function listCheckpoints(db: DbOrTx, limit: number, before?: Date): Promise<CheckpointRow[]> {
  const query = db.select().from(evidenceCheckpoints);
  const filtered = before ? query.where(lt(evidenceCheckpoints.createdAt, before)) : query;
  return filtered.orderBy(desc(evidenceCheckpoints.createdAt)).limit(limit);
}

export async function allCheckpoints(db: DbOrTx): Promise<CheckpointRow[]> {
  return db.select().from(evidenceCheckpoints).orderBy(asc(evidenceCheckpoints.createdAt));
}

export async function findCheckpoint(db: DbOrTx, id: string): Promise<CheckpointRow | undefined> {
  const [row] = await db.select().from(evidenceCheckpoints).where(eq(evidenceCheckpoints.id, id)).limit(1);
  return row;
}

/** The witness's state row, locked for the cosigning transaction. */
export async function findWitnessForUpdate(db: DbOrTx, name: string): Promise<WitnessRow | undefined> {
  const [row] = await db
    .select()
    .from(evidenceWitnessState)
    .where(eq(evidenceWitnessState.name, name))
    .for('update')
    .limit(1);
  return row;
}

export async function findWitness(db: DbOrTx, name: string): Promise<WitnessRow | undefined> {
  const [row] = await db.select().from(evidenceWitnessState).where(eq(evidenceWitnessState.name, name)).limit(1);
  return row;
}

export async function insertWitness(db: DbOrTx, row: WitnessRow): Promise<void> {
  await db.insert(evidenceWitnessState).values(row).onConflictDoNothing();
}

export async function updateWitnessHead(db: DbOrTx, name: string, treeSize: number, rootHash: string, at: Date) {
  await db
    .update(evidenceWitnessState)
    .set({ treeSize, rootHash, updatedAt: at })
    .where(eq(evidenceWitnessState.name, name));
}

export async function insertCosignature(db: DbOrTx, row: CosignatureRow): Promise<void> {
  await db.insert(evidenceCosignatures).values(row).onConflictDoNothing();
}

export async function cosignaturesFor(db: DbOrTx, checkpointIds: string[]): Promise<CosignatureRow[]> {
  if (checkpointIds.length === 0) return [];
  return db
    .select()
    .from(evidenceCosignatures)
    .where(inArray(evidenceCosignatures.checkpointId, checkpointIds))
    .orderBy(asc(evidenceCosignatures.witness));
}

export async function listSubscriptions(db: DbOrTx): Promise<SubscriptionRow[]> {
  return db.select().from(evidenceSubscriptions).orderBy(asc(evidenceSubscriptions.createdAt));
}

export async function insertSubscription(db: DbOrTx, row: SubscriptionRow): Promise<SubscriptionRow> {
  const [stored] = await db
    .insert(evidenceSubscriptions)
    .values(row)
    .onConflictDoUpdate({ target: evidenceSubscriptions.email, set: { label: row.label } })
    .returning();
  return stored as SubscriptionRow;
}

export async function deleteSubscription(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db.delete(evidenceSubscriptions).where(eq(evidenceSubscriptions.id, id)).returning();
  return rows.length > 0;
}
