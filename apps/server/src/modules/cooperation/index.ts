export { type CategoryLevels, categoryLevels, demandCategoryCode, regionPrefix } from './cooperation.categories';
export { parseCsv } from './cooperation.csv';
export { cooperationErrors } from './cooperation.errors';
export { normaliseFirmName } from './cooperation.normalise';
export { cooperationRoutes } from './cooperation.routes';
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
