export { DisputeDigests } from './dispute-digests';
export { disputesEn, disputesZhCN } from './disputes.i18n';
export { DisputeBoard, DisputeCase, FileDisputeForm, MyDisputes } from './disputes-views';
