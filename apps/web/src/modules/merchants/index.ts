export { MerchantApplicationPanel } from './merchant-application-panel';
export { MerchantBoardPanel } from './merchant-board';
export { MerchantReviewPanel } from './merchant-review';
export { merchantsEn, merchantsZhCN } from './merchants.i18n';
