export { promisesEn, promisesZhCN } from './promises.i18n';
export { PromiseTable, PublicPromises, StaffPromises } from './promises-board';
