import { and, asc, desc, eq, inArray, isNotNull, lte, ne, sql } from 'drizzle-orm';
import { type DbOrTx, uuidArray } from '../../infra/db/client';
import { expiryNotices, verificationQualifications, verificationSubmissions } from './verification.tables';

export type SubmissionRow = typeof verificationSubmissions.$inferSelect;
export type NewSubmission = typeof verificationSubmissions.$inferInsert;
export type QualificationRow = typeof verificationQualifications.$inferSelect;
export type NewQualification = typeof verificationQualifications.$inferInsert;

export async function insertSubmission(db: DbOrTx, row: NewSubmission): Promise<SubmissionRow> {
  const [inserted] = await db.insert(verificationSubmissions).values(row).returning();
  return inserted as SubmissionRow;
}

export async function insertQualifications(db: DbOrTx, rows: NewQualification[]): Promise<void> {
  if (rows.length > 0) await db.insert(verificationQualifications).values(rows);
}

export async function findSubmission(db: DbOrTx, id: string): Promise<SubmissionRow | undefined> {
  const [row] = await db.select().from(verificationSubmissions).where(eq(verificationSubmissions.id, id)).limit(1);
  return row;
}

export async function latestSubmission(db: DbOrTx, orgId: string): Promise<SubmissionRow | undefined> {
  const [row] = await db
    .select()
    .from(verificationSubmissions)
    .where(eq(verificationSubmissions.orgId, orgId))
    .orderBy(desc(verificationSubmissions.submittedAt))
    .limit(1);
  return row;
}

export async function listSubmissions(db: DbOrTx, status: string | undefined, limit: number) {
  return db
    .select()
    .from(verificationSubmissions)
    .where(status ? eq(verificationSubmissions.status, status) : undefined)
    .orderBy(desc(verificationSubmissions.submittedAt))
    .limit(limit);
}

/** Another organisation's open or approved submission with this credit code. */
export async function otherOrgWithCreditCode(db: DbOrTx, creditCode: string, orgId: string) {
  const [row] = await db
    .select({ orgId: verificationSubmissions.orgId })
    .from(verificationSubmissions)
    .where(
      and(
        eq(verificationSubmissions.licenceCreditCode, creditCode),
        ne(verificationSubmissions.orgId, orgId),
        inArray(verificationSubmissions.status, ['pending', 'approved']),
      ),
    )
    .limit(1);
  return row?.orgId;
}

export async function setStatusWhere(
  db: DbOrTx,
  orgId: string,
  fromStatuses: string[],
  status: string,
  exceptId?: string,
) {
  await db
    .update(verificationSubmissions)
    .set({ status })
    .where(
      and(
        eq(verificationSubmissions.orgId, orgId),
        inArray(verificationSubmissions.status, fromStatuses),
        exceptId ? ne(verificationSubmissions.id, exceptId) : undefined,
      ),
    );
}

export async function updateSubmission(
  db: DbOrTx,
  id: string,
  expectedStatus: string,
  patch: Partial<NewSubmission>,
): Promise<SubmissionRow | undefined> {
  const [row] = await db
    .update(verificationSubmissions)
    .set(patch)
    .where(and(eq(verificationSubmissions.id, id), eq(verificationSubmissions.status, expectedStatus)))
    .returning();
  return row;
}

export async function setCredentialStatus(
  db: DbOrTx,
  id: string,
  which: 'licence' | 'id_card',
  status: string,
): Promise<void> {
  await db
    .update(verificationSubmissions)
    .set(which === 'licence' ? { licenceStatus: status } : { idStatus: status })
    .where(eq(verificationSubmissions.id, id));
}

export async function qualificationsOf(db: DbOrTx, verificationIds: string[]): Promise<QualificationRow[]> {
  if (verificationIds.length === 0) return [];
  return db
    .select()
    .from(verificationQualifications)
    .where(sql`${verificationQualifications.verificationId} = any(${uuidArray(verificationIds)})`)
    .orderBy(asc(verificationQualifications.position));
}

export async function setQualificationStatus(db: DbOrTx, orgId: string, id: string, status: string): Promise<void> {
  await db
    .update(verificationQualifications)
    .set({ status })
    .where(and(eq(verificationQualifications.orgId, orgId), eq(verificationQualifications.id, id)));
}

/** Approved submissions whose licence or ID card ends on or before `until`. */
export async function approvedEndingBy(db: DbOrTx, until: string) {
  const approved = eq(verificationSubmissions.status, 'approved');
  const licences = await db
    .select()
    .from(verificationSubmissions)
    .where(
      and(
        approved,
        isNotNull(verificationSubmissions.licenceValidUntil),
        lte(verificationSubmissions.licenceValidUntil, until),
      ),
    );
  const idCards = await db
    .select()
    .from(verificationSubmissions)
    .where(
      and(approved, isNotNull(verificationSubmissions.idValidUntil), lte(verificationSubmissions.idValidUntil, until)),
    );
  return { licences, idCards };
}

/** Qualifications of approved submissions that end on or before `until`. */
export async function approvedQualificationsEndingBy(db: DbOrTx, until: string) {
  return db
    .select({ q: verificationQualifications })
    .from(verificationQualifications)
    .innerJoin(
      verificationSubmissions,
      and(
        eq(verificationSubmissions.orgId, verificationQualifications.orgId),
        eq(verificationSubmissions.id, verificationQualifications.verificationId),
      ),
    )
    .where(and(eq(verificationSubmissions.status, 'approved'), lte(verificationQualifications.validUntil, until)));
}

/** Records a notice once; false when it was already recorded. */
export async function insertNoticeOnce(db: DbOrTx, row: typeof expiryNotices.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(expiryNotices).values(row).onConflictDoNothing().returning({ id: expiryNotices.id });
  return inserted.length > 0;
}

/** The latest submission of each organisation (matching checks many suppliers at once). */
export async function latestSubmissions(db: DbOrTx, orgIds: readonly string[]): Promise<SubmissionRow[]> {
  if (orgIds.length === 0) return [];
  return db
    .selectDistinctOn([verificationSubmissions.orgId])
    .from(verificationSubmissions)
    .where(sql`${verificationSubmissions.orgId} = any(${uuidArray(orgIds)})`)
    .orderBy(verificationSubmissions.orgId, desc(verificationSubmissions.submittedAt));
}
