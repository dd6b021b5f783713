import { lazy, useEffect, useRef } from 'react';
import { Navigate, Outlet } from 'react-router';
import { LoadingState } from '../../app/page-states';
import { useAuthedMe } from '../identity';
import { useActivateContext } from './organisation.queries';

/** Only users with several organisations or roles see the chooser; the others do not load it. */
const ContextChooser = lazy(() => import('./context-chooser').then((m) => ({ default: m.ContextChooser })));

/**
 * Workspace routes need an active organisation and business role. Without any membership the user creates an
 * organisation first; with one organisation it is activated in its first role; with several the user picks.
 */
export function RequireActiveContext() {
  const me = useAuthedMe();
  const activate = useActivateContext();
  const attempted = useRef(false);
  const active = me.memberships.some((membership) => membership.orgId === me.activeOrgId) && me.activeRole !== null;
  const only = me.memberships.length === 1 ? me.memberships[0] : undefined;
  const onlyRole = only?.businessRoles[0];
  const autoActivate = !active && only !== undefined && onlyRole !== undefined;

  useEffect(() => {
    if (!autoActivate || !only || !onlyRole || attempted.current) return;
    attempted.current = true;
    activate.mutate({ orgId: only.orgId, role: onlyRole });
  }, [autoActivate, only, onlyRole, activate]);

  if (me.memberships.length === 0) return <Navigate to="/orgs/new" replace />;
  if (active) return <Outlet />;
  if (autoActivate && !activate.isError) return <LoadingState />;
  return <ContextChooser />;
}
