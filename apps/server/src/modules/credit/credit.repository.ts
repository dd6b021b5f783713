import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { orgCreditGrades } from './credit.tables';

export type CreditGradeRow = typeof orgCreditGrades.$inferSelect;

export async function gradesOf(db: DbOrTx, orgIds: readonly string[]): Promise<CreditGradeRow[]> {
  if (orgIds.length === 0) return [];
  return db
    .select()
    .from(orgCreditGrades)
    .where(inArray(orgCreditGrades.orgId, [...orgIds]));
}

export async function upsertGrade(db: DbOrTx, row: typeof orgCreditGrades.$inferInsert): Promise<CreditGradeRow> {
  const [saved] = await db
    .insert(orgCreditGrades)
    .values(row)
    .onConflictDoUpdate({
      target: orgCreditGrades.orgId,
      set: {
        grade: row.grade,
        assessedAt: row.assessedAt,
        source: row.source,
        setByUserId: row.setByUserId ?? null,
        updatedAt: new Date(),
      },
    })
    .returning();
  return saved as CreditGradeRow;
}
