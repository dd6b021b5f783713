import { registerTexts } from '../../app/language';
import { merchantsEn, merchantsZhCN } from './merchants.i18n';

// The module brings its own texts: whichever chunk loads it registers them before any of its components renders.
registerTexts('merchants', { 'zh-CN': merchantsZhCN, en: merchantsEn });

export { MerchantApplicationPanel } from './merchant-application-panel';
export { MerchantBoardPanel } from './merchant-board';
export { MerchantReviewPanel } from './merchant-review';
// For the i18next resource types declared by the entry.
export type { merchantsZhCN } from './merchants.i18n';
