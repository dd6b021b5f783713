import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { ErrorState, ForbiddenState, LoadingState } from '../../app/page-states';
import { useMe, wasSignedOutOnPurpose } from './identity.queries';
import { homePathFor, safeNextPath } from './post-login-path';

/**
 * A redirect that keeps a spinner on screen: the target route may still be loading its chunk, and while it does the
 * router keeps showing what is rendered now, which for a bare <Navigate> would be an empty page.
 */
function RedirectWithSpinner({ to }: { to: string }) {
  return (
    <>
      <LoadingState minHeight="100vh" />
      <Navigate to={to} replace />
    </>
  );
}

/** Renders the child routes only for a signed-in user; others go to /login and come back afterwards. */
export function RequireAuth() {
  const { data: me, isPending, error, refetch } = useMe();
  const location = useLocation();
  if (isPending) return <LoadingState minHeight="100vh" />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!me) {
    if (wasSignedOutOnPurpose()) return <RedirectWithSpinner to="/login" />;
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <RedirectWithSpinner to={`/login?next=${next}`} />;
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
  if (me) return <RedirectWithSpinner to={safeNextPath(params.get('next')) ?? homePathFor(me)} />;
  return <Outlet />;
}
