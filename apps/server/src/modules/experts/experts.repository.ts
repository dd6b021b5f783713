import { and, desc, eq, gte, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { expertAnswers, expertQuestions, expertRatings, experts } from './experts.tables';

export type ExpertRow = typeof experts.$inferSelect;
export type QuestionRow = typeof expertQuestions.$inferSelect;
export type AnswerRow = typeof expertAnswers.$inferSelect;
export type RatingRow = typeof expertRatings.$inferSelect;

export async function findExpert(db: DbOrTx, id: string): Promise<ExpertRow | undefined> {
  const [row] = await db.select().from(experts).where(eq(experts.id, id)).limit(1);
  return row;
}

export async function findExpertByUser(db: DbOrTx, userId: string): Promise<ExpertRow | undefined> {
  const [row] = await db.select().from(experts).where(eq(experts.userId, userId)).limit(1);
  return row;
}

export async function expertsByIds(db: DbOrTx, ids: string[]): Promise<ExpertRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(experts).where(inArray(experts.id, ids));
}

export async function upsertExpert(db: DbOrTx, row: ExpertRow): Promise<void> {
  const { id: _id, userId: _u, ...patch } = row;
  await db.insert(experts).values(row).onConflictDoUpdate({ target: experts.userId, set: patch });
}

/** Records a reviewer's decision on a pending application; false when it was no longer pending. */
export async function decide(db: DbOrTx, id: string, patch: Partial<ExpertRow>): Promise<boolean> {
  const rows = await db
    .update(experts)
    .set(patch)
    .where(and(eq(experts.id, id), eq(experts.status, 'pending')))
    .returning({ id: experts.id });
  return rows.length === 1;
}

export async function listExperts(db: DbOrTx, status?: string): Promise<ExpertRow[]> {
  return db
    .select()
    .from(experts)
    .where(status ? eq(experts.status, status) : undefined)
    .orderBy(desc(experts.submittedAt))
    .limit(500);
}

/** Verified experts with the filters the list offers; region codes are matched by the service (prefixes). */
export async function verifiedExperts(
  db: DbOrTx,
  f: { speciality: string | null; fee: 'free' | 'paid' | null },
): Promise<ExpertRow[]> {
  const parts: SQL[] = [eq(experts.status, 'verified')];
  if (f.speciality) parts.push(sql`${f.speciality} = any(${experts.specialities})`);
  if (f.fee === 'free') parts.push(sql`${experts.feeFen} is null`);
  if (f.fee === 'paid') parts.push(sql`${experts.feeFen} is not null`);
  return db
    .select()
    .from(experts)
    .where(and(...parts))
    .orderBy(desc(experts.years), experts.id)
    .limit(500);
}

/** Per expert: answers given, ratings received and their average. */
export async function expertStats(
  db: DbOrTx,
  ids: string[],
): Promise<Map<string, { answered: number; ratings: number; average: number | null }>> {
  const out = new Map<string, { answered: number; ratings: number; average: number | null }>();
  if (ids.length === 0) return out;
  const answered = await db
    .select({ expertId: expertAnswers.expertId, n: sql<number>`count(distinct ${expertAnswers.questionId})` })
    .from(expertAnswers)
    .where(inArray(expertAnswers.expertId, ids))
    .groupBy(expertAnswers.expertId);
  const rated = await db
    .select({
      expertId: expertRatings.expertId,
      n: sql<number>`count(*)`,
      avg: sql<string>`avg(${expertRatings.stars})`,
    })
    .from(expertRatings)
    .where(inArray(expertRatings.expertId, ids))
    .groupBy(expertRatings.expertId);
  for (const id of ids) out.set(id, { answered: 0, ratings: 0, average: null });
  for (const a of answered) (out.get(a.expertId) as { answered: number }).answered = Number(a.n);
  for (const r of rated) {
    const entry = out.get(r.expertId) as { ratings: number; average: number | null };
    entry.ratings = Number(r.n);
    entry.average = Math.round(Number(r.avg) * 10) / 10;
  }
  return out;
}

export async function insertQuestion(db: DbOrTx, row: QuestionRow): Promise<void> {
  await db.insert(expertQuestions).values(row);
}

