export { contractRoutes } from './contracts.routes';
export {
  type AwardPrefill,
  awardVariables,
  createContract,
  proposeVersion,
  signedContractCounts,
  signVersion,
} from './contracts.service';
