export { ContractDetail } from './contract-detail';
export { contractsEn, contractsZhCN } from './contracts.i18n';
export { useContract } from './contracts.queries';
export { ContractsTable } from './contracts-table';
export { CreateContractForm } from './create-contract-form';
