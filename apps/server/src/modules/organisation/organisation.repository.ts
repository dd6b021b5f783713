import { identifierKind } from '@zhuhe/contracts';
import { and, count, desc, eq, gt, inArray, isNull, notLike, sql } from 'drizzle-orm';
import type { Config } from '../../config';
import { decryptField, encryptField, lookupHash } from '../../infra/crypto';
import type { DbOrTx } from '../../infra/db/client';
import { invitations, memberships, organisations } from './organisation.tables';

export type OrganisationRow = typeof organisations.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;

export async function insertOrganisation(db: DbOrTx, row: typeof organisations.$inferInsert): Promise<OrganisationRow> {
  const [inserted] = await db.insert(organisations).values(row).returning();
  return inserted as OrganisationRow;
}

export async function findOrganisation(db: DbOrTx, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  return row;
}

/**
 * Verified organisations with `role` whose name contains `text`, by name. `%` and `_` in the text are matched as
 * themselves. No index serves the infix match; the filter on role and verification comes first.
 */
export async function searchVerifiedByRole(
  db: DbOrTx,
  role: string,
  text: string,
  limit: number,
): Promise<{ name: string; creditCode: string }[]> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({ name: organisations.name, creditCode: organisations.creditCode })
    .from(organisations)
    .where(
      and(
        eq(organisations.verification, 'verified'),
        sql`${role} = any(${organisations.businessRoles})`,
        sql`${organisations.name} ilike ${pattern}`,
      ),
    )
    .orderBy(organisations.name)
    .limit(limit);
}

export async function findOrganisationByCreditCode(
  db: DbOrTx,
  creditCode: string,
): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.creditCode, creditCode)).limit(1);
  return row;
}

/** The organisations holding any of these 统一社会信用代码 (the operations desk links its leads by them). */
export async function findOrganisationsByCreditCodes(db: DbOrTx, creditCodes: string[]): Promise<OrganisationRow[]> {
  if (creditCodes.length === 0) return [];
  return db.select().from(organisations).where(inArray(organisations.creditCode, creditCodes));
}

export async function updateOrganisation(
  db: DbOrTx,
  id: string,
  patch: Partial<typeof organisations.$inferInsert>,
): Promise<OrganisationRow | undefined> {
  const [row] = await db.update(organisations).set(patch).where(eq(organisations.id, id)).returning();
  return row;
}

export async function listOrganisationsWithMemberCount(db: DbOrTx, limit: number) {
  return db
    .select({ org: organisations, memberCount: count(memberships.userId) })
    .from(organisations)
    .leftJoin(memberships, eq(memberships.orgId, organisations.id))
    .groupBy(organisations.id)
    .orderBy(desc(organisations.createdAt))
    .limit(limit);
}

export async function insertMembership(db: DbOrTx, row: typeof memberships.$inferInsert): Promise<void> {
  await db.insert(memberships).values(row);
}

export async function findMembership(db: DbOrTx, orgId: string, userId: string): Promise<MembershipRow | undefined> {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .limit(1);
  return row;
}

export async function listMembers(db: DbOrTx, orgId: string): Promise<MembershipRow[]> {
  return db.select().from(memberships).where(eq(memberships.orgId, orgId)).orderBy(memberships.createdAt);
}

export async function countOwners(db: DbOrTx, orgId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'owner')));
  return row?.n ?? 0;
}

export async function updateMembershipRole(db: DbOrTx, orgId: string, userId: string, role: string): Promise<void> {
  await db
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
}

export async function deleteMembership(db: DbOrTx, orgId: string, userId: string): Promise<void> {
  await db.delete(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
}

export async function membershipsOfUser(db: DbOrTx, userId: string) {
  return db
    .select({
      orgId: organisations.id,
      orgName: organisations.name,
      membershipRole: memberships.role,
      businessRoles: organisations.businessRoles,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(memberships.createdAt);
}

export async function insertInvitation(db: DbOrTx, row: typeof invitations.$inferInsert): Promise<InvitationRow> {
  const [inserted] = await db.insert(invitations).values(row).returning();
  return inserted as InvitationRow;
}

export async function listInvitations(db: DbOrTx, orgId: string): Promise<InvitationRow[]> {
  return db.select().from(invitations).where(eq(invitations.orgId, orgId)).orderBy(desc(invitations.createdAt));
}

export async function findPendingInvitation(db: DbOrTx, orgId: string, identifier: string, now: Date) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.orgId, orgId),
        eq(invitations.identifier, identifier),
        eq(invitations.status, 'pending'),
        gt(invitations.expiresAt, now),
      ),
    )
    .limit(1);
  return row;
}