export async function findQuestion(db: DbOrTx, id: string, lock = false): Promise<QuestionRow | undefined> {
  const query = db.select().from(expertQuestions).where(eq(expertQuestions.id, id)).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function updateQuestion(db: DbOrTx, id: string, patch: Partial<QuestionRow>): Promise<void> {
  await db.update(expertQuestions).set(patch).where(eq(expertQuestions.id, id));
}

export async function questionsAskedSince(db: DbOrTx, userId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(expertQuestions)
    .where(and(eq(expertQuestions.askerUserId, userId), gte(expertQuestions.createdAt, since)));
  return Number(row?.n ?? 0);
}

export async function answersSince(db: DbOrTx, expertId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(expertAnswers)
    .where(and(eq(expertAnswers.expertId, expertId), gte(expertAnswers.createdAt, since)));
  return Number(row?.n ?? 0);
}

const FUZZY_THRESHOLD = 0.45;

/** Public questions matching the words (all of them) and the speciality, newest first. */
export async function searchPublic(
  db: DbOrTx,
  f: {
    tsquery: string | null;
    fuzzy: readonly { text: string; tsquery: string | null }[];
    speciality: string | null;
  },
): Promise<QuestionRow[]> {
  const parts: SQL[] = [eq(expertQuestions.visibility, 'public')];
  if (f.tsquery) parts.push(sql`${expertQuestions.tokens} @@ ${f.tsquery}::tsquery`);
  for (const part of f.fuzzy)
    parts.push(
      part.tsquery
        ? sql`(${expertQuestions.tokens} @@ ${part.tsquery}::tsquery or word_similarity(${part.text}, ${expertQuestions.trgmText}) >= ${FUZZY_THRESHOLD})`
        : sql`word_similarity(${part.text}, ${expertQuestions.trgmText}) >= ${FUZZY_THRESHOLD}`,
    );
  if (f.speciality) parts.push(eq(expertQuestions.speciality, f.speciality));
  return db
    .select()
    .from(expertQuestions)
    .where(and(...parts))
    .orderBy(desc(expertQuestions.createdAt))
    .limit(100);
}

export async function questionsOfOrg(db: DbOrTx, orgId: string): Promise<QuestionRow[]> {
  return db
    .select()
    .from(expertQuestions)
    .where(eq(expertQuestions.askerOrgId, orgId))
    .orderBy(desc(expertQuestions.createdAt))
    .limit(200);
}

/** An expert's inbox: private consultations addressed to them, and open public questions in their specialities. */
export async function inboxOf(db: DbOrTx, expert: ExpertRow): Promise<QuestionRow[]> {
  return db
    .select()
    .from(expertQuestions)
    .where(
      or(
        eq(expertQuestions.expertId, expert.id),
        and(
          eq(expertQuestions.visibility, 'public'),
          sql`${expertQuestions.status} <> 'accepted'`,
          inArray(expertQuestions.speciality, expert.specialities),
        ),
      ),
    )
    .orderBy(desc(expertQuestions.createdAt))
    .limit(200);
}

export async function answersOf(db: DbOrTx, questionId: string): Promise<AnswerRow[]> {
  return db
    .select()
    .from(expertAnswers)
    .where(eq(expertAnswers.questionId, questionId))
    .orderBy(expertAnswers.createdAt);
}

export async function answerCounts(db: DbOrTx, questionIds: string[]): Promise<Map<string, number>> {
  if (questionIds.length === 0) return new Map();
  const rows = await db
    .select({ questionId: expertAnswers.questionId, n: sql<number>`count(*)` })
    .from(expertAnswers)
    .where(inArray(expertAnswers.questionId, questionIds))
    .groupBy(expertAnswers.questionId);
  return new Map(rows.map((r) => [r.questionId, Number(r.n)]));
}

export async function insertAnswer(db: DbOrTx, row: AnswerRow): Promise<void> {
  await db.insert(expertAnswers).values(row);
}

export async function ratingsOf(db: DbOrTx, answerIds: string[]): Promise<RatingRow[]> {
  if (answerIds.length === 0) return [];
  return db.select().from(expertRatings).where(inArray(expertRatings.answerId, answerIds));
}

/** false when the rater already rated the answer. */
export async function insertRating(db: DbOrTx, row: RatingRow): Promise<boolean> {
  const rows = await db.insert(expertRatings).values(row).onConflictDoNothing().returning({ id: expertRatings.id });
  return rows.length === 1;
}
