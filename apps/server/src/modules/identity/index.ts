export { identityErrors } from './identity.errors';
export { presentMe } from './identity.presenter';
export { identityRoutes } from './identity.routes';
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
