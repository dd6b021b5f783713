export { monitoringEn, monitoringZhCN } from './monitoring.i18n';
export { NoticeBanner } from './notice-banner';
export { StatusBoard } from './status-board';
