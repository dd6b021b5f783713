import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { storedFiles } from './files.tables';

export type StoredFileRow = typeof storedFiles.$inferSelect;

export async function insertFile(db: DbOrTx, row: typeof storedFiles.$inferInsert): Promise<StoredFileRow> {
  const [inserted] = await db.insert(storedFiles).values(row).returning();
  return inserted as StoredFileRow;
}

export async function findFile(db: DbOrTx, orgId: string, id: string): Promise<StoredFileRow | undefined> {
  const [row] = await db
    .select()
    .from(storedFiles)
    .where(and(eq(storedFiles.orgId, orgId), eq(storedFiles.id, id)))
    .limit(1);
  return row;
}
