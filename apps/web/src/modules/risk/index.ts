export { riskEn, riskZhCN } from './risk.i18n';
export { ContractRiskWarnings, RiskWarningList, StaffRiskBoard, TenderRedFlags } from './risk-views';
