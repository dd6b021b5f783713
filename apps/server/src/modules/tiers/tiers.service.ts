import type { UserTier } from '@zhuhe/contracts';
import { appendAuditInTx } from '../../infra/audit/audit-chain';
import type { AppContext } from '../../infra/context';
import { sha256Hex } from '../../infra/crypto';
import { newId } from '../../infra/ids';
import { getOrganisation, getOrganisations, listOrganisationsForStaff } from '../organisation';
import * as repo from './tiers.repository';
import { evaluateUserTier, PENDING_TIER_DATA, pendingRules, quarterOf, type TierDataSource } from './tiers.rules';

export type { TierHistoryRow } from './tiers.repository';

let source: TierDataSource = PENDING_TIER_DATA;

/** The settlement and credit modules plug their data in here when they exist (see tiers.rules.ts). */
export function setTierDataSource(next: TierDataSource): void {
  source = next;
}

/**
 * 季度分级 the quarterly evaluation of every organisation's tier: runs at the start of a quarter for the quarter
 * just ended; changes are kept in the history and written to the audit chain.
 */
export async function evaluateQuarter(ctx: AppContext, at = new Date(), data: TierDataSource = source) {
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
      await repo.insertHistory(tx, {
        orgId: org.id,
        id: newId(),
        quarter: quarter.label,
        fromTier: tier,
        toTier: result.tier,
        reasons: result.reasons,
        computedAt: at,
      });
      await appendAuditInTx(tx, {
        actorUserId: null,
        orgId: org.id,
        action: 'tiers.quarterly',
        target: `${quarter.label} ${tier} → ${result.tier}`,
        digest: sha256Hex(JSON.stringify({ org: org.id, f, quarter: quarter.label })),
        ip: null,
      });
    });
    if (result.tier !== tier) changed += 1;
  }
  return { quarter: quarter.label, evaluated: orgs.length, changed };
}

export async function tierOf(ctx: AppContext, orgId: string) {
  const org = await getOrganisation(ctx, orgId);
  const row = await repo.findTier(ctx.db, orgId);
  const q = quarterOf(new Date());
  const f = (await source.facts([orgId], q.start, q.end)).get(orgId);
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

export function registerTierJobs(ctx: AppContext): void {
  // 03:00 on the first day of each quarter (Asia/Shanghai), for the quarter just ended.
  ctx.jobs.schedule('tiers.quarterly', '0 3 1 1,4,7,10 *', async () => {
    await evaluateQuarter(ctx, new Date());
  });
}
