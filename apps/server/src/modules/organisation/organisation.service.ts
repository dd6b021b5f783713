import type { BusinessRole, MembershipRole } from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import type { DbOrTx } from '../../infra/db/client';
import { isUniqueViolation } from '../../infra/db/client';
import type { Actor, ActorMembership } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { recordProductEvent } from '../analytics';
import {
  findUserByIdentifier,
  getUser,
  getUsers,
  maskContact,
  normaliseIdentifier,
  setSessionContext,
  type UserRow,
} from '../identity';
import { organisationErrors } from './organisation.errors';
import * as repo from './organisation.repository';

export type { InvitationRow, OrganisationRow } from './organisation.repository';

const INVITATION_DAYS = 14;

export interface CreateOrganisationInput {
  name: string;
  creditCode: string;
  businessRoles: BusinessRole[];
  regionCode?: string | undefined;
  address?: string | undefined;
}

/** Creates an organisation with the creator as owner, and makes it the creator's active organisation. */
export async function createOrganisation(
  ctx: AppContext,
  actor: Pick<Actor, 'userId' | 'sessionId'>,
  input: CreateOrganisationInput,
): Promise<repo.OrganisationRow> {
  if (await repo.findOrganisationByCreditCode(ctx.db, input.creditCode))
    throw organisationErrors.raise('ORG_CREDIT_CODE_TAKEN');
  const roles = [...new Set(input.businessRoles)];
  const org = await ctx.db
    .transaction(async (tx) => {
      const created = await repo.insertOrganisation(tx, {
        id: newId(),
        name: input.name,
        creditCode: input.creditCode,
        businessRoles: roles,
        regionCode: input.regionCode ?? null,
        address: input.address ?? null,
        createdBy: actor.userId,
      });
      await repo.insertMembership(tx, { orgId: created.id, userId: actor.userId, role: 'owner' });
      await recordProductEvent(
        ctx,
        {
          name: 'organisation.created',
          userId: actor.userId,
          orgId: created.id,
          properties: { businessRoles: roles, regionCode: input.regionCode ?? null },
        },
        tx,
      );
      return created;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw organisationErrors.raise('ORG_CREDIT_CODE_TAKEN');
      throw error;
    });
  await setSessionContext(ctx, actor.sessionId, org.id, roles[0] ?? null);
  return org;
}

export async function getOrganisation(ctx: AppContext, orgId: string): Promise<repo.OrganisationRow> {
  const org = await repo.findOrganisation(ctx.db, orgId);
  if (!org) throw organisationErrors.raise('ORG_NOT_FOUND');
  return org;
}

export async function updateOrganisation(
  ctx: AppContext,
  orgId: string,
  patch: { name?: string; businessRoles?: BusinessRole[]; regionCode?: string | null; address?: string | null },
): Promise<repo.OrganisationRow> {
  const row = await repo.updateOrganisation(ctx.db, orgId, {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.businessRoles !== undefined ? { businessRoles: [...new Set(patch.businessRoles)] } : {}),
    ...(patch.regionCode !== undefined ? { regionCode: patch.regionCode } : {}),
    ...(patch.address !== undefined ? { address: patch.address } : {}),
    updatedAt: new Date(),
  });
  if (!row) throw organisationErrors.raise('ORG_NOT_FOUND');
  return row;
}

/** 角色切换 switches the session to act for this organisation in one of its business roles. */
export async function activate(ctx: AppContext, actor: Pick<Actor, 'sessionId'>, orgId: string, role: BusinessRole) {
  const org = await getOrganisation(ctx, orgId);
  if (!org.businessRoles.includes(role)) throw organisationErrors.raise('ORG_ROLE_NOT_HELD', { role });
  await setSessionContext(ctx, actor.sessionId, orgId, role);
}

