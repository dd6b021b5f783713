import { createHash } from 'node:crypto';
import type { ExperimentVariant } from '@zhuhe/contracts';

/**
 * Deterministic assignment: SHA-256 of `<experiment key>:<unit id>` read as a number in [0, 100) picks the variant
 * by cumulative weight, so a unit sees the same variant on every device and every call without any stored state,
 * and two experiments split the same units independently (the key salts the hash).
 */
export function bucketOf(experimentKey: string, unitId: string): number {
  const digest = createHash('sha256').update(`${experimentKey}:${unitId}`).digest();
  return (digest.readUInt32BE(0) / 4_294_967_296) * 100;
}

export function assignVariant(
  experimentKey: string,
  unitId: string,
  variants: readonly ExperimentVariant[],
): ExperimentVariant {
  const bucket = bucketOf(experimentKey, unitId);
  let upper = 0;
  for (const variant of variants) {
    upper += variant.weight;
    if (bucket < upper) return variant;
  }
  // weights sum to 100, so only rounding at the very top lands here
  return variants[variants.length - 1] as ExperimentVariant;
}
