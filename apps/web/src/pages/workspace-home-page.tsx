import { useActiveContext, WorkspaceOverview } from '../modules/organisation';

export function WorkspaceHomePage() {
  const { orgId, role } = useActiveContext();
  return <WorkspaceOverview orgId={orgId} role={role} />;
}
