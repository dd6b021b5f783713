export { contractRoutes } from './contracts.routes';
export {
  type AwardPrefill,
  awardVariables,
  createContract,
  getContract,
  listContracts,
  openContractAmountsOf,
  proposeVersion,
  signedContractCounts,
  signVersion,
} from './contracts.service';
