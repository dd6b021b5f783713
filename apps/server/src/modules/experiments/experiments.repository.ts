import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { experimentExposures, experiments } from './experiments.tables';

export type ExperimentRow = typeof experiments.$inferSelect;
export type ExposureRow = typeof experimentExposures.$inferSelect;

export async function insertExperiment(db: DbOrTx, row: ExperimentRow): Promise<ExperimentRow> {
  const [inserted] = await db.insert(experiments).values(row).onConflictDoNothing().returning();
  return inserted as ExperimentRow;
}

export async function findExperiment(db: DbOrTx, id: string): Promise<ExperimentRow | undefined> {
  const [row] = await db.select().from(experiments).where(eq(experiments.id, id));
  return row;
}

export async function findExperimentByKey(db: DbOrTx, key: string): Promise<ExperimentRow | undefined> {
  const [row] = await db.select().from(experiments).where(eq(experiments.key, key));
  return row;
}

export async function listExperiments(db: DbOrTx): Promise<ExperimentRow[]> {
  return db.select().from(experiments).orderBy(desc(experiments.createdAt), desc(experiments.id));
}

/** the surface's running or shipped experiments, newest first (at most one runs) */
export async function liveOnSurface(db: DbOrTx, surface: string): Promise<ExperimentRow[]> {
  return db
    .select()
    .from(experiments)
    .where(and(eq(experiments.surface, surface), inArray(experiments.status, ['running', 'shipped'])))
    .orderBy(desc(experiments.startedAt));
}

export async function updateExperiment(
  db: DbOrTx,
  id: string,
  expectedStatus: string,
  patch: Partial<Pick<ExperimentRow, 'status' | 'startedAt' | 'stoppedAt' | 'shippedVariant'>>,
): Promise<ExperimentRow | undefined> {
  const [row] = await db
    .update(experiments)
    .set(patch)
    .where(and(eq(experiments.id, id), eq(experiments.status, expectedStatus)))
    .returning();
  return row;
}

/** Records the unit's first exposure; a later call changes nothing (exposure is logged once per unit). */
export async function insertExposures(db: DbOrTx, rows: ExposureRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(experimentExposures).values(rows).onConflictDoNothing();
}

export async function listExposures(db: DbOrTx, experimentId: string): Promise<ExposureRow[]> {
  return db.select().from(experimentExposures).where(eq(experimentExposures.experimentId, experimentId));
}

export async function exposureCounts(db: DbOrTx): Promise<Map<string, number>> {
  const rows = await db
    .select({ experimentId: experimentExposures.experimentId, n: count() })
    .from(experimentExposures)
    .groupBy(experimentExposures.experimentId);
  return new Map(rows.map((r) => [r.experimentId, Number(r.n)]));
}
