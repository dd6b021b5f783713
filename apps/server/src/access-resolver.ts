import type { BusinessRole } from '@zhuhe/contracts';
import type { AppContext } from './infra/context';
import type { Actor, ActorResolver } from './infra/http/access';
import { resolveSession } from './modules/identity';
import { membershipsOfUser } from './modules/organisation';
import { staffRolesOf } from './modules/staff';

/**
 * Builds the request's actor from the session (identity), the user's organisations (organisation) and staff
 * roles (staff). The active organisation only counts while the user is still a member and the organisation
 * still holds the active role; otherwise the first membership is used.
 */
export function createActorResolver(ctx: AppContext): ActorResolver {
  return {
    async resolve(token) {
      const found = await resolveSession(ctx, token);
      if (!found) return null;
      const { session, user } = found;
      const [memberships, staffRoles] = await Promise.all([
        membershipsOfUser(ctx, user.id),
        staffRolesOf(ctx, user.id),
      ]);
      // A session without a (still valid) context acts for the user's first organisation in its first role.
      const chosen = memberships.find((m) => m.orgId === session.activeOrgId);
      const active = chosen ?? memberships[0];
      const activeRole =
        chosen && session.activeRole && chosen.businessRoles.includes(session.activeRole as BusinessRole)
          ? (session.activeRole as BusinessRole)
          : (active?.businessRoles[0] ?? null);
      const actor: Actor = {
        userId: user.id,
        sessionId: session.id,
        csrfToken: session.csrfToken,
        mfa: session.mfa,
        pendingMfa: session.pendingMfa,
        stepUpAt: session.stepUpAt,
        activeOrgId: active ? active.orgId : null,
        activeRole,
        staffRoles,
        memberships,
      };
      return actor;
    },
  };
}
