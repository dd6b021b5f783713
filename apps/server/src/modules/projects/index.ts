export { projectErrors } from './projects.errors';
export { createProjectsModule } from './projects.module';
export {
  createProject,
  createProjectsDirect,
  type DirectProject,
  getProject,
  type ProjectRow,
  pageOrgProjects,
  projectSearchDocument,
  viewerOf,
} from './projects.service';
