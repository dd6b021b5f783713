import type { UserTier } from '@zhuhe/contracts';
import { appendAuditInTx } from '../../infra/audit/audit-chain';
import type { AppContext } from '../../infra/context';
import { sha256Hex } from '../../infra/crypto';
import type { DbOrTx } from '../../infra/db/client';
import { newId } from '../../infra/ids';
import { getOrganisation, getOrganisations, listOrganisationsForStaff } from '../organisation';
import type { SettlementSealed } from '../settlement';
import * as repo from './tiers.repository';
import {
  evaluateUserTier,
  pendingRules,
  quarterOf,
  TIER_ORDER,
  type TierDataSource,
  type TierFacts,
} from './tiers.rules';

export type { TierHistoryRow } from './tiers.repository';

const DAY_MS = 86_400_000;

/**
 * The facts from platform data: completed transactions are the sealed settlement statements recorded from
 * `settlement.sealed` (see tiers.module.ts); the credit score is the credit rating's latest total (null when the
 * organisation has not been rated), passed in by the composition root.
 */
export function transactionTierData(
  ctx: AppContext,
  creditScores: (orgIds: string[]) => Promise<Map<string, number>> = async () => new Map(),
): TierDataSource {
  return {
    async facts(orgIds, quarterStart, quarterEnd) {
      const scores = await creditScores([...orgIds]);
      const rows = new Map(
        (
          await repo.transactionCounts(
            ctx.db,
            orgIds,
            quarterStart,
            quarterEnd,
            new Date(quarterEnd.getTime() - 365 * DAY_MS),
          )
        ).map((r) => [r.orgId, r]),
      );
      return new Map(
        orgIds.map((id) => {
          const r = rows.get(id);
          return [
            id,
            {
              completedTransactions: r?.completed ?? 0,
              trailing12mVolumeFen: r?.volumeFen ?? 0,
              transactionsThisQuarter: r?.inPeriod ?? 0,
              creditScore: scores.get(id) ?? null,
            },
          ];
        }),
      );
    },
  };
}

/** 交易完成: the buyer and the supplier of a sealed settlement statement each count one completed transaction. */
export async function recordCompletedTransaction(tx: DbOrTx, event: SettlementSealed): Promise<void> {
  const completedAt = new Date(event.sealedAt);
  for (const [orgId, role] of [
    [event.buyerOrgId, 'buyer'],
    [event.supplierOrgId, 'supplier'],
  ] as const)
    await repo.insertTransaction(tx, {
      orgId,
      settlementId: event.settlementId,
      role,
      amountFen: event.grossFen,
      completedAt,
    });
}

/** A tier change: kept in the history with its reasons and written to the audit chain. */
async function recordChange(
  tx: DbOrTx,
  action: 'tiers.transaction' | 'tiers.quarterly',
  change: {
    orgId: string;
    quarter: string;
    from: UserTier;
    result: ReturnType<typeof evaluateUserTier>;
    at: Date;
    facts: TierFacts;
  },
) {
  const { orgId, quarter, from, result, at } = change;
  await repo.insertHistory(tx, {
    orgId,
    id: newId(),
    quarter,
    fromTier: from,
    toTier: result.tier,
    reasons: result.reasons,
    computedAt: at,
  });
  await appendAuditInTx(tx, {
    actorUserId: null,
    orgId,
    action,
    target: `${quarter} ${from} → ${result.tier}`,
    digest: sha256Hex(JSON.stringify({ org: orgId, f: change.facts, quarter, at: at.toISOString() })),
    ip: null,
  });
}

/**
 * Moves an organisation up as soon as a transaction makes it qualify (new → normal at the third completed
 * transaction), at most one step a quarter; moving down stays with the quarterly evaluation, which sees whole
 * quiet quarters.
 */
