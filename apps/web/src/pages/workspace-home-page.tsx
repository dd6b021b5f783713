import { Flex } from 'antd';
import { OrgCreditBadge } from '../modules/credit';
import { useActiveContext, WorkspaceOverview } from '../modules/organisation';
import { WorkspaceDashboard } from '../modules/workspace';

export function WorkspaceHomePage() {
  const { orgId, role } = useActiveContext();
  return (
    <Flex vertical gap={8}>
      <Flex justify="flex-end">
        <OrgCreditBadge orgId={orgId} />
      </Flex>
      <WorkspaceOverview orgId={orgId} role={role}>
        <WorkspaceDashboard orgId={orgId} role={role} />
      </WorkspaceOverview>
    </Flex>
  );
}
