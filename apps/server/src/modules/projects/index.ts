export { projectErrors } from './projects.errors';
export { projectsRoutes } from './projects.routes';
export {
  createProject,
  createProjectsDirect,
  type DirectProject,
  type ProjectRow,
  projectSearchDocument,
} from './projects.service';