/** What the access layer needs to know about a user's organisations. */
export async function membershipsOfUser(ctx: Pick<AppContext, 'db'>, userId: string): Promise<ActorMembership[]> {
  const rows = await repo.membershipsOfUser(ctx.db, userId);
  return rows.map((r) => ({
    orgId: r.orgId,
    orgName: r.orgName,
    membershipRole: r.membershipRole as MembershipRole,
    businessRoles: r.businessRoles as BusinessRole[],
  }));
}

export interface MemberView {
  userId: string;
  displayName: string;
  contact: string;
  role: MembershipRole;
  joinedAt: Date;
}

export async function listMembers(ctx: AppContext, orgId: string): Promise<MemberView[]> {
  const rows = await repo.listMembers(ctx.db, orgId);
  const users = new Map(
    (
      await getUsers(
        ctx,
        rows.map((r) => r.userId),
      )
    ).map((u) => [u.id, u]),
  );
  return rows.map((r) => {
    const user = users.get(r.userId);
    return {
      userId: r.userId,
      displayName: user?.displayName ?? '—',
      contact: user ? maskContact(user) : '—',
      role: r.role as MembershipRole,
      joinedAt: r.createdAt,
    };
  });
}

function assertCanTouchOwner(actorRole: MembershipRole, from: string, to?: string) {
  if ((from === 'owner' || to === 'owner') && actorRole !== 'owner') throw organisationErrors.raise('ORG_OWNER_ONLY');
}

export async function changeMemberRole(
  ctx: AppContext,
  actorRole: MembershipRole,
  orgId: string,
  userId: string,
  role: MembershipRole,
): Promise<MemberView> {
  await ctx.db.transaction(async (tx) => {
    const member = await repo.findMembership(tx, orgId, userId);
    if (!member) throw organisationErrors.raise('ORG_MEMBER_NOT_FOUND');
    assertCanTouchOwner(actorRole, member.role, role);
    if (member.role === 'owner' && role !== 'owner' && (await repo.countOwners(tx, orgId)) <= 1) {
      throw organisationErrors.raise('ORG_LAST_OWNER');
    }
    await repo.updateMembershipRole(tx, orgId, userId, role);
  });
  const view = (await listMembers(ctx, orgId)).find((m) => m.userId === userId);
  if (!view) throw organisationErrors.raise('ORG_MEMBER_NOT_FOUND');
  return view;
}

export async function removeMember(
  ctx: AppContext,
  actorRole: MembershipRole,
  orgId: string,
  userId: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const member = await repo.findMembership(tx, orgId, userId);
    if (!member) throw organisationErrors.raise('ORG_MEMBER_NOT_FOUND');
    assertCanTouchOwner(actorRole, member.role);
    if (member.role === 'owner' && (await repo.countOwners(tx, orgId)) <= 1)
      throw organisationErrors.raise('ORG_LAST_OWNER');
    await repo.deleteMembership(tx, orgId, userId);
  });
}

export interface InvitationView {
  row: repo.InvitationRow;
  /** the e-mail or mobile number invited, decrypted (the presenter masks a number) */
  address: string;
  orgName: string;
  invitedBy: string;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
}

