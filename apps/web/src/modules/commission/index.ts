import { registerTexts } from '../../app/language';
import { commissionEn, commissionZhCN } from './commission.i18n';

// The module brings its own texts: whichever chunk loads it registers them before any of its components renders.
registerTexts('commission', { 'zh-CN': commissionZhCN, en: commissionEn });

// For the i18next resource types declared by the entry.
export type { commissionZhCN } from './commission.i18n';
export { CommissionCalculatorPanel, CommissionPoliciesPanel } from './commission-panels';
