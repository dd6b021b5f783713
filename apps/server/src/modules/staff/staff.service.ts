import type { StaffRole } from '@zhuhe/contracts';
import { type AuditRow, type ChainVerification, listAudit, verifyAuditChain } from '../../infra/audit/audit-chain';
import type { AppContext } from '../../infra/context';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { getUser, getUsers } from '../identity';
import { defineSensitiveAction, sensitiveAction } from './staff.dual-control';
import { staffErrors } from './staff.errors';
import * as repo from './staff.repository';

export type { DualControlRow } from './staff.repository';

const ROLE_NAMES: Record<StaffRole, string> = {
  operator: '运营',
  reviewer: '审核员',
  risk: '风控',
  service: '客服',
  finance: '财务',
  arbitrator: '仲裁员',
  admin: '超级管理员',
  editor: '政策编辑',
  bd: '地推专员',
  success: '客户成功经理',
  support_technical: '二线技术支持',
  support_expert: '三线专家',
};

export async function staffRolesOf(ctx: Pick<AppContext, 'db'>, userId: string): Promise<StaffRole[]> {
  return (await repo.rolesOfUser(ctx.db, userId)) as StaffRole[];
}

type RolePayload = { userId: string; role: StaffRole; displayName: string };

export const grantStaffRole = defineSensitiveAction<RolePayload>({
  name: 'staff.role.grant',
  roles: ['admin'],
  summary: (p) => ({
    'zh-CN': `授予 ${p.displayName} 平台角色「${ROLE_NAMES[p.role]}」`,
    en: `Grant ${p.displayName} the staff role ${p.role}`,
  }),
  async validate(ctx, p) {
    if (!(await getUser(ctx, p.userId))) throw staffErrors.raise('STAFF_USER_NOT_FOUND');
    if ((await repo.rolesOfUser(ctx.db, p.userId)).includes(p.role)) throw staffErrors.raise('STAFF_ROLE_ALREADY_HELD');
  },
  async execute(tx, p, meta) {
    await repo.insertStaffRole(tx, { userId: p.userId, role: p.role, grantedVia: meta.requestId });
  },
});

export const revokeStaffRole = defineSensitiveAction<RolePayload>({
  name: 'staff.role.revoke',
  roles: ['admin'],
  summary: (p) => ({
    'zh-CN': `撤销 ${p.displayName} 的平台角色「${ROLE_NAMES[p.role]}」`,
    en: `Revoke the staff role ${p.role} from ${p.displayName}`,
  }),
  async validate(ctx, p) {
    if (!(await repo.rolesOfUser(ctx.db, p.userId)).includes(p.role)) throw staffErrors.raise('STAFF_ROLE_NOT_HELD');
    if (p.role === 'admin' && (await repo.countRole(ctx.db, 'admin')) <= 1) throw staffErrors.raise('STAFF_LAST_ADMIN');
  },
  async execute(tx, p) {
    if (p.role === 'admin' && (await repo.countRole(tx, 'admin')) <= 1) throw staffErrors.raise('STAFF_LAST_ADMIN');
    if (!(await repo.deleteStaffRole(tx, p.userId, p.role))) throw staffErrors.raise('STAFF_ROLE_NOT_HELD');
  },
});

async function requestRoleChange(
  ctx: AppContext,
  actor: Actor,
  action: typeof grantStaffRole,
  input: { userId: string; role: StaffRole },
) {
  const user = await getUser(ctx, input.userId);
  if (!user) throw staffErrors.raise('STAFF_USER_NOT_FOUND');
  return requestSensitiveAction(ctx, actor, action.name, { ...input, displayName: user.displayName });
}

export const requestRoleGrant = (ctx: AppContext, actor: Actor, input: { userId: string; role: StaffRole }) =>
  requestRoleChange(ctx, actor, grantStaffRole, input);
export const requestRoleRevocation = (ctx: AppContext, actor: Actor, input: { userId: string; role: StaffRole }) =>
  requestRoleChange(ctx, actor, revokeStaffRole, input);

function assertMayHandle(actor: Actor, roles: readonly StaffRole[]) {
  if (!actor.staffRoles.some((r) => roles.includes(r))) throw staffErrors.raise('STAFF_ACTION_FORBIDDEN');
}

/** Stores a sensitive action as a pending request; it runs only after another staff member approves. */
export async function requestSensitiveAction(
  ctx: AppContext,
  actor: Actor,
  name: string,
  payload: Record<string, unknown>,
): Promise<repo.DualControlRow> {
  const action = sensitiveAction(name);
  if (!action) throw staffErrors.raise('STAFF_ACTION_UNKNOWN');
  assertMayHandle(actor, action.roles);
  await action.validate(ctx, payload);
  return repo.insertRequest(ctx.db, { id: newId(), action: name, payload, requestedBy: actor.userId });
}

