import { registerTexts } from '../../app/language';
import { tenderingEn, tenderingZhCN } from './tendering.i18n';

// The module brings its own texts: whichever chunk loads it registers them before any of its components renders.
registerTexts('tendering', { 'zh-CN': tenderingZhCN, en: tenderingEn });

export { CreateTenderForm } from './create-tender-form';
export { PrequalReport } from './prequal-report';
export { TenderDetail } from './tender-detail';
// For the i18next resource types declared by the entry.
export type { tenderingZhCN } from './tendering.i18n';
export { TendersTable } from './tenders-table';
