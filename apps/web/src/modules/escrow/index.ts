import { registerTexts } from '../../app/language';
import { escrowEn, escrowZhCN } from './escrow.i18n';

// The module brings its own texts: whichever chunk loads it registers them before any of its components renders.
registerTexts('escrow', { 'zh-CN': escrowZhCN, en: escrowEn });

// For the i18next resource types declared by the entry.
export type { escrowZhCN } from './escrow.i18n';
export { FinanceConsole } from './finance-console';
export { MoneyDetails, MoneyView } from './money-view';
export { WalletView } from './wallet-view';
