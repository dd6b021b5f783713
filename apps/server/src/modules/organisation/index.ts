export { organisationErrors } from './organisation.errors';
export { createOrganisationModule } from './organisation.module';
export { sealPlaintextInvitationPhones } from './organisation.repository';
export {
  createOrganisationDirect,
  getOrganisation,
  getOrganisations,
  listOrganisationsForStaff,
  managersOf,
  membershipsOfUser,
  type OrganisationRow,
  type OrganisationVerificationStatus,
  organisationsByCreditCodes,
  registrationFacts,
  setGovernmentRole,
  setVerificationStatus,
} from './organisation.service';
