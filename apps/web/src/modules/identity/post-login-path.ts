import type { MeData } from './identity.api';

/** Where a freshly signed-in user goes: the workspace; without an organisation, staff go to their console and
 * everyone else sets up an organisation first. */
export function homePathFor(me: MeData): string {
  if (me.memberships.length > 0) return '/workspace';
  return me.staffRoles.length > 0 ? '/staff' : '/orgs/new';
}

/** Accepts a `next` query value only when it is a path inside this site (no open redirect). */
export function safeNextPath(next: string | null): string | null {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next.startsWith('/login') || next.startsWith('/register')) return null;
  return next;
}
