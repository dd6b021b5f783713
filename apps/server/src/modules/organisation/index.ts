export { organisationErrors } from './organisation.errors';
export { organisationRoutes } from './organisation.routes';
export {
  createOrganisationDirect,
  getOrganisation,
  listOrganisationsForStaff,
  membershipsOfUser,
  type OrganisationRow,
} from './organisation.service';
