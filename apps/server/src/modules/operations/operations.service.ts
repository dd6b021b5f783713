import type {
  AddOpsCentreMemberBody,
  CheckInBody,
  CreateOpsAssignmentBody,
  CreateOpsAssistBody,
  CreateOpsCentreBody,
  CreateOpsLeadBody,
  OpsAssignment,
  OpsCentre,
  OpsCentreRole,
  OpsLead,
  OpsLeadState,
  OpsTargetBoard,
  OpsVisit,
  SetOpsTargetBody,
  StaffRole,
} from '@zhuhe/contracts';
import type { z } from 'zod';
import { shanghaiDate } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { getUsers } from '../identity';
import { getOrganisation, getOrganisations, organisationsByCreditCodes } from '../organisation';
import { isKnownRegion, regionName } from '../regions';
import { staffRolesOf } from '../staff';
import { operationErrors } from './operations.errors';
import * as repo from './operations.repository';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

/** The staff role a centre role needs: the manager is an operator; BD and success staff hold their own roles. */
const ROLE_NEEDED: Record<OpsCentreRole, StaffRole> = { manager: 'operator', bd: 'bd', success: 'success' };
const ROLE_NAMES: Record<OpsCentreRole, string> = { manager: '负责人', bd: '地推专员', success: '客户成功经理' };
const STATE_NAMES: Record<OpsLeadState, string> = {
  new: '新线索',
  visited: '已拜访',
  intent: '意向',
  registered: '已注册',
  won: '已成交',
  lost: '已流失',
};

/** [from, to) of a month (YYYY-MM) on the Shanghai calendar. */
export function monthWindow(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: new Date(`${month}-01T00:00:00+08:00`), to: new Date(`${next}-01T00:00:00+08:00`) };
}

export function currentMonth(ctx: Pick<AppContext, 'clock'>): string {
  return shanghaiDate(ctx.clock.now()).slice(0, 7);
}

/** Whether a region lies in a territory: the same code, or a division under a province or city code. */
export function inTerritory(regionCode: string, territories: readonly string[]): boolean {
  return territories.some((t) => {
    if (t === regionCode) return true;
    if (t.endsWith('0000')) return regionCode.startsWith(t.slice(0, 2));
    if (t.endsWith('00')) return regionCode.startsWith(t.slice(0, 4));
    return false;
  });
}

async function names(ctx: Ctx, userIds: string[]): Promise<Map<string, string>> {
  return new Map((await getUsers(ctx as AppContext, userIds)).map((u) => [u.id, u.displayName]));
}

/** Who the actor is on the desk: the centres they manage (all for an admin) and their own places. */
export async function scopeOf(ctx: Ctx, actor: Actor) {
  const places = await repo.membershipsOf(ctx.db, actor.userId);
  const managed = places.filter((p) => p.role === 'manager').map((p) => p.centreId);
  const admin = actor.staffRoles.includes('admin');
  return {
    admin,
    /** undefined: every centre */
    managedCentreIds: admin ? undefined : managed,
    places,
    placeAs: (role: OpsCentreRole) => places.find((p) => p.role === role),
  };
}
type Scope = Awaited<ReturnType<typeof scopeOf>>;
const manages = (scope: Scope, centreId: string) =>
  scope.managedCentreIds === undefined || scope.managedCentreIds.includes(centreId);

const uniqueById = <T extends { id: string }>(rows: T[]): T[] => [...new Map(rows.map((r) => [r.id, r])).values()];

// ——— centres ———

async function presentCentres(ctx: Ctx, rows: repo.CentreRow[]): Promise<OpsCentre[]> {
  const members = await repo.membersOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const who = await names(
    ctx,
    members.map((m) => m.userId),
  );
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    territories: c.territories.map((code) => ({ code, name: regionName(code) })),
    members: members
      .filter((m) => m.centreId === c.id)
      .map((m) => ({ userId: m.userId, displayName: who.get(m.userId) ?? '', role: m.role as OpsCentreRole })),
    createdAt: c.createdAt.toISOString(),
  }));
}

