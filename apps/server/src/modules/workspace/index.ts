export { workspaceErrors } from './workspace.errors';
export { createWorkspaceModule } from './workspace.module';
export { orderTodos, organisationHome, staffHome } from './workspace.service';
