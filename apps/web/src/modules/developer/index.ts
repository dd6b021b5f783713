export { ApiKeysPanel } from './api-keys-panel';
export { developerEn, developerZhCN } from './developer.i18n';
