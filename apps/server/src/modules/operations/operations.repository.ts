import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import {
  opsAssignments,
  opsAssists,
  opsCentreMembers,
  opsCentres,
  opsLeads,
  opsReports,
  opsTargets,
  opsVisits,
} from './operations.tables';

export type CentreRow = typeof opsCentres.$inferSelect;
export type MemberRow = typeof opsCentreMembers.$inferSelect;
export type LeadRow = typeof opsLeads.$inferSelect;
export type VisitRow = typeof opsVisits.$inferSelect;
export type AssignmentRow = typeof opsAssignments.$inferSelect;
export type AssistRow = typeof opsAssists.$inferSelect;
export type ReportRow = typeof opsReports.$inferSelect;

export async function insertCentre(db: DbOrTx, row: typeof opsCentres.$inferInsert) {
  await db.insert(opsCentres).values(row);
}
export async function findCentreByName(db: DbOrTx, name: string) {
  const [row] = await db.select().from(opsCentres).where(eq(opsCentres.name, name)).limit(1);
  return row;
}
export async function findCentre(db: DbOrTx, id: string) {
  const [row] = await db.select().from(opsCentres).where(eq(opsCentres.id, id)).limit(1);
  return row;
}
export async function listCentres(db: DbOrTx, ids?: string[]) {
  if (ids && ids.length === 0) return [];
  const q = db.select().from(opsCentres);
  return (ids ? q.where(inArray(opsCentres.id, ids)) : q).orderBy(asc(opsCentres.createdAt));
}

export async function insertMember(db: DbOrTx, row: typeof opsCentreMembers.$inferInsert) {
  await db.insert(opsCentreMembers).values(row);
}
export async function membershipsOf(db: DbOrTx, userId: string): Promise<MemberRow[]> {
  return db.select().from(opsCentreMembers).where(eq(opsCentreMembers.userId, userId));
}
export async function membersOf(db: DbOrTx, centreIds: string[]): Promise<MemberRow[]> {
  if (centreIds.length === 0) return [];
  return db
    .select()
    .from(opsCentreMembers)
    .where(inArray(opsCentreMembers.centreId, centreIds))
    .orderBy(asc(opsCentreMembers.addedAt));
}

export async function upsertTarget(db: DbOrTx, row: typeof opsTargets.$inferInsert) {
  await db
    .insert(opsTargets)
    .values(row)
    .onConflictDoUpdate({
      target: [opsTargets.userId, opsTargets.month],
      set: { newCustomers: row.newCustomers, setBy: row.setBy, updatedAt: row.updatedAt ?? new Date() },
    });
}
export async function targetsOf(db: DbOrTx, userIds: string[], month: string) {
  if (userIds.length === 0) return [];
  return db
    .select()
    .from(opsTargets)
    .where(and(inArray(opsTargets.userId, userIds), eq(opsTargets.month, month)));
}

export async function insertLead(db: DbOrTx, row: LeadRow) {
  await db.insert(opsLeads).values(row);
}
export async function findLead(db: DbOrTx, id: string, lock = false) {
  const q = db.select().from(opsLeads).where(eq(opsLeads.id, id)).limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}
export async function leadsWhere(db: DbOrTx, scope: { ownerUserId?: string; centreIds?: string[]; state?: string }) {
  const conditions = [];
  if (scope.ownerUserId) conditions.push(eq(opsLeads.ownerUserId, scope.ownerUserId));
  if (scope.centreIds) {
    if (scope.centreIds.length === 0) return [];
    conditions.push(inArray(opsLeads.centreId, scope.centreIds));
  }
  if (scope.state) conditions.push(eq(opsLeads.state, scope.state));
  return db
    .select()
    .from(opsLeads)
    .where(and(...conditions))
    .orderBy(desc(opsLeads.updatedAt))
    .limit(1_000);
}
export async function unlinkedLeadsWithCode(db: DbOrTx) {
  return db
    .select()
    .from(opsLeads)
    .where(and(isNull(opsLeads.orgId), isNotNull(opsLeads.creditCode)))
    .limit(5_000);
}
export async function leadsOfOrgs(db: DbOrTx, orgIds: string[]) {
  if (orgIds.length === 0) return [];
  return db.select().from(opsLeads).where(inArray(opsLeads.orgId, orgIds));
}
export async function updateLead(db: DbOrTx, id: string, set: Partial<LeadRow>) {
  await db.update(opsLeads).set(set).where(eq(opsLeads.id, id));
}
export async function leadsOfOwners(db: DbOrTx, ownerIds: string[]) {
  if (ownerIds.length === 0) return [];
  return db.select().from(opsLeads).where(inArray(opsLeads.ownerUserId, ownerIds));
}