/** The centres the actor belongs to or manages (an admin: all). */
export async function listCentres(ctx: Ctx, actor: Actor) {
  const scope = await scopeOf(ctx, actor);
  const ids = scope.admin ? undefined : [...new Set(scope.places.map((p) => p.centreId))];
  return { items: await presentCentres(ctx, await repo.listCentres(ctx.db, ids)) };
}

export async function createCentre(ctx: Ctx, body: z.infer<typeof CreateOpsCentreBody>): Promise<OpsCentre> {
  for (const code of body.territories)
    if (!isKnownRegion(code)) throw operationErrors.raise('OPS_REGION_UNKNOWN', { code });
  if (await repo.findCentreByName(ctx.db, body.name))
    throw operationErrors.raise('OPS_CENTRE_NAME_TAKEN', { name: body.name });
  const row = { id: newId(), name: body.name, territories: [...new Set(body.territories)], createdAt: ctx.clock.now() };
  await repo.insertCentre(ctx.db, row);
  return (await presentCentres(ctx, [row]))[0] as OpsCentre;
}

export async function addMember(ctx: Ctx, centreId: string, body: z.infer<typeof AddOpsCentreMemberBody>) {
  const centre = await repo.findCentre(ctx.db, centreId);
  if (!centre) throw operationErrors.raise('OPS_CENTRE_NOT_FOUND');
  const needed = ROLE_NEEDED[body.role];
  if (!(await staffRolesOf(ctx, body.userId)).includes(needed))
    throw operationErrors.raise('OPS_MEMBER_ROLE_MISSING', { role: needed });
  // one centre per person and capacity: a BD's leads and targets belong to exactly one centre
  if ((await repo.membershipsOf(ctx.db, body.userId)).some((m) => m.role === body.role))
    throw operationErrors.raise('OPS_ALREADY_MEMBER');
  await repo.insertMember(ctx.db, { centreId, userId: body.userId, role: body.role, addedAt: ctx.clock.now() });
  return (await presentCentres(ctx, [centre]))[0] as OpsCentre;
}

// ——— leads ———

/**
 * 注册关联 links leads to the organisations registered under their 统一社会信用代码: the lead becomes 已注册 at
 * the organisation's registration time, and the organisation gets a 客户成功经理 of the lead's centre (the one with
 * the fewest open assignments) unless it had one before. Idempotent; run before every read and every 15 minutes.
 */
export async function linkRegisteredLeads(ctx: Ctx): Promise<number> {
  const unlinked = await repo.unlinkedLeadsWithCode(ctx.db);
  if (unlinked.length === 0) return 0;
  const orgs = await organisationsByCreditCodes(
    ctx,
    unlinked.map((l) => l.creditCode as string),
  );
  const byCode = new Map(orgs.map((o) => [o.creditCode, o]));
  let linked = 0;
  for (const lead of unlinked) {
    const org = byCode.get(lead.creditCode as string);
    if (!org) continue;
    await ctx.db.transaction(async (tx) => {
      await repo.updateLead(tx, lead.id, {
        orgId: org.id,
        registeredAt: org.createdAt,
        state: lead.state === 'won' ? 'won' : 'registered',
        updatedAt: ctx.clock.now(),
      });
      if ((await repo.assignmentsOfOrg(tx, org.id)).length === 0) {
        const successIds = (await repo.membersOf(tx, [lead.centreId]))
          .filter((m) => m.role === 'success')
          .map((m) => m.userId);
        if (successIds.length > 0) {
          const open = new Map((await repo.openCountsOf(tx, successIds)).map((r) => [r.userId, r.n]));
          const chosen = [...successIds].sort((a, b) => (open.get(a) ?? 0) - (open.get(b) ?? 0))[0] as string;
          await repo.insertAssignment(tx, {
            id: newId(),
            centreId: lead.centreId,
            orgId: org.id,
            managerUserId: chosen,
            // never before the registration (a lead read on a backdated clock links at the registration time)
            openedAt: new Date(Math.max(ctx.clock.now().getTime(), org.createdAt.getTime())),
            closedAt: null,
            closedEvent: null,
            closedReference: null,
          });
        }
      }
    });
    linked++;
  }
  return linked;
}

