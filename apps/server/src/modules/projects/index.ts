export { projectErrors } from './projects.errors';
export { createProjectsModule } from './projects.module';
export {
  createProject,
  createProjectsDirect,
  type DirectProject,
  type ProjectRow,
  pageOrgProjects,
  projectSearchDocument,
} from './projects.service';
