export { contractRoutes } from './contracts.routes';
export { createContract, proposeVersion, signVersion } from './contracts.service';
