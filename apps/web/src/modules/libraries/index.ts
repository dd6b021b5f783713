import { registerTexts } from '../../app/language';
import { librariesEn, librariesZhCN } from './libraries.i18n';

// The module brings its own texts: whichever chunk loads it registers them before any of its components renders.
registerTexts('libraries', { 'zh-CN': librariesZhCN, en: librariesEn });

export { ComparisonTable } from './comparison-table';
export { DemandDetail, DemandStatusTag } from './demand-detail';
export { DemandForm } from './demand-form';
export { KeywordRankingCard } from './keyword-ranking';
// For the i18next resource types declared by the entry.
export type { librariesZhCN } from './libraries.i18n';
export { useOrgDemands } from './libraries.queries';
export { ListingDetail } from './listing-detail';
export { MapExplorer } from './map-explorer';
export { formatFen } from './money';
export { ProjectDetail } from './project-detail';
export { ProjectForm } from './project-form';
export { ResourceForm } from './resource-form';
export { ReviewQueue } from './review-queue';
export { CompareToggle, hitPath, SearchPanel } from './search-panel';