function statusOf(row: repo.InvitationRow, now: Date): InvitationView['status'] {
  if (row.status === 'pending' && row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return row.status as InvitationView['status'];
}

async function viewInvitations(ctx: AppContext, rows: repo.InvitationRow[]): Promise<InvitationView[]> {
  const now = new Date();
  const orgs = new Map(
    (await repo.findOrganisationsByIds(ctx.db, [...new Set(rows.map((r) => r.orgId))])).map((o) => [o.id, o]),
  );
  const inviters = new Map(
    (
      await getUsers(
        ctx,
        rows.map((r) => r.invitedBy),
      )
    ).map((u) => [u.id, u]),
  );
  return rows.map((row) => ({
    row,
    address: repo.invitationAddress(ctx.config, row),
    orgName: orgs.get(row.orgId)?.name ?? '—',
    invitedBy: inviters.get(row.invitedBy)?.displayName ?? '—',
    status: statusOf(row, now),
  }));
}

export async function createInvitation(
  ctx: AppContext,
  actor: Pick<Actor, 'userId'>,
  orgId: string,
  input: { identifier: string; role: Exclude<MembershipRole, 'owner'> },
): Promise<InvitationView> {
  const identifier = normaliseIdentifier(input.identifier);
  const now = new Date();
  const existing = await findUserByIdentifier(ctx, identifier);
  if (existing && (await repo.findMembership(ctx.db, orgId, existing.id)))
    throw organisationErrors.raise('ORG_ALREADY_MEMBER');
  if (await repo.findPendingInvitation(ctx.db, orgId, repo.invitationLookup(ctx.config, identifier), now))
    throw organisationErrors.raise('ORG_INVITATION_PENDING');
  const row = await repo.insertInvitation(ctx.db, {
    id: newId(),
    orgId,
    ...repo.sealInvitationAddress(ctx.config, identifier),
    role: input.role,
    invitedBy: actor.userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
  });
  await recordProductEvent(ctx, {
    name: 'invitation.sent',
    userId: actor.userId,
    orgId,
    properties: { role: input.role },
  });
  const [view] = await viewInvitations(ctx, [row]);
  return view as InvitationView;
}

export async function listInvitations(ctx: AppContext, orgId: string): Promise<InvitationView[]> {
  return viewInvitations(ctx, await repo.listInvitations(ctx.db, orgId));
}

export async function revokeInvitation(ctx: AppContext, orgId: string, invitationId: string): Promise<void> {
  const row = await repo.findOrgInvitation(ctx.db, orgId, invitationId);
  if (!row || statusOf(row, new Date()) !== 'pending') throw organisationErrors.raise('ORG_INVITATION_NOT_FOUND');
  await repo.setInvitationStatus(ctx.db, invitationId, 'revoked', new Date());
}

/** The look-up forms of a user's addresses, as invitations store them. */
function identifiersOf(ctx: AppContext, user: UserRow): string[] {
  return [user.email, user.phone]
    .filter((v): v is string => Boolean(v))
    .map((v) => repo.invitationLookup(ctx.config, v));
}

export async function myInvitations(ctx: AppContext, userId: string): Promise<InvitationView[]> {
  const user = await getUser(ctx, userId);
  if (!user) return [];
  return viewInvitations(ctx, await repo.pendingInvitationsFor(ctx.db, identifiersOf(ctx, user), new Date()));
}

/** An invitation addressed to someone else is, to this user, not found. */
async function findMyPendingInvitation(ctx: AppContext, userId: string, invitationId: string) {
  const user = await getUser(ctx, userId);
  const row = await repo.findInvitation(ctx.db, invitationId);
  if (!user || !row || !identifiersOf(ctx, user).includes(row.identifier) || statusOf(row, new Date()) !== 'pending') {
    throw organisationErrors.raise('ORG_INVITATION_NOT_FOUND');
  }
  return row;
}

export async function acceptInvitation(
  ctx: AppContext,
  actor: Pick<Actor, 'userId' | 'sessionId'>,
  invitationId: string,
) {
  const row = await findMyPendingInvitation(ctx, actor.userId, invitationId);
  const org = await getOrganisation(ctx, row.orgId);
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.findMembership(tx, row.orgId, actor.userId))) {
      await repo.insertMembership(tx, { orgId: row.orgId, userId: actor.userId, role: row.role });
    }
    await repo.setInvitationStatus(tx, row.id, 'accepted', new Date());
    await recordProductEvent(
      ctx,
      { name: 'invitation.accepted', userId: actor.userId, orgId: row.orgId, properties: {} },
      tx,
    );
  });
  await setSessionContext(ctx, actor.sessionId, org.id, org.businessRoles[0] ?? null);
  return org;
}

export async function declineInvitation(ctx: AppContext, userId: string, invitationId: string): Promise<void> {
  const row = await findMyPendingInvitation(ctx, userId, invitationId);
  await repo.setInvitationStatus(ctx.db, row.id, 'revoked', new Date());
}

