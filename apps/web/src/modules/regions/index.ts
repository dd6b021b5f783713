export { RegionCascader } from './region-cascader';
export type { RegionData } from './regions.api';
export { useRegions } from './regions.queries';
