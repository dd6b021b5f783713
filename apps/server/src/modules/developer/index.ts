export { developerErrors } from './developer.errors';
export { createDeveloperModule } from './developer.module';
export { createApiKeyAuthenticator, createKey, listKeys, revokeKey, SECRET_PREFIX } from './developer.service';