async function presentLeads(ctx: Ctx, rows: repo.LeadRow[]): Promise<(OpsLead & { visits: OpsVisit[] })[]> {
  const visits = await repo.visitsOfLeads(
    ctx.db,
    rows.map((r) => r.id),
  );
  const who = await names(ctx, [...rows.map((r) => r.ownerUserId), ...visits.map((v) => v.userId)]);
  const orgs = new Map(
    (
      await getOrganisations(
        ctx as AppContext,
        rows.flatMap((r) => (r.orgId ? [r.orgId] : [])),
      )
    ).map((o) => [o.id, o.name]),
  );
  return rows.map((r) => {
    const own = visits.filter((v) => v.leadId === r.id);
    return {
      id: r.id,
      centreId: r.centreId,
      owner: { userId: r.ownerUserId, displayName: who.get(r.ownerUserId) ?? '' },
      companyName: r.companyName,
      creditCode: r.creditCode,
      contactName: r.contactName,
      contactPhone: r.contactPhone,
      regionCode: r.regionCode,
      regionName: regionName(r.regionCode),
      source: r.source as OpsLead['source'],
      state: r.state as OpsLeadState,
      org: r.orgId ? { id: r.orgId, name: orgs.get(r.orgId) ?? r.companyName } : null,
      registeredAt: r.registeredAt?.toISOString() ?? null,
      firstDealAt: r.firstDealAt?.toISOString() ?? null,
      lastVisitAt: own[0]?.visitedAt.toISOString() ?? null,
      visitCount: own.length,
      createdAt: r.createdAt.toISOString(),
      visits: own.map((v) => ({
        id: v.id,
        leadId: v.leadId,
        byName: who.get(v.userId) ?? '',
        visitedAt: v.visitedAt.toISOString(),
        place: v.place,
        notes: v.notes,
        nextStep: v.nextStep,
        location: v.lat !== null && v.lng !== null ? { lat: v.lat, lng: v.lng, accuracyM: v.accuracyM } : null,
      })),
    };
  });
}

/** A BD's own leads; a manager's: their centres' leads (and their own); an admin's: every lead. */
export async function listLeads(ctx: Ctx, actor: Actor, state?: OpsLeadState) {
  await linkRegisteredLeads(ctx);
  const scope = await scopeOf(ctx, actor);
  const own = await repo.leadsWhere(ctx.db, { ownerUserId: actor.userId, ...(state ? { state } : {}) });
  const managed =
    scope.managedCentreIds === undefined || scope.managedCentreIds.length > 0
      ? await repo.leadsWhere(ctx.db, {
          ...(scope.managedCentreIds ? { centreIds: scope.managedCentreIds } : {}),
          ...(state ? { state } : {}),
        })
      : [];
  const rows = uniqueById([...own, ...managed]).sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
  return { items: (await presentLeads(ctx, rows)).map(({ visits: _v, ...lead }) => lead) };
}

/** A lead its owner, its centre's manager or an admin may see; anyone else gets 404. */
async function visibleLead(ctx: Ctx, actor: Actor, leadId: string, lock = false) {
  const lead = await repo.findLead(ctx.db, leadId, lock);
  if (!lead) throw operationErrors.raise('OPS_LEAD_NOT_FOUND');
  if (lead.ownerUserId === actor.userId) return lead;
  if (manages(await scopeOf(ctx, actor), lead.centreId)) return lead;
  throw operationErrors.raise('OPS_LEAD_NOT_FOUND');
}

export async function leadDetail(ctx: Ctx, actor: Actor, leadId: string) {
  await linkRegisteredLeads(ctx);
  return (await presentLeads(ctx, [await visibleLead(ctx, actor, leadId)]))[0] as OpsLead & { visits: OpsVisit[] };
}

async function ownLead(ctx: Ctx, actor: Actor, leadId: string) {
  const lead = await repo.findLead(ctx.db, leadId);
  // only the owner works the lead (a manager reads it): another BD's lead does not exist for them
  if (!lead || lead.ownerUserId !== actor.userId) throw operationErrors.raise('OPS_LEAD_NOT_FOUND');
  return lead;
}

