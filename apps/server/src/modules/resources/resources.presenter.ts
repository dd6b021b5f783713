import { RESOURCE_KINDS, type ResourceCategory, type ResourceListing, type Unit } from '@zhuhe/contracts';
import { regionName } from '../regions';
import type { ResourceListingRow } from './resources.repository';

export function presentListing(row: ResourceListingRow, orgName: string, mine: boolean): ResourceListing {
  return {
    id: row.id,
    orgId: row.orgId,
    orgName,
    category: row.category as ResourceCategory,
    kind: row.kind,
    kindName: RESOURCE_KINDS.find((k) => k.key === row.kind)?.name ?? row.kind,
    title: row.title,
    params: row.params,
    priceFen: row.priceFen,
    unit: row.unit as Unit,
    stock: row.stock,
    serviceRegionCodes: row.serviceRegionCodes,
    serviceRegionNames: row.serviceRegionCodes.map(regionName),
    leadTimeDays: row.leadTimeDays,
    regionCode: row.regionCode,
    regionName: regionName(row.regionCode),
    location: { lat: row.lat, lng: row.lng, derived: row.locationDerived },
    tags: row.tags,
    description: row.description,
    status: row.status as 'active' | 'withdrawn',
    mine,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