export async function findInvitation(db: DbOrTx, id: string): Promise<InvitationRow | undefined> {
  const [row] = await db.select().from(invitations).where(eq(invitations.id, id)).limit(1);
  return row;
}

export async function findOrgInvitation(db: DbOrTx, orgId: string, id: string): Promise<InvitationRow | undefined> {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), eq(invitations.id, id)))
    .limit(1);
  return row;
}

export async function pendingInvitationsFor(db: DbOrTx, identifiers: string[], now: Date): Promise<InvitationRow[]> {
  if (identifiers.length === 0) return [];
  return db
    .select()
    .from(invitations)
    .where(
      and(
        inArray(invitations.identifier, identifiers),
        eq(invitations.status, 'pending'),
        gt(invitations.expiresAt, now),
      ),
    )
    .orderBy(desc(invitations.createdAt));
}

export async function setInvitationStatus(db: DbOrTx, id: string, status: string, now: Date): Promise<void> {
  await db.update(invitations).set({ status, decidedAt: now }).where(eq(invitations.id, id));
}

export async function findOrganisationsByIds(db: DbOrTx, ids: string[]): Promise<OrganisationRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(organisations).where(inArray(organisations.id, ids));
}

export async function countOrganisations(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(organisations);
  return Number(row?.n ?? 0);
}

/** 1 for the first organisation registered, by creation time then id; null when it does not exist. */
export async function registrationRank(db: DbOrTx, orgId: string): Promise<number | null> {
  const [row] = await db
    .select({ n: count() })
    .from(organisations)
    .where(
      sql`(${organisations.createdAt}, ${organisations.id}) <= (select o.created_at, o.id from organisations o where o.id = ${orgId})`,
    );
  const n = Number(row?.n ?? 0);
  return n === 0 ? null : n;
}

type AddressKeys = Pick<Config, 'fieldKeys' | 'lookupKey'>;

/** How an invitation's address is stored and looked up: a mobile number as its keyed hash, an e-mail as it is. */
export function invitationLookup(keys: AddressKeys, identifier: string): string {
  return identifierKind(identifier) === 'phone'
    ? `phone#${lookupHash(keys.lookupKey, `phone:${identifier}`)}`
    : identifier;
}

/** The columns that address an invitation: for a mobile number its hash and the encrypted number. */
export function sealInvitationAddress(keys: AddressKeys, identifier: string) {
  return {
    identifier: invitationLookup(keys, identifier),
    identifierEnc: identifierKind(identifier) === 'phone' ? encryptField(keys.fieldKeys, identifier) : null,
  };
}

/** The address in plaintext, for the organisation's list (masked by the presenter). */
export function invitationAddress(keys: AddressKeys, row: InvitationRow): string {
  return row.identifierEnc ? decryptField(keys.fieldKeys, row.identifierEnc) : row.identifier;
}

/**
 * 存量加密 start-up data step: invitations addressed to a plaintext mobile number get its hash and the encrypted
 * number instead. Idempotent; returns how many rows it sealed.
 */
export async function sealPlaintextInvitationPhones(db: DbOrTx, keys: AddressKeys): Promise<number> {
  const rows = await db
    .select({ id: invitations.id, identifier: invitations.identifier })
    .from(invitations)
    .where(and(isNull(invitations.identifierEnc), notLike(invitations.identifier, '%@%')));
  for (const row of rows) {
    await db.update(invitations).set(sealInvitationAddress(keys, row.identifier)).where(eq(invitations.id, row.id));
  }
  return rows.length;
}
