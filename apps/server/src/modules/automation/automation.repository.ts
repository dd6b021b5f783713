import { and, asc, count, desc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { automationEnrolments, automationJourneys, automationSends, automationTasks } from './automation.tables';

export type JourneyRow = typeof automationJourneys.$inferSelect;
export type EnrolmentRow = typeof automationEnrolments.$inferSelect;
export type SendRow = typeof automationSends.$inferSelect;
export type TaskRow = typeof automationTasks.$inferSelect;

export async function insertJourney(db: DbOrTx, row: typeof automationJourneys.$inferInsert): Promise<JourneyRow> {
  const [saved] = await db.insert(automationJourneys).values(row).returning();
  return saved as JourneyRow;
}

export async function updateJourney(
  db: DbOrTx,
  id: string,
  patch: Partial<typeof automationJourneys.$inferInsert>,
): Promise<JourneyRow | undefined> {
  const [row] = await db.update(automationJourneys).set(patch).where(eq(automationJourneys.id, id)).returning();
  return row;
}

export async function findJourney(db: DbOrTx, id: string): Promise<JourneyRow | undefined> {
  const [row] = await db.select().from(automationJourneys).where(eq(automationJourneys.id, id)).limit(1);
  return row;
}

export async function listJourneys(db: DbOrTx): Promise<JourneyRow[]> {
  return db.select().from(automationJourneys).orderBy(desc(automationJourneys.createdAt));
}

export async function activeJourneys(db: DbOrTx): Promise<JourneyRow[]> {
  return db.select().from(automationJourneys).where(eq(automationJourneys.status, 'active'));
}

/** Enrolment counts by journey and status, and sends by journey. */
export async function journeyCounts(db: DbOrTx, journeyIds: string[]) {
  if (journeyIds.length === 0) return { enrolments: [], sends: [] };
  const enrolments = await db
    .select({ journeyId: automationEnrolments.journeyId, status: automationEnrolments.status, n: count() })
    .from(automationEnrolments)
    .where(inArray(automationEnrolments.journeyId, journeyIds))
    .groupBy(automationEnrolments.journeyId, automationEnrolments.status);
  const sends = await db
    .select({ journeyId: automationSends.journeyId, n: count() })
    .from(automationSends)
    .where(inArray(automationSends.journeyId, journeyIds))
    .groupBy(automationSends.journeyId);
  return { enrolments, sends };
}

/** Inserts the enrolments not there yet (one per journey, subject and entry key); returns how many are new. */
export async function insertEnrolments(
  db: DbOrTx,
  rows: (typeof automationEnrolments.$inferInsert)[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(automationEnrolments)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: automationEnrolments.id });
  return inserted.length;
}

export async function dueEnrolments(db: DbOrTx, now: Date, limit: number): Promise<EnrolmentRow[]> {
  return db
    .select()
    .from(automationEnrolments)
    .where(and(eq(automationEnrolments.status, 'active'), lte(automationEnrolments.nextRunAt, now)))
    .orderBy(asc(automationEnrolments.nextRunAt))
    .limit(limit);
}

export async function activeEnrolmentsOf(db: DbOrTx, journeyId: string, limit: number): Promise<EnrolmentRow[]> {
  return db
    .select()
    .from(automationEnrolments)
    .where(and(eq(automationEnrolments.journeyId, journeyId), eq(automationEnrolments.status, 'active')))
    .orderBy(asc(automationEnrolments.nextRunAt))
    .limit(limit);
}

export async function enrolmentsOf(db: DbOrTx, journeyId: string, limit: number): Promise<EnrolmentRow[]> {
  return db
    .select()
    .from(automationEnrolments)
    .where(eq(automationEnrolments.journeyId, journeyId))
    .orderBy(desc(automationEnrolments.enteredAt))
    .limit(limit);
}

/** Subjects already enrolled in the journey (any entry), to tell the dry-run who is in already. */
export async function enrolledSubjects(db: DbOrTx, journeyId: string, entryKeys: string[]): Promise<Set<string>> {
  if (entryKeys.length === 0) return new Set();
  const rows = await db
    .select({ key: automationEnrolments.entryKey })
    .from(automationEnrolments)
    .where(and(eq(automationEnrolments.journeyId, journeyId), inArray(automationEnrolments.entryKey, entryKeys)));
  return new Set(rows.map((r) => r.key));
}

export async function updateEnrolment(
  db: DbOrTx,
  id: string,
  patch: Partial<typeof automationEnrolments.$inferInsert>,
): Promise<void> {
  await db.update(automationEnrolments).set(patch).where(eq(automationEnrolments.id, id));
}

/** Logs one action's outcome; false when this enrolment's step already acted (a retried tick). */
export async function insertSend(db: DbOrTx, row: typeof automationSends.$inferInsert): Promise<boolean> {
  const inserted = await db
    .insert(automationSends)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: automationSends.id });
  return inserted.length > 0;
}

/** Messages (not tasks) that reached the subject since `since`: the frequency cap counts these. */
export async function countSentSince(db: DbOrTx, subjectIds: string[], since: Date): Promise<Map<string, number>> {
  if (subjectIds.length === 0) return new Map();
  const rows = await db
    .select({ subjectId: automationSends.subjectId, n: count() })
    .from(automationSends)
    .where(
      and(
        inArray(automationSends.subjectId, subjectIds),
        eq(automationSends.outcome, 'sent'),
        ne(automationSends.channel, 'task'),
        gte(automationSends.at, since),
      ),
    )
    .groupBy(automationSends.subjectId);
  return new Map(rows.map((r) => [r.subjectId, r.n]));
}

export async function sendsOf(db: DbOrTx, journeyId: string, limit: number): Promise<SendRow[]> {
  return db
    .select()
    .from(automationSends)
    .where(eq(automationSends.journeyId, journeyId))
    .orderBy(desc(automationSends.at))
    .limit(limit);
}

export async function insertTask(db: DbOrTx, row: typeof automationTasks.$inferInsert): Promise<void> {
  await db.insert(automationTasks).values(row);
}

export async function listTasks(db: DbOrTx, status: 'open' | 'done' | undefined, limit: number): Promise<TaskRow[]> {
  const query = db.select().from(automationTasks);
  const filtered = status ? query.where(eq(automationTasks.status, status)) : query;
  return filtered.orderBy(sql`${automationTasks.status} = 'done'`, asc(automationTasks.dueAt)).limit(limit);
}

export async function findTask(db: DbOrTx, id: string): Promise<TaskRow | undefined> {
  const [row] = await db.select().from(automationTasks).where(eq(automationTasks.id, id)).limit(1);
  return row;
}

export async function completeTask(db: DbOrTx, id: string, at: Date, by: string): Promise<TaskRow | undefined> {
  const [row] = await db
    .update(automationTasks)
    .set({ status: 'done', doneAt: at, doneBy: by })
    .where(and(eq(automationTasks.id, id), eq(automationTasks.status, 'open')))
    .returning();
  return row;
}
