import { z } from 'zod';

/** 行政区划 a GB/T 2260 division; `parent` is the code of the division above it (null for a province). */
export const Region = z.object({
  code: z.string(),
  name: z.string(),
  parent: z.string().nullable(),
  /** 1 province, 2 city, 3 county */
  level: z.number().int(),
});
export type Region = z.infer<typeof Region>;
/** Every division, provinces first; the pickers build the tree from `parent`. */
export const RegionList = z.object({ items: z.array(Region) });
