export { organisationErrors } from './organisation.errors';
export { organisationRoutes } from './organisation.routes';
export {
  createOrganisationDirect,
  getOrganisation,
  getOrganisations,
  listOrganisationsForStaff,
  managersOf,
  membershipsOfUser,
  type OrganisationRow,
  type OrganisationVerificationStatus,
  setVerificationStatus,
} from './organisation.service';
