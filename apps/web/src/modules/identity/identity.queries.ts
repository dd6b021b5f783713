import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { setCsrfToken } from '../../app/api-client';
import { fetchMe, fetchSessions, logout, type MeData, revokeSession, stepUp } from './identity.api';

export const identityKeys = {
  me: ['identity', 'me'] as const,
  sessions: ['identity', 'sessions'] as const,
};

export function useMe() {
  return useQuery({ queryKey: identityKeys.me, queryFn: fetchMe, staleTime: 60_000 });
}

/** The signed-in user inside routes guarded by RequireAuth, where Me is always loaded. */
export function useAuthedMe(): MeData {
  const { data } = useMe();
  if (!data) throw new Error('useAuthedMe needs a signed-in user; wrap the route in RequireAuth');
  return data;
}

// Set when the user signs out from the menu, so the login screen opens plainly instead of offering to return.
let signedOutOnPurpose = false;

export function wasSignedOutOnPurpose(): boolean {
  return signedOutOnPurpose;
}

/** Stores a fresh Me (from login, activation, invitation accept …) as the current user. */
export function storeMe(queryClient: QueryClient, me: MeData): void {
  signedOutOnPurpose = false;
  setCsrfToken(me.csrfToken);
  queryClient.setQueryData(identityKeys.me, me);
}

/** Reloads Me from the server, e.g. after a change that alters memberships. */
export function refreshMe(queryClient: QueryClient): Promise<MeData | null> {
  return queryClient.fetchQuery({ queryKey: identityKeys.me, queryFn: fetchMe, staleTime: 0 });
}

/** Drops the user and every cached answer; signed-in routes then send the browser to /login. */
export function forgetSession(queryClient: QueryClient, options: { onPurpose?: boolean } = {}): void {
  signedOutOnPurpose = options.onPurpose ?? false;
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'identity' });
  queryClient.setQueryData(identityKeys.me, null);
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => forgetSession(queryClient, { onPurpose: true }),
  });
}

export function useSessions() {
  return useQuery({ queryKey: identityKeys.sessions, queryFn: fetchSessions });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeSession,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityKeys.sessions }),
  });
}

export function useStepUpMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: stepUp,
    onSuccess: (result) => {
      queryClient.setQueryData<MeData | null>(identityKeys.me, (me) =>
        me ? { ...me, stepUpUntil: result.stepUpUntil } : me,
      );
    },
  });
}
