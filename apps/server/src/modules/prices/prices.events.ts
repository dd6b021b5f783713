/** What the prices module publishes (see infra/events.ts). */

/** 价格导入 figures of these series were imported (published in the import's transaction). */
export interface PricesImported {
  importId: string;
  seriesIds: string[];
}

declare module '../../infra/events' {
  interface DomainEvents {
    'prices.imported': PricesImported;
  }
}
