import type { AppContext } from '../../infra/context';

/**
 * 流量扶持 ranking boost (MERCH-3: new merchants get 3 months of traffic support). The policy engine owns who is
 * boosted and by how much; search only applies it to resource listings. Wiring: `app.ts` passes the provider to
 * `searchRoutes(ctx, { rankingBoost })`; until the policy module provides one, nobody is boosted.
 */
export interface RankingBoostProvider {
  /**
   * The organisations boosted right now, each with a factor (> 0: boosted). Their resource listings that match
   * come first when sorting by relevance (newest first among them); the factor is kept for a finer ranking
   * later. Called once per search, so keep it cheap (cache if needed).
   */
  activeBoosts(ctx: AppContext): Promise<ReadonlyMap<string, number>>;
}

export const noRankingBoost: RankingBoostProvider = {
  activeBoosts: async () => new Map(),
};

/** A fixed table of boosts, for tests and demos. */
export function staticRankingBoost(boosts: Record<string, number>): RankingBoostProvider {
  const map = new Map(Object.entries(boosts));
  return { activeBoosts: async () => map };
}
