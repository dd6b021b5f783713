import type { FeeItem } from '@zhuhe/contracts';

/** Basis points of an amount, rounded half up to the fen. */
function bps(amount: bigint, points: number): bigint {
  return (amount * BigInt(points) + 5000n) / 10000n;
}

/**
 * 计费 what one charge costs: price × quantity, or a share of the base amount; a basic item is waived for a seed
 * user (种子用户) — the list amount is kept so the receipt shows what was waived.
 */
export function priceCharge(
  item: FeeItem,
  input: { quantity: number; baseFen: bigint | null },
  seedUser: boolean,
): { listFen: bigint; amountFen: bigint; exempt: boolean } | { error: 'FEE_BASE_REQUIRED' } {
  let listFen: bigint;
  if (item.unit === 'share_of_base') {
    if (input.baseFen === null) return { error: 'FEE_BASE_REQUIRED' };
    listFen = bps(input.baseFen, item.rateBp ?? 0) * BigInt(input.quantity);
  } else {
    listFen = BigInt(item.priceFen ?? 0) * BigInt(input.quantity);
  }
  const exempt = item.category === 'basic' && seedUser;
  return { listFen, amountFen: exempt ? 0n : listFen, exempt };
}

/** 种子用户 registered among the first `limit` organisations. */
export const isSeedUser = (rank: number | null, limit: number) => rank !== null && rank <= limit;

/** The Shanghai month an instant falls in, YYYY-MM. */
export function shanghaiMonth(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}
