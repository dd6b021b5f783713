export { escrowEn, escrowZhCN } from './escrow.i18n';
export { FinanceConsole } from './finance-console';
export { MoneyDetails, MoneyView } from './money-view';
export { WalletView } from './wallet-view';
