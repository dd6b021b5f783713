export { fileErrors } from './files.errors';
export { createFilesModule } from './files.module';
export { presentFile } from './files.presenter';
export { filesRoutes, sendStoredFile } from './files.routes';
export { getFile, readFileContent, type StoredFileRow, storeFile } from './files.service';
