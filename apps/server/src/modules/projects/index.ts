export { projectErrors } from './projects.errors';
export { projectsRoutes } from './projects.routes';
export { createProject, type ProjectRow, projectSearchDocument } from './projects.service';
