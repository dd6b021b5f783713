import type { MembershipRole } from '@zhuhe/contracts';

/** Who may do what inside one organisation, as the web shows it. The server decides; these only hide buttons. */
export function canManageOrganisation(role: MembershipRole | null | undefined): boolean {
  return role === 'owner' || role === 'admin';
}

/** Roles that `actor` may give to another member; only an owner can hand over or share ownership. */
export function assignableMemberRoles(actor: MembershipRole | null | undefined): MembershipRole[] {
  if (actor === 'owner') return ['owner', 'admin', 'member'];
  if (actor === 'admin') return ['admin', 'member'];
  return [];
}

/** An admin may not change or remove an owner; nobody changes themselves here. */
export function canActOnMember(
  actor: MembershipRole | null | undefined,
  target: MembershipRole,
  isSelf: boolean,
): boolean {
  if (isSelf || !canManageOrganisation(actor)) return false;
  return actor === 'owner' || target !== 'owner';
}
