export { compositeIndex } from './prices.composite';
export { parseCsv } from './prices.csv';
export { priceErrors } from './prices.errors';
export { evaluate, monthIndex, type Observation, readIndexCsv } from './prices.evaluation';
export type { PricesForecastsRefreshed, PricesImported } from './prices.events';
export {
  FORECAST_METHODS,
  type Forecast,
  type ForecastMethod,
  forecastSeries,
  HORIZON,
  pointForecast,
} from './prices.forecast';
export { cityOf, listIndices, NATIONAL, provinceOf, refreshIndices } from './prices.indices';
export { createPricesModule } from './prices.module';
export { presentIndex as presentIndexRow } from './prices.presenter';
export { importPrices, listSeries, materialOutlook, refreshForecasts, type SeriesSummary } from './prices.service';
