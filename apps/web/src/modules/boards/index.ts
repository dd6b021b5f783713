export { boardsEn, boardsZhCN } from './boards.i18n';
export { CostWarnings } from './cost-warnings';
export { GovBoard } from './gov-board';
export { PriceIndices } from './price-indices';
