import { RegionList } from '@zhuhe/contracts';
import type { z } from 'zod';
import { apiRequest } from '../../app/api-client';

/** One 行政区划 administrative division (GB/T 2260): its code, name and the code of the level above. */
export type RegionData = z.infer<typeof RegionList>['items'][number];

export const fetchRegions = async () => (await apiRequest('GET', '/api/regions', RegionList)).items;