export async function approveRequest(ctx: AppContext, actor: Actor, requestId: string, reason: string | null) {
  const request = await repo.findRequest(ctx.db, requestId);
  if (!request) throw staffErrors.raise('STAFF_REQUEST_NOT_FOUND');
  if (request.status !== 'pending') throw staffErrors.raise('STAFF_REQUEST_DECIDED');
  if (request.requestedBy === actor.userId) throw staffErrors.raise('STAFF_DUAL_CONTROL_SAME_PERSON');
  const action = sensitiveAction(request.action);
  if (!action) throw staffErrors.raise('STAFF_ACTION_UNKNOWN');
  assertMayHandle(actor, action.roles);
  await action.validate(ctx, request.payload);
  return ctx.db.transaction(async (tx) => {
    const decided = await repo.decideRequest(tx, requestId, {
      status: 'executed',
      decidedBy: actor.userId,
      reason,
      decidedAt: new Date(),
    });
    if (!decided) throw staffErrors.raise('STAFF_REQUEST_DECIDED');
    await action.execute(tx, request.payload, { requestId, approvedBy: actor.userId });
    return decided;
  });
}

export async function rejectRequest(ctx: AppContext, actor: Actor, requestId: string, reason: string | null) {
  const request = await repo.findRequest(ctx.db, requestId);
  if (!request) throw staffErrors.raise('STAFF_REQUEST_NOT_FOUND');
  const action = sensitiveAction(request.action);
  if (action) assertMayHandle(actor, action.roles);
  const decided = await repo.decideRequest(ctx.db, requestId, {
    status: 'rejected',
    decidedBy: actor.userId,
    reason,
    decidedAt: new Date(),
  });
  if (!decided) throw staffErrors.raise('STAFF_REQUEST_DECIDED');
  return decided;
}

/** 双人复核 what became of some requests (pending, executed, rejected), with who decided, for the modules that own them. */
export async function dualControlOutcomes(ctx: Pick<AppContext, 'db'>, requestIds: string[]) {
  const rows = await repo.findRequests(ctx.db, requestIds);
  return new Map(
    rows.map((r) => [r.id, { status: r.status, decidedBy: r.decidedBy, decidedAt: r.decidedAt, reason: r.reason }]),
  );
}

export async function listRequests(ctx: AppContext, limit = 100, status?: string) {
  const rows = await repo.listRequests(ctx.db, limit, status);
  const people = new Map(
    (
      await getUsers(
        ctx,
        rows.flatMap((r) => [r.requestedBy, r.decidedBy].filter((v): v is string => Boolean(v))),
      )
    ).map((u) => [u.id, u.displayName]),
  );
  return { rows, people };
}

export async function staffRolesByUser(ctx: AppContext): Promise<Map<string, StaffRole[]>> {
  const map = new Map<string, StaffRole[]>();
  for (const row of await repo.allStaffRoles(ctx.db)) {
    map.set(row.userId, [...(map.get(row.userId) ?? []), row.role as StaffRole]);
  }
  return map;
}

/** The staff holding any of `roles` who have an e-mail address: who gets an alert or a report by mail. */
export async function staffEmailsWithRoles(
  ctx: AppContext,
  roles: readonly string[],
): Promise<{ id: string; email: string }[]> {
  const ids = [...(await staffRolesByUser(ctx))]
    .filter(([, held]) => held.some((role) => roles.includes(role)))
    .map(([userId]) => userId);
  return (await getUsers(ctx, ids)).flatMap((u) => (u.email ? [{ id: u.id, email: u.email }] : []));
}

/**
 * The first platform admin, for a fresh installation (CLI) and the demo: refused once any admin exists, after
 * which every staff role goes through dual control.
 */
export async function bootstrapAdmin(
  ctx: Pick<AppContext, 'db'>,
  userId: string,
  extraRoles: StaffRole[] = [],
): Promise<void> {
  if ((await repo.countRole(ctx.db, 'admin')) > 0) throw staffErrors.raise('STAFF_ADMIN_EXISTS');
  for (const role of ['admin', ...extraRoles]) await repo.insertStaffRole(ctx.db, { userId, role, grantedVia: null });
}

/**
 * 审计日志 audit log for the staff console: a page, newest first, and the sequence number to pass as `beforeSeq`
 * for the next page (null on the last one).
 */
export async function auditPage(
  ctx: Pick<AppContext, 'db'>,
  options: { limit: number; beforeSeq?: number },
): Promise<{ rows: AuditRow[]; nextBeforeSeq: number | null }> {
  const rows = await listAudit(ctx.db, options);
  const oldest = rows.at(-1)?.seq ?? null;
  return { rows, nextBeforeSeq: rows.length === options.limit && oldest !== null && oldest > 1 ? oldest : null };
}

/** 校验审计链: recomputes the whole audit chain and names the first broken entry. */
export async function verifyAudit(ctx: Pick<AppContext, 'db'>): Promise<ChainVerification> {
  return verifyAuditChain(ctx.db);
}

/** Demo data only: staff roles for seeded staff members. */
export async function seedStaffRoles(ctx: Pick<AppContext, 'db'>, userId: string, roles: StaffRole[]): Promise<void> {
  for (const role of roles) await repo.insertStaffRole(ctx.db, { userId, role, grantedVia: null });
}

export function presentRequest(row: repo.DualControlRow, people: Map<string, string>) {
  const action = sensitiveAction(row.action);
  return {
    id: row.id,
    action: row.action,
    summary: action ? action.summary(row.payload) : { 'zh-CN': row.action, en: row.action },
    payload: row.payload,
    status: row.status as 'pending' | 'executed' | 'rejected',
    requestedBy: { id: row.requestedBy, displayName: people.get(row.requestedBy) ?? '—' },
    decidedBy: row.decidedBy ? { id: row.decidedBy, displayName: people.get(row.decidedBy) ?? '—' } : null,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}
