import { registerTexts } from '../../app/language';
import { contractsEn, contractsZhCN } from './contracts.i18n';

// The module brings its own texts: whichever chunk loads it registers them before any of its components renders.
registerTexts('contracts', { 'zh-CN': contractsZhCN, en: contractsEn });

export { ContractDetail } from './contract-detail';
// For the i18next resource types declared by the entry.
export type { contractsZhCN } from './contracts.i18n';
export { ContractsTable } from './contracts-table';
export { CreateContractForm } from './create-contract-form';
