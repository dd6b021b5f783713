export { identityErrors } from './identity.errors';
export { createIdentityModule } from './identity.module';
export { presentMe } from './identity.presenter';
export { encryptPlaintextPhones } from './identity.repository';
export {
  countUsers,
  createUserDirect,
  findUserByIdentifier,
  getUser,
  getUsers,
  maskContact,
  normaliseIdentifier,
  resolveSession,
  type SessionRow,
  searchUsers,
  setSessionContext,
  type UserRow,
} from './identity.service';
export { checkTotp } from './identity.totp';
