import { registerTexts } from '../../app/language';
import { executionEn, executionZhCN } from './execution.i18n';

// The module brings its own texts: whichever chunk loads it registers them before any of its components renders.
registerTexts('execution', { 'zh-CN': executionZhCN, en: executionEn });

// For the i18next resource types declared by the entry.
export type { executionZhCN } from './execution.i18n';
export { ExecutionList } from './execution-list';
export { ExecutionView } from './execution-view';
export { SettlementView } from './settlement-view';