export async function promoteOnTransaction(ctx: AppContext, data: TierDataSource, orgIds: string[], at = new Date()) {
  const q = quarterOf(at);
  const facts = await data.facts(orgIds, q.start, new Date(at.getTime() + 1));
  const promoted: string[] = [];
  for (const orgId of orgIds) {
    const f = facts.get(orgId);
    if (!f) continue;
    const row = await repo.findTier(ctx.db, orgId);
    const tier = (row?.tier as UserTier | undefined) ?? 'new';
    const quiet = row?.quietQuarters ?? 0;
    const result = evaluateUserTier(tier, quiet, { ...f, transactionsThisQuarter: null });
    if (TIER_ORDER.indexOf(result.tier) <= TIER_ORDER.indexOf(tier)) continue;
    const changes = await repo.changesIn(ctx.db, orgId, q.label);
    const rank = (t: string) => TIER_ORDER.indexOf(t as UserTier);
    if (changes.some((c) => rank(c.toTier) > rank(c.fromTier))) continue;
    await ctx.db.transaction(async (tx) => {
      await repo.upsertTier(tx, { orgId, tier: result.tier, since: at, quietQuarters: quiet });
      await recordChange(tx, 'tiers.transaction', { orgId, quarter: q.label, from: tier, result, at, facts: f });
    });
    promoted.push(orgId);
  }
  return promoted;
}

/**
 * 季度分级 the quarterly evaluation of every organisation's tier: runs at the start of a quarter for the quarter
 * just ended; changes are kept in the history and written to the audit chain.
 */
export async function evaluateQuarter(ctx: AppContext, data: TierDataSource, at = new Date()) {
  const quarter = quarterOf(new Date(quarterOf(at).start.getTime() - 1));
  const orgs = (await listOrganisationsForStaff(ctx, 100_000)).map((r) => r.org);
  const current = new Map((await repo.allTiers(ctx.db)).map((t) => [t.orgId, t]));
  const facts = await data.facts(
    orgs.map((o) => o.id),
    quarter.start,
    quarter.end,
  );
  let changed = 0;
  for (const org of orgs) {
    const row = current.get(org.id);
    const tier = (row?.tier as UserTier | undefined) ?? 'new';
    const f = facts.get(org.id);
    if (!f) continue;
    const result = evaluateUserTier(tier, row?.quietQuarters ?? 0, f);
    if (result.tier === tier && result.quietQuarters === (row?.quietQuarters ?? 0)) continue;
    await ctx.db.transaction(async (tx) => {
      await repo.upsertTier(tx, {
        orgId: org.id,
        tier: result.tier,
        since: result.tier === tier ? (row?.since ?? org.createdAt) : at,
        quietQuarters: result.quietQuarters,
      });
      if (result.tier === tier) return;
      await recordChange(tx, 'tiers.quarterly', {
        orgId: org.id,
        quarter: quarter.label,
        from: tier,
        result,
        at,
        facts: f,
      });
    });
    if (result.tier !== tier) changed += 1;
  }
  return { quarter: quarter.label, evaluated: orgs.length, changed };
}

export async function tierOf(ctx: AppContext, data: TierDataSource, orgId: string) {
  const org = await getOrganisation(ctx, orgId);
  const row = await repo.findTier(ctx.db, orgId);
  const q = quarterOf(new Date());
  const f = (await data.facts([orgId], q.start, q.end)).get(orgId);
  return {
    tier: (row?.tier as UserTier | undefined) ?? 'new',
    since: row?.since ?? org.createdAt,
    history: await repo.historyOf(ctx.db, orgId),
    pendingData: f ? pendingRules(f) : [],
  };
}

export async function overview(ctx: AppContext) {
  const orgs = (await listOrganisationsForStaff(ctx, 100_000)).map((r) => r.org);
  const tiers = new Map((await repo.allTiers(ctx.db)).map((t) => [t.orgId, t.tier]));
  const counts = new Map<UserTier, number>([
    ['new', 0],
    ['normal', 0],
    ['certified', 0],
    ['vip', 0],
  ]);
  for (const o of orgs) {
    const tier = (tiers.get(o.id) as UserTier | undefined) ?? 'new';
    counts.set(tier, (counts.get(tier) ?? 0) + 1);
  }
  const recent = await repo.recentHistory(ctx.db, 50);
  const names = new Map(
    (
      await getOrganisations(
        ctx,
        recent.map((r) => r.orgId),
      )
    ).map((o) => [o.id, o.name]),
  );
  return { counts: [...counts].map(([tier, count]) => ({ tier, count })), recent, names };
}
