export type { ContractSigned } from './contracts.events';
export { createContractsModule } from './contracts.module';
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
export { SIGNING_WORKING_DAYS, sendSigningReminders, signingClocks, signingDueAt } from './contracts.signing-clock';
