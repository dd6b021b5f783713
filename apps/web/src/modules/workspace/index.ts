export { workspaceEn, workspaceZhCN } from './workspace.i18n';
export { StaffDashboard, WorkspaceDashboard, workspaceKeys } from './workspace-dashboard';
