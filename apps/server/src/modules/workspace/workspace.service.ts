import type {
  BusinessRole,
  StaffRole,
  WorkspaceFigure,
  WorkspaceHome,
  WorkspacePart,
  WorkspaceTodo,
} from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import type { Actor } from '../../infra/http/access';
import { escrowHome, escrowStaffHome } from '../escrow';
import { executionHome } from '../execution';
import { insuranceHome } from '../insurance';
import { matchingHome } from '../matching';
import { listNotifications } from '../notifications';
import { getOrganisation } from '../organisation';
import { riskHome, riskStaffHome } from '../risk';
import { settlementHome } from '../settlement';
import { tenderingHome } from '../tendering';
import { verificationHome, verificationStaffHome } from '../verification';
import { workspaceErrors } from './workspace.errors';

type Part = (input: { orgId: string; role: BusinessRole; now: Date }) => Promise<WorkspacePart>;

/** Which modules speak on whose home page: buyers pay and tender, suppliers bid, file logs and answer pushes. */
function partsFor(ctx: AppContext, role: BusinessRole): Part[] {
  const tendering: Part = (i) => tenderingHome(ctx, i);
  const execution: Part = (i) => executionHome(ctx, i);
  const settlement: Part = (i) => settlementHome(ctx, i);
  const escrow: Part = (i) => escrowHome(ctx, i);
  const matching: Part = (i) => matchingHome(ctx, i);
  const risk: Part = (i) => riskHome(ctx, i);
  const verification: Part = (i) => verificationHome(ctx, i);
  const insurance: Part = (i) => insuranceHome(ctx, i);
  switch (role) {
    case 'GC':
      return [tendering, execution, settlement, escrow, risk, verification];
    case 'SUB':
    case 'SUP':
    case 'DES':
      return [matching, tendering, execution, settlement, risk, verification];
    case 'SVR':
      return [execution, settlement, risk, verification];
    case 'FIN':
      return [insurance, risk, verification];
    // 政府监管 reads the regional board only: no firm's to-dos reach its home page
    case 'GOV':
      return [verification];
  }
}

const SEVERITY_ORDER = { danger: 0, warning: 1, normal: 2 } as const;

/** Overdue first, then the nearest deadline, then the most severe; to-dos without a deadline last. */
export function orderTodos(todos: WorkspaceTodo[]): WorkspaceTodo[] {
  const time = (t: WorkspaceTodo) =>
    t.dueAt ? Date.parse(t.dueAt.length === 10 ? `${t.dueAt}T23:59:59+08:00` : t.dueAt) : Infinity;
  return [...todos].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      time(a) - time(b) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
}

function merge(parts: WorkspacePart[]): { todos: WorkspaceTodo[]; figures: WorkspaceFigure[] } {
  return { todos: orderTodos(parts.flatMap((p) => p.todos)), figures: parts.flatMap((p) => p.figures) };
}

const ACTIVITY_LIMIT = 8;

/** 工作台 of an organisation acting in one of its business roles. */
export async function organisationHome(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  role: BusinessRole,
): Promise<WorkspaceHome> {
  const org = await getOrganisation(ctx, orgId);
  if (!org.businessRoles.includes(role)) throw workspaceErrors.raise('WORKSPACE_ROLE_NOT_HELD', { role });
  const now = ctx.clock.now();
  const parts = await Promise.all(partsFor(ctx, role).map((part) => part({ orgId, role, now })));
  const notifications = await listNotifications(
    ctx,
    { userId: actor.userId, orgIds: [orgId] },
    { pageSize: ACTIVITY_LIMIT },
  );
  return {
    role,
    ...merge(parts),
    activity: notifications.items.map((n) => ({ id: n.id, title: n.title, at: n.createdAt, href: n.link })),
  };
}

/** 工作台 of platform staff: the queues their roles work on (a role without a queue sees the figures only). */
export async function staffHome(ctx: AppContext, actor: Actor): Promise<WorkspaceHome> {
  const has = (...roles: StaffRole[]) => actor.staffRoles.some((r) => roles.includes(r));
  const parts = await Promise.all([verificationStaffHome(ctx), riskStaffHome(ctx), escrowStaffHome(ctx)]);
  const [verification, risk, escrow] = parts;
  const queues = [
    has('reviewer', 'admin') ? verification.todos : [],
    has('risk', 'admin') ? risk.todos : [],
    has('finance', 'risk', 'admin') ? escrow.todos : [],
  ].flat();
  const notifications = await listNotifications(
    ctx,
    { userId: actor.userId, orgIds: [] },
    { pageSize: ACTIVITY_LIMIT },
  );
  return {
    role: null,
    todos: orderTodos(queues),
    figures: parts.flatMap((p) => p.figures),
    activity: notifications.items.map((n) => ({ id: n.id, title: n.title, at: n.createdAt, href: n.link })),
  };
}
