export { PriceFanChart } from './price-fan-chart';
export { procurementEn, procurementZhCN } from './procurement.i18n';
export { ProcurementPlanner, SeriesCard } from './procurement-views';
