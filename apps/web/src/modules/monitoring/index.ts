export { monitoringEn, monitoringZhCN } from './monitoring.i18n';
export { StatusBoard } from './status-board';
