import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { projectFiles, projectInvitations, projectQuestions, projects } from './projects.tables';

export type ProjectRow = typeof projects.$inferSelect;
export type ProjectQuestionRow = typeof projectQuestions.$inferSelect;

export async function insertProject(db: DbOrTx, row: typeof projects.$inferInsert): Promise<ProjectRow> {
  const [inserted] = await db.insert(projects).values(row).returning();
  return inserted as ProjectRow;
}

export async function updateProject(
  db: DbOrTx,
  orgId: string,
  id: string,
  patch: Partial<typeof projects.$inferInsert>,
): Promise<ProjectRow> {
  const [row] = await db
    .update(projects)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(projects.orgId, orgId), eq(projects.id, id)))
    .returning();
  return row as ProjectRow;
}

export async function findProject(db: DbOrTx, id: string): Promise<ProjectRow | undefined> {
  const [row] = await db.select().from(projects).where(eq(projects.id, id)).limit(1);
  return row;
}

export async function listOrgProjects(db: DbOrTx, orgId: string, limit: number): Promise<ProjectRow[]> {
  return db
    .select()
    .from(projects)
    .where(eq(projects.orgId, orgId))
    .orderBy(desc(projects.createdAt), desc(projects.id))
    .limit(limit);
}

/** One page of the organisation's projects, newest first, continuing after the project `after`. */
export async function pageOrgProjects(
  db: DbOrTx,
  orgId: string,
  page: { limit: number; after?: string | undefined },
): Promise<ProjectRow[]> {
  const conditions = [eq(projects.orgId, orgId)];
  if (page.after) {
    conditions.push(
      sql`(${projects.createdAt}, ${projects.id}) < (select p.created_at, p.id from projects p where p.org_id = ${orgId} and p.id = ${page.after})`,
    );
  }
  return db
    .select()
    .from(projects)
    .where(and(...conditions))
    .orderBy(desc(projects.createdAt), desc(projects.id))
    .limit(page.limit);
}

export async function replaceInvitations(db: DbOrTx, orgId: string, projectId: string, orgIds: readonly string[]) {
  await db
    .delete(projectInvitations)
    .where(and(eq(projectInvitations.orgId, orgId), eq(projectInvitations.projectId, projectId)));
  if (orgIds.length > 0)
    await db.insert(projectInvitations).values(orgIds.map((invitedOrgId) => ({ orgId, projectId, invitedOrgId })));
}

export async function invitedOrgIds(db: DbOrTx, projectId: string): Promise<string[]> {
  const rows = await db
    .select({ id: projectInvitations.invitedOrgId })
    .from(projectInvitations)
    .where(eq(projectInvitations.projectId, projectId));
  return rows.map((r) => r.id);
}

export async function replaceFiles(db: DbOrTx, orgId: string, projectId: string, fileIds: readonly string[]) {
  await db.delete(projectFiles).where(and(eq(projectFiles.orgId, orgId), eq(projectFiles.projectId, projectId)));
  if (fileIds.length > 0)
    await db.insert(projectFiles).values(fileIds.map((fileId, position) => ({ orgId, projectId, fileId, position })));
}

export async function fileIdsOf(db: DbOrTx, projectId: string): Promise<string[]> {
  const rows = await db
    .select({ id: projectFiles.fileId })
    .from(projectFiles)
    .where(eq(projectFiles.projectId, projectId))
    .orderBy(asc(projectFiles.position));
  return rows.map((r) => r.id);
}

export async function questionCounts(db: DbOrTx, projectIds: readonly string[]): Promise<Map<string, number>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db
    .select({ id: projectQuestions.projectId, n: count() })
    .from(projectQuestions)
    .where(inArray(projectQuestions.projectId, [...projectIds]))
    .groupBy(projectQuestions.projectId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

export async function insertQuestion(
  db: DbOrTx,
  row: typeof projectQuestions.$inferInsert,
): Promise<ProjectQuestionRow> {
  const [inserted] = await db.insert(projectQuestions).values(row).returning();
  return inserted as ProjectQuestionRow;
}

export async function listQuestions(db: DbOrTx, projectId: string): Promise<ProjectQuestionRow[]> {
  return db
    .select()
    .from(projectQuestions)
    .where(eq(projectQuestions.projectId, projectId))
    .orderBy(asc(projectQuestions.askedAt), asc(projectQuestions.id));
}

export async function answerQuestion(
  db: DbOrTx,
  orgId: string,
  projectId: string,
  id: string,
  answer: { answer: string; answeredBy: string },
): Promise<ProjectQuestionRow | undefined> {
  const [row] = await db
    .update(projectQuestions)
    .set({ ...answer, answeredAt: new Date() })
    .where(
      and(eq(projectQuestions.orgId, orgId), eq(projectQuestions.projectId, projectId), eq(projectQuestions.id, id)),
    )
    .returning();
  return row;
}

export async function insertProjects(db: DbOrTx, rows: (typeof projects.$inferInsert)[]): Promise<ProjectRow[]> {
  if (rows.length === 0) return [];
  return db.insert(projects).values(rows).returning();
}
