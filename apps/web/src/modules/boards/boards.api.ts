import {
  type CostThresholdBody,
  CostThresholdView,
  CostWarningsPage,
  GovBoard,
  PriceIndexList,
} from '@zhuhe/contracts';
import { apiRequest, apiRequestVoid } from '../../app/api-client';

export const boardKeys = {
  indices: (regionCode: string | null) => ['boards', 'indices', regionCode] as const,
  gov: (orgId: string) => ['boards', 'gov', orgId] as const,
  warnings: (orgId: string) => ['boards', 'warnings', orgId] as const,
};

export const fetchIndices = (regionCode: string | null) =>
  apiRequest('GET', '/api/prices/indices', PriceIndexList, regionCode ? { query: { regionCode } } : {});
export const fetchGovBoard = (orgId: string) =>
  apiRequest('GET', `/api/orgs/${orgId}/gov-board`, GovBoard, { query: { months: 12 } });
export const fetchCostWarnings = (orgId: string) =>
  apiRequest('GET', `/api/orgs/${orgId}/cost-warnings`, CostWarningsPage);
export const createThreshold = (orgId: string, body: CostThresholdBody) =>
  apiRequest('POST', `/api/orgs/${orgId}/cost-thresholds`, CostThresholdView, { body });
export const deleteThreshold = (orgId: string, id: string) =>
  apiRequestVoid('DELETE', `/api/orgs/${orgId}/cost-thresholds/${id}`);
