export { disputesEn, disputesZhCN } from './disputes.i18n';
export { DisputeBoard, DisputeCase, FileDisputeForm, MyDisputes } from './disputes-views';
