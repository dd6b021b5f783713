export { regionErrors } from './regions.errors';
export { createRegionsModule } from './regions.module';
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