export async function createLead(ctx: Ctx, actor: Actor, body: z.infer<typeof CreateOpsLeadBody>) {
  const scope = await scopeOf(ctx, actor);
  const place = scope.placeAs('bd');
  if (!place) throw operationErrors.raise('OPS_NOT_IN_CENTRE');
  const centre = (await repo.findCentre(ctx.db, place.centreId)) as repo.CentreRow;
  if (!isKnownRegion(body.regionCode)) throw operationErrors.raise('OPS_REGION_UNKNOWN', { code: body.regionCode });
  if (!inTerritory(body.regionCode, centre.territories))
    throw operationErrors.raise('OPS_REGION_OUTSIDE_TERRITORY', { region: regionName(body.regionCode) });
  const creditCode = body.creditCode ?? null;
  if (creditCode) {
    const [existing] = (await repo.leadsWhere(ctx.db, {})).filter((l) => l.creditCode === creditCode);
    if (existing) throw operationErrors.raise('OPS_LEAD_DUPLICATE', { creditCode, companyName: existing.companyName });
  }
  const now = ctx.clock.now();
  const row: repo.LeadRow = {
    id: newId(),
    centreId: centre.id,
    ownerUserId: actor.userId,
    companyName: body.companyName,
    creditCode,
    contactName: body.contactName,
    contactPhone: body.contactPhone,
    regionCode: body.regionCode,
    source: body.source,
    state: 'new',
    orgId: null,
    registeredAt: null,
    firstDealAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await repo.insertLead(ctx.db, row);
  return leadDetail(ctx, actor, row.id);
}

const FUNNEL: OpsLeadState[] = ['new', 'visited', 'intent', 'registered', 'won'];

/** 拜访签到: the visit is recorded at the clock's time; a new lead becomes 已拜访, or 意向 when the visit says so. */
export async function checkIn(ctx: Ctx, actor: Actor, leadId: string, body: z.infer<typeof CheckInBody>) {
  await ownLead(ctx, actor, leadId);
  await ctx.db.transaction(async (tx) => {
    const lead = (await repo.findLead(tx, leadId, true)) as repo.LeadRow;
    const now = ctx.clock.now();
    await repo.insertVisit(tx, {
      id: newId(),
      leadId,
      userId: actor.userId,
      visitedAt: now,
      place: body.place,
      notes: body.notes,
      nextStep: body.nextStep,
      lat: body.location?.lat ?? null,
      lng: body.location?.lng ?? null,
      accuracyM: body.location?.accuracyM ?? null,
    });
    const wanted: OpsLeadState = body.intent ? 'intent' : 'visited';
    // a visit moves a lead forward only (a lost lead visited again is back in the funnel)
    const state =
      lead.state === 'lost' || FUNNEL.indexOf(wanted) > FUNNEL.indexOf(lead.state as OpsLeadState)
        ? wanted
        : lead.state;
    await repo.updateLead(tx, leadId, { state, updatedAt: now });
  });
  return leadDetail(ctx, actor, leadId);
}

/** The BD's own moves: 意向 (from 新线索 or 已拜访) and 已流失 (from any state before 已注册). */
export async function changeLeadState(ctx: Ctx, actor: Actor, leadId: string, to: 'intent' | 'lost') {
  const lead = await ownLead(ctx, actor, leadId);
  const allowed = to === 'intent' ? ['new', 'visited', 'lost'] : ['new', 'visited', 'intent'];
  if (!allowed.includes(lead.state))
    throw operationErrors.raise('OPS_LEAD_STATE_INVALID', {
      state: STATE_NAMES[lead.state as OpsLeadState],
      to: STATE_NAMES[to],
    });
  await repo.updateLead(ctx.db, leadId, { state: to, updatedAt: ctx.clock.now() });
  return leadDetail(ctx, actor, leadId);
}

// ——— targets ———

/**
 * 目标与进度 for a month: per 地推专员, the target and what their leads became in the month. A lead counts as a new
 * customer when its organisation registered in the month and after the BD entered the lead (a company already on the
 * platform is not a new customer); first deals count the leads whose organisation made its first transaction in the
 * month. A BD sees their own row; a manager their centres'; an admin every centre's.
 */
export async function targetBoard(ctx: Ctx, actor: Actor, month = currentMonth(ctx)): Promise<OpsTargetBoard> {
  await linkRegisteredLeads(ctx);
  const scope = await scopeOf(ctx, actor);
  const centreIds =
    scope.managedCentreIds === undefined
      ? (await repo.listCentres(ctx.db)).map((c) => c.id)
      : [...scope.managedCentreIds, ...scope.places.filter((p) => p.role === 'bd').map((p) => p.centreId)];
  const members = (await repo.membersOf(ctx.db, [...new Set(centreIds)])).filter(
    (m) => m.role === 'bd' && (m.userId === actor.userId || manages(scope, m.centreId)),
  );
  const userIds = members.map((m) => m.userId);
  const { from, to } = monthWindow(month);
  const [targets, leads, visits, centres, who] = await Promise.all([
    repo.targetsOf(ctx.db, userIds, month),
    repo.leadsOfOwners(ctx.db, userIds),
    repo.visitCountsBetween(ctx.db, userIds, from, to),
    repo.listCentres(ctx.db, [...new Set(members.map((m) => m.centreId))]),
    names(ctx, userIds),
  ]);
  const within = (d: Date | null) => d !== null && d >= from && d < to;
  return {
    month,
    items: members.map((m) => {
      const mine = leads.filter((l) => l.ownerUserId === m.userId);
      const registered = mine.filter(
        (l) => within(l.registeredAt) && (l.registeredAt as Date).getTime() >= l.createdAt.getTime(),
      ).length;
      const target = targets.find((t) => t.userId === m.userId)?.newCustomers ?? null;
      return {
        userId: m.userId,
        displayName: who.get(m.userId) ?? '',
        centreId: m.centreId,
        centreName: centres.find((c) => c.id === m.centreId)?.name ?? '',
        month,
        target,
        registered,
        firstDeals: mine.filter((l) => within(l.firstDealAt)).length,
        visits: visits.find((v) => v.userId === m.userId)?.n ?? 0,
        progress: target ? registered / target : null,
      };
    }),
  };
}

/** The centre's manager sets a BD's target for a month (again: replaces it). */
export async function setTarget(ctx: Ctx, actor: Actor, body: z.infer<typeof SetOpsTargetBody>) {
  const scope = await scopeOf(ctx, actor);
  const place = (await repo.membershipsOf(ctx.db, body.userId)).find((m) => m.role === 'bd');
  if (!place || !manages(scope, place.centreId))
    throw operationErrors.raise('OPS_PERSON_NOT_IN_YOUR_CENTRE', { role: ROLE_NAMES.bd });
  await repo.upsertTarget(ctx.db, {
    userId: body.userId,
    month: body.month,
    newCustomers: body.newCustomers,
    setBy: actor.userId,
    updatedAt: ctx.clock.now(),
  });
  return targetBoard(ctx, actor, body.month);
}

// ——— customer success ———

async function presentAssignments(ctx: Ctx, rows: repo.AssignmentRow[]): Promise<OpsAssignment[]> {
  const assists = await repo.assistsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const who = await names(ctx, [...rows.map((r) => r.managerUserId), ...assists.map((a) => a.userId)]);
  const orgs = new Map(
    (
      await getOrganisations(
        ctx as AppContext,
        rows.map((r) => r.orgId),
      )
    ).map((o) => [o.id, o.name]),
  );
  return rows.map((r) => ({
    id: r.id,
    centreId: r.centreId,
    org: { id: r.orgId, name: orgs.get(r.orgId) ?? '' },
    manager: { userId: r.managerUserId, displayName: who.get(r.managerUserId) ?? '' },
    status: r.closedAt ? 'closed' : 'open',
    openedAt: r.openedAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
    closedBy: r.closedEvent ? { event: r.closedEvent, reference: r.closedReference ?? '' } : null,
    assists: assists
      .filter((a) => a.assignmentId === r.id)
      .map((a) => ({
        id: a.id,
        kind: a.kind as OpsAssignment['assists'][number]['kind'],
        notes: a.notes,
        byName: who.get(a.userId) ?? '',
        at: a.at.toISOString(),
      })),
  }));
}

/** A success manager's own assignments; a manager's: their centres'; an admin's: all. */
export async function listAssignments(ctx: Ctx, actor: Actor, status?: 'open' | 'closed') {
  await linkRegisteredLeads(ctx);
  const scope = await scopeOf(ctx, actor);
  const own = await repo.assignmentsWhere(ctx.db, { managerUserId: actor.userId, ...(status ? { status } : {}) });
  const managed =
    scope.managedCentreIds === undefined || scope.managedCentreIds.length > 0
      ? await repo.assignmentsWhere(ctx.db, {
          ...(scope.managedCentreIds ? { centreIds: scope.managedCentreIds } : {}),
          ...(status ? { status } : {}),
        })
      : [];
  const rows = uniqueById([...own, ...managed]);
  rows.sort((a, b) => Number(!!a.closedAt) - Number(!!b.closedAt) || b.openedAt.getTime() - a.openedAt.getTime());
  return { items: await presentAssignments(ctx, rows) };
}

/** The centre's manager assigns a new organisation to one of the centre's 客户成功经理. */
export async function assign(ctx: Ctx, actor: Actor, body: z.infer<typeof CreateOpsAssignmentBody>) {
  const scope = await scopeOf(ctx, actor);
  const place = (await repo.membershipsOf(ctx.db, body.managerUserId)).find((m) => m.role === 'success');
  if (!place || !manages(scope, place.centreId))
    throw operationErrors.raise('OPS_PERSON_NOT_IN_YOUR_CENTRE', { role: ROLE_NAMES.success });
  if (!(await getOrganisation(ctx as AppContext, body.orgId))) throw operationErrors.raise('OPS_ORG_NOT_FOUND');
  if (await repo.openAssignmentOf(ctx.db, body.orgId)) throw operationErrors.raise('OPS_ASSIGNMENT_OPEN');
  const row: repo.AssignmentRow = {
    id: newId(),
    centreId: place.centreId,
    orgId: body.orgId,
    managerUserId: body.managerUserId,
    openedAt: ctx.clock.now(),
    closedAt: null,
    closedEvent: null,
    closedReference: null,
  };
  await repo.insertAssignment(ctx.db, row);
  return (await presentAssignments(ctx, [row]))[0] as OpsAssignment;
}

export async function recordAssist(
  ctx: Ctx,
  actor: Actor,
  assignmentId: string,
  body: z.infer<typeof CreateOpsAssistBody>,
) {
  const row = await repo.findAssignment(ctx.db, assignmentId);
  if (!row || row.managerUserId !== actor.userId) throw operationErrors.raise('OPS_ASSIGNMENT_NOT_FOUND');
  if (row.closedAt) throw operationErrors.raise('OPS_ASSIGNMENT_CLOSED');
  await repo.insertAssist(ctx.db, {
    id: newId(),
    assignmentId,
    userId: actor.userId,
    kind: body.kind,
    notes: body.notes,
    at: ctx.clock.now(),
  });
  return (await presentAssignments(ctx, [row]))[0] as OpsAssignment;
}

/**
 * 首笔交易 an organisation's first transaction (a signed contract, a milestone paid out of escrow): its open
 * assignment closes with the event as the reason, and the leads it came from become 已成交 at that time. Later
 * transactions change nothing (the first one is kept).
 */
export async function recordTransaction(
  ctx: Ctx,
  orgIds: string[],
  at: Date,
  event: string,
  reference: string,
): Promise<{ closed: number }> {
  await linkRegisteredLeads(ctx);
  let closed = 0;
  await ctx.db.transaction(async (tx) => {
    for (const orgId of new Set(orgIds)) {
      if (await repo.closeAssignment(tx, orgId, at, event, reference)) closed++;
      for (const lead of await repo.leadsOfOrgs(tx, [orgId]))
        if (!lead.firstDealAt) await repo.updateLead(tx, lead.id, { firstDealAt: at, state: 'won', updatedAt: at });
    }
  });
  return { closed };
}
