export { CreateTenderForm } from './create-tender-form';
export { PrequalReport } from './prequal-report';
export { TenderDetail } from './tender-detail';
export { tenderingEn, tenderingZhCN } from './tendering.i18n';
export { TendersTable } from './tenders-table';
