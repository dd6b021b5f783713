import { registerTexts } from '../../app/language';
import { tiersEn, tiersZhCN } from './tiers.i18n';

// The module brings its own texts: whichever chunk loads it registers them before any of its components renders.
registerTexts('tiers', { 'zh-CN': tiersZhCN, en: tiersEn });

// For the i18next resource types declared by the entry.
export type { tiersZhCN } from './tiers.i18n';
export { OrgTierCard, TierOverviewPanel } from './tiers-panels';
