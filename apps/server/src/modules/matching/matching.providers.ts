import type { AppContext } from '../../infra/context';

/** 信用等级 A credit grade as the credit module will publish it (AAA best, C excluded from matching). */
export type CreditGrade = 'AAA' | 'AA' | 'A' | 'B' | 'C';

/**
 * Where matching learns credit grades and VIP status. Wiring: `app.ts` passes one to `matchingRoutes`; until the
 * credit module provides it, no grade is known (nobody is excluded as C, nobody gets AAA priority).
 */
export interface CreditGradeProvider {
  /** grades of the given organisations; absent → unknown */
  grades(ctx: AppContext, orgIds: readonly string[]): Promise<ReadonlyMap<string, CreditGrade>>;
  /** VIP organisations among them (用户分级), for the AAA/VIP priority */
  vip?(ctx: AppContext, orgIds: readonly string[]): Promise<ReadonlySet<string>>;
}

export const noCreditGrades: CreditGradeProvider = { grades: async () => new Map() };

export function staticCreditGrades(grades: Record<string, CreditGrade>): CreditGradeProvider {
  const map = new Map(Object.entries(grades));
  return { grades: async () => map };
}

/** 流量扶持 boosts of new merchants (factor > 1), from the commission policy. */
export interface MerchantBoostProvider {
  activeBoosts(ctx: AppContext): Promise<ReadonlyMap<string, number>>;
}

export const noMerchantBoost: MerchantBoostProvider = { activeBoosts: async () => new Map() };
