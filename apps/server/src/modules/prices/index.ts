export { parseCsv } from './prices.csv';
export { priceErrors } from './prices.errors';
export { evaluate, monthIndex, type Observation, readIndexCsv } from './prices.evaluation';
export type { PricesImported } from './prices.events';
export {
  FORECAST_METHODS,
  type Forecast,
  type ForecastMethod,
  forecastSeries,
  HORIZON,
  pointForecast,
} from './prices.forecast';
export { createPricesModule } from './prices.module';
export { importPrices, listSeries, materialOutlook, refreshForecasts, type SeriesSummary } from './prices.service';
