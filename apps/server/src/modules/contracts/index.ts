export { contractRoutes } from './contracts.routes';
export { createContract, getContract, listContracts, proposeVersion, signVersion } from './contracts.service';
