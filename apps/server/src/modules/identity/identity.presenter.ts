import { type Me, maskPhone } from '@zhuhe/contracts';
import type { Actor } from '../../infra/http/access';
import type { UserRow } from './identity.repository';

export function presentMe(user: UserRow, actor: Actor, stepUpMinutes: number): Me {
  const stepUpUntil = actor.stepUpAt ? new Date(actor.stepUpAt.getTime() + stepUpMinutes * 60_000) : null;
  return {
    user: {
      id: user.id,
      email: user.email,
      // 脱敏 masked here; the owner sees the whole number only through POST /api/auth/phone/reveal (audited)
      phone: user.phone ? maskPhone(user.phone) : null,
      displayName: user.displayName,
      totpEnabled: user.totpEnabled,
      emailVerified: Boolean(user.email && user.emailVerifiedAt),
      phoneVerified: Boolean(user.phone && user.phoneVerifiedAt),
      createdAt: user.createdAt.toISOString(),
    },
    csrfToken: actor.csrfToken,
    mfa: actor.mfa,
    stepUpUntil: stepUpUntil && stepUpUntil.getTime() > Date.now() ? stepUpUntil.toISOString() : null,
    activeOrgId: actor.activeOrgId,
    activeRole: actor.activeRole,
    memberships: actor.memberships,
    staffRoles: actor.staffRoles,
  };
}
