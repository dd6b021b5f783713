export { feesEn, feesZhCN } from './fees.i18n';
export { OrgFeesView } from './org-fees';
export { StaffFeesBoard } from './staff-fees';
