export { organisationErrors } from './organisation.errors';
export { createOrganisationModule } from './organisation.module';
export {
  createOrganisationDirect,
  getOrganisation,
  getOrganisations,
  listOrganisationsForStaff,
  managersOf,
  membershipsOfUser,
  type OrganisationRow,
  type OrganisationVerificationStatus,
  registrationFacts,
  setVerificationStatus,
} from './organisation.service';
