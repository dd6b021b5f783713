import type { BusinessRole, Invitation, MembershipRole, Organisation } from '@zhuhe/contracts';
import { identifierKind, maskPhone } from '@zhuhe/contracts';
import type { z } from 'zod';
import type { OrganisationRow } from './organisation.repository';
import type { InvitationView, MemberView } from './organisation.service';

export function presentOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    name: row.name,
    creditCode: row.creditCode,
    businessRoles: row.businessRoles as BusinessRole[],
    regionCode: row.regionCode,
    address: row.address,
    verification: row.verification as Organisation['verification'],
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentMember(m: MemberView) {
  return {
    userId: m.userId,
    displayName: m.displayName,
    contact: m.contact,
    role: m.role,
    joinedAt: m.joinedAt.toISOString(),
  };
}

export function presentInvitation(v: InvitationView): z.infer<typeof Invitation> {
  return {
    id: v.row.id,
    orgId: v.row.orgId,
    orgName: v.orgName,
    // 脱敏 (PLAT-2): an invitation addressed to a mobile number shows it masked, 138****5678
    identifier: identifierKind(v.address) === 'phone' ? maskPhone(v.address) : v.address,
    role: v.row.role as MembershipRole,
    status: v.status,
    invitedBy: v.invitedBy,
    createdAt: v.row.createdAt.toISOString(),
    expiresAt: v.row.expiresAt.toISOString(),
  };
}
