export { insuranceEn, insuranceZhCN } from './insurance.i18n';
export { BondInsurance, InsurerWorkspace, PolicyList } from './insurance-views';
