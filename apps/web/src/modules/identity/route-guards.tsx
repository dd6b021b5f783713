import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { ErrorState, ForbiddenState, LoadingState } from '../../app/page-states';
import { useMe, wasSignedOutOnPurpose } from './identity.queries';
import { homePathFor, safeNextPath } from './post-login-path';

/** Renders the child routes only for a signed-in user; others go to /login and come back afterwards. */
export function RequireAuth() {
  const { data: me, isPending, error, refetch } = useMe();
  const location = useLocation();
  if (isPending) return <LoadingState minHeight="100vh" />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!me) {
    if (wasSignedOutOnPurpose()) return <Navigate to="/login" replace />;
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return <Outlet />;
}

/** The staff console is for users holding a staff role; the server enforces the rest (2FA, per-role rights). */
export function RequireStaff() {
  const { data: me } = useMe();
  if (!me || me.staffRoles.length === 0) {
    return <ForbiddenState />;
  }
  return <Outlet />;
}

/** Login and registration screens; a signed-in user is sent on to where they were going. */
export function GuestOnly() {
  const { data: me, isPending } = useMe();
  const [params] = useSearchParams();
  if (isPending) return <LoadingState minHeight="100vh" />;
  if (me) return <Navigate to={safeNextPath(params.get('next')) ?? homePathFor(me)} replace />;
  return <Outlet />;
}
