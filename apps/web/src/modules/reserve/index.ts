export { reserveEn, reserveZhCN } from './reserve.i18n';
export { ReserveBoard } from './reserve-board';
