export { contractRoutes } from './contracts.routes';
export {
  type AwardPrefill,
  awardVariables,
  createContract,
  getContract,
  listContracts,
  proposeVersion,
  signedContractCounts,
  signVersion,
} from './contracts.service';
