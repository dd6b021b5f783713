/** What the prices module publishes (see infra/events.ts). */

/** 价格导入 figures of these series were imported (published in the import's transaction). */
export interface PricesImported {
  importId: string;
  seriesIds: string[];
}

/**
 * 预测已刷新 the forecasts of these series and every composite index were recomputed after an import (published
 * after the forecasts are stored, so a subscriber reads the new ones). `runId` names the forecast run: a reaction
 * that must happen once per run (a cost warning) keys on it.
 */
export interface PricesForecastsRefreshed {
  runId: string;
  importId: string;
  seriesIds: string[];
}

declare module '../../infra/events' {
  interface DomainEvents {
    'prices.imported': PricesImported;
    'prices.forecasts_refreshed': PricesForecastsRefreshed;
  }
}
