export { regionErrors } from './regions.errors';
export { regionsRoutes } from './regions.routes';
export {
  findRegion,
  findRegionInText,
  isKnownRegion,
  provinceOf,
  regionCentroid,
  regionName,
  regionPath,
  regionPrefix,
} from './regions.service';