export async function insertVisit(db: DbOrTx, row: VisitRow) {
  await db.insert(opsVisits).values(row);
}
export async function visitsOfLeads(db: DbOrTx, leadIds: string[]) {
  if (leadIds.length === 0) return [];
  return db.select().from(opsVisits).where(inArray(opsVisits.leadId, leadIds)).orderBy(desc(opsVisits.visitedAt));
}
export async function visitCountsBetween(db: DbOrTx, userIds: string[], from: Date, to: Date) {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ userId: opsVisits.userId, n: sql<string>`count(*)` })
    .from(opsVisits)
    .where(and(inArray(opsVisits.userId, userIds), gte(opsVisits.visitedAt, from), lt(opsVisits.visitedAt, to)))
    .groupBy(opsVisits.userId);
  return rows.map((r) => ({ userId: r.userId, n: Number(r.n) }));
}

export async function insertAssignment(db: DbOrTx, row: AssignmentRow) {
  await db.insert(opsAssignments).values(row);
}
export async function findAssignment(db: DbOrTx, id: string) {
  const [row] = await db.select().from(opsAssignments).where(eq(opsAssignments.id, id)).limit(1);
  return row;
}
export async function openAssignmentOf(db: DbOrTx, orgId: string) {
  const [row] = await db
    .select()
    .from(opsAssignments)
    .where(and(eq(opsAssignments.orgId, orgId), isNull(opsAssignments.closedAt)))
    .limit(1);
  return row;
}
export async function assignmentsOfOrg(db: DbOrTx, orgId: string) {
  return db.select().from(opsAssignments).where(eq(opsAssignments.orgId, orgId));
}
export async function assignmentsWhere(
  db: DbOrTx,
  scope: { managerUserId?: string; centreIds?: string[]; status?: 'open' | 'closed' },
) {
  const conditions = [];
  if (scope.managerUserId) conditions.push(eq(opsAssignments.managerUserId, scope.managerUserId));
  if (scope.centreIds) {
    if (scope.centreIds.length === 0) return [];
    conditions.push(inArray(opsAssignments.centreId, scope.centreIds));
  }
  if (scope.status === 'open') conditions.push(isNull(opsAssignments.closedAt));
  if (scope.status === 'closed') conditions.push(isNotNull(opsAssignments.closedAt));
  return db
    .select()
    .from(opsAssignments)
    .where(and(...conditions))
    .orderBy(desc(opsAssignments.openedAt))
    .limit(1_000);
}
export async function openCountsOf(db: DbOrTx, managerIds: string[]) {
  if (managerIds.length === 0) return [];
  const rows = await db
    .select({ userId: opsAssignments.managerUserId, n: sql<string>`count(*)` })
    .from(opsAssignments)
    .where(and(inArray(opsAssignments.managerUserId, managerIds), isNull(opsAssignments.closedAt)))
    .groupBy(opsAssignments.managerUserId);
  return rows.map((r) => ({ userId: r.userId, n: Number(r.n) }));
}
/** Closes the organisation's open assignment once; false when there was none (or another delivery closed it). */
export async function closeAssignment(
  db: DbOrTx,
  orgId: string,
  at: Date,
  event: string,
  reference: string,
): Promise<AssignmentRow | undefined> {
  const [row] = await db
    .update(opsAssignments)
    .set({ closedAt: at, closedEvent: event, closedReference: reference })
    .where(and(eq(opsAssignments.orgId, orgId), isNull(opsAssignments.closedAt)))
    .returning();
  return row;
}
export async function insertAssist(db: DbOrTx, row: AssistRow) {
  await db.insert(opsAssists).values(row);
}
export async function assistsOf(db: DbOrTx, assignmentIds: string[]) {
  if (assignmentIds.length === 0) return [];
  return db
    .select()
    .from(opsAssists)
    .where(inArray(opsAssists.assignmentId, assignmentIds))
    .orderBy(desc(opsAssists.at));
}

export async function upsertReport(db: DbOrTx, row: ReportRow) {
  await db
    .insert(opsReports)
    .values(row)
    .onConflictDoUpdate({
      target: opsReports.month,
      set: { content: row.content, generatedAt: row.generatedAt, generatedBy: row.generatedBy },
    });
}
export async function findReport(db: DbOrTx, month: string) {
  const [row] = await db.select().from(opsReports).where(eq(opsReports.month, month)).limit(1);
  return row;
}
export async function listReports(db: DbOrTx) {
  return db
    .select({ month: opsReports.month, generatedAt: opsReports.generatedAt, generatedBy: opsReports.generatedBy })
    .from(opsReports)
    .orderBy(desc(opsReports.month))
    .limit(120);
}
