export { type CategoryLevels, categoryLevels, demandCategoryCode, regionPrefix } from './cooperation.categories';
export { parseCsv } from './cooperation.csv';
export { cooperationErrors } from './cooperation.errors';
export { createCooperationModule } from './cooperation.module';
export { normaliseFirmName } from './cooperation.normalise';
export {
  type CooperationEvent,
  type CooperationParty,
  type FirmRow,
  findFirmByName,
  firmIdsOfOrgs,
  firmsById,
  firmsOfOrganisations,
  frequentWinners,
  type HistoryQuery,
  type ImportReport,
  importCooperationCsv,
  type ParsedRow,
  parseAwardCsv,
  recordCooperation,
  type SupplierHistory,
  supplierHistory,
} from './cooperation.service';
