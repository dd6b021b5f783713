export { developerErrors } from './developer.errors';
export { createDeveloperModule } from './developer.module';
export {
  createApiKeyAuthenticator,
  createKey,
  listKeys,
  recordCall,
  revokeKey,
  SECRET_PREFIX,
} from './developer.service';