export async function listOrganisationsForStaff(ctx: AppContext, limit = 200) {
  return repo.listOrganisationsWithMemberCount(ctx.db, limit);
}

/** For demo data: an organisation with its owner, bypassing the HTTP flow. */
export async function createOrganisationDirect(
  ctx: AppContext,
  ownerUserId: string,
  input: CreateOrganisationInput & { verification?: string },
  members: { userId: string; role: MembershipRole }[] = [],
): Promise<repo.OrganisationRow> {
  return ctx.db.transaction(async (tx) => {
    const org = await repo.insertOrganisation(tx, {
      id: newId(),
      name: input.name,
      creditCode: input.creditCode,
      businessRoles: input.businessRoles,
      regionCode: input.regionCode ?? null,
      address: input.address ?? null,
      verification: input.verification ?? 'unverified',
      createdBy: ownerUserId,
    });
    await repo.insertMembership(tx, { orgId: org.id, userId: ownerUserId, role: 'owner' });
    for (const m of members) await repo.insertMembership(tx, { orgId: org.id, userId: m.userId, role: m.role });
    return org;
  });
}

/** 查找监理单位 by part of its name: verified 监理单位 (SVR) only, at most 10, with name and credit code alone. */
export async function searchSupervisors(
  ctx: AppContext,
  text: string,
): Promise<{ name: string; creditCode: string }[]> {
  return repo.searchVerifiedByRole(ctx.db, 'SVR', text, 10);
}

export async function findByCreditCode(ctx: AppContext, creditCode: string): Promise<repo.OrganisationRow> {
  const org = await repo.findOrganisationByCreditCode(ctx.db, creditCode);
  if (!org) throw organisationErrors.raise('ORG_NOT_FOUND');
  return org;
}

export type OrganisationVerificationStatus = 'unverified' | 'pending' | 'verified' | 'rejected' | 'expired';

/**
 * 实名核验状态 is this module's field, but the verification module decides it: it calls this after a submission,
 * a reviewer's decision or an expiry, inside its own transaction when it passes `tx`.
 */
export async function setVerificationStatus(
  ctx: AppContext,
  orgId: string,
  status: OrganisationVerificationStatus,
  tx?: DbOrTx,
): Promise<void> {
  await repo.updateOrganisation(tx ?? ctx.db, orgId, { verification: status, updatedAt: new Date() });
}

/**
 * 政府监管 makes a verified organisation a GOV viewer: its business roles become GOV alone, so it can no longer act
 * as a market party (ADR 0129). The boards module calls this when verification staff grant the role with a region.
 */
export async function setGovernmentRole(ctx: AppContext, orgId: string, tx?: DbOrTx): Promise<void> {
  await repo.updateOrganisation(tx ?? ctx.db, orgId, { businessRoles: ['GOV'], updatedAt: new Date() });
}

/** Organisations by id, for other modules' lists (names on boards and queues). */
export async function getOrganisations(ctx: AppContext, orgIds: string[]): Promise<repo.OrganisationRow[]> {
  if (orgIds.length === 0) return [];
  return repo.findOrganisationsByIds(ctx.db, [...new Set(orgIds)]);
}

/** The organisations registered under any of these 统一社会信用代码 (leads of the operations desk are linked by them). */
export async function organisationsByCreditCodes(ctx: Pick<AppContext, 'db'>, creditCodes: string[]) {
  return repo.findOrganisationsByCreditCodes(ctx.db, [...new Set(creditCodes)]);
}

/** The user ids of an organisation's owners and admins, e.g. to notify them. */
export async function managersOf(ctx: AppContext, orgId: string): Promise<string[]> {
  return (await repo.listMembers(ctx.db, orgId)).filter((m) => m.role !== 'member').map((m) => m.userId);
}

/** How many organisations have registered, and the place of one in registration order (the seed-user plan counts them). */
export async function registrationFacts(ctx: AppContext, orgId: string | null) {
  return {
    total: await repo.countOrganisations(ctx.db),
    rank: orgId ? await repo.registrationRank(ctx.db, orgId) : null,
  };
}
