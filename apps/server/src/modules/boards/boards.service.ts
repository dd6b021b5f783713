import type { BoardMetric, BoardRegion, CostThresholdBody, GovBoard } from '@zhuhe/contracts';
import { RESOURCE_KINDS } from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import { newId } from '../../infra/ids';
import { openDemandItems, publishedDemandFacts } from '../demands';
import { escrowBoardFacts } from '../escrow';
import { notify } from '../notifications';
import { getOrganisation, getOrganisations, setGovernmentRole } from '../organisation';
import { cityOf, listIndices, NATIONAL, presentIndexRow, provinceOf, type SeriesSummary } from '../prices';
import { materialOf } from '../procurement';
import { findRegion, isKnownRegion, regionName, regionPath, regionPrefix } from '../regions';
import { boardErrors } from './boards.errors';
import * as repo from './boards.repository';
import {
  aggregate,
  type BoardFact,
  type CellKind,
  forecastRise,
  lastMonths,
  MIN_GROUP_SIZE,
  shanghaiMonth,
  within,
} from './boards.rules';

export const MAX_THRESHOLDS = 20;
/** a labour-account payout still pending after this many days counts as late */
export const WAGE_PENDING_DAYS = 2;

const METRIC_KIND: Record<BoardMetric, CellKind> = {
  demands: 'sum',
  volumeFen: 'sum',
  paymentOnTime: 'share',
  wageOnTime: 'share',
};

/** 政府监管开通 a reviewer makes a verified organisation a GOV viewer of a region (and its sub-regions). */
export async function grantGovernmentScope(ctx: AppContext, orgId: string, regionCode: string, staffUserId: string) {
  if (!isKnownRegion(regionCode)) throw boardErrors.raise('BOARD_REGION_UNKNOWN', { code: regionCode });
  const org = await getOrganisation(ctx, orgId);
  if (org.verification !== 'verified') throw boardErrors.raise('BOARD_ORG_NOT_VERIFIED');
  return ctx.db.transaction(async (tx) => {
    await setGovernmentRole(ctx, orgId, tx);
    return repo.upsertScope(tx, { orgId, regionCode, grantedBy: staffUserId, grantedAt: ctx.clock.now() });
  });
}

export async function scopeOf(ctx: AppContext, orgId: string) {
  return repo.scopeOf(ctx.db, orgId);
}

/**
 * 区域建设指数看板 the board of a GOV organisation's region and its sub-regions (the next level down), month by
 * month: demands published, escrowed contract amounts, the on-time share of payment-schedule items falling due,
 * and the on-time share of wage payouts from labour accounts. Regions are those of the demand's site and of the
 * paying organisation. Every cell with fewer than MIN_GROUP_SIZE organisations behind it is suppressed.
 */
export async function govBoard(ctx: AppContext, orgId: string, monthCount: number): Promise<GovBoard> {
  const scope = await repo.scopeOf(ctx.db, orgId);
  if (!scope) throw boardErrors.raise('BOARD_NO_SCOPE');
  const now = ctx.clock.now();
  const months = lastMonths(shanghaiMonth(now), monthCount);
  const since = new Date(Date.parse(`${months[0]}-01T00:00:00+08:00`));
  const prefix = regionPrefix(scope.regionCode);
  const level = findRegion(scope.regionCode)?.level ?? 1;

  const facts: Record<BoardMetric, BoardFact[]> = { demands: [], volumeFen: [], paymentOnTime: [], wageOnTime: [] };
  for (const d of await publishedDemandFacts(ctx, since))
    facts.demands.push({
      orgId: d.orgId,
      regionCode: d.regionCode,
      month: shanghaiMonth(d.publishedAt as Date),
      value: 1,
    });
  const escrow = await escrowBoardFacts(ctx, since, now);
  const payers = [...new Set([...escrow.contracts, ...escrow.schedule, ...escrow.wages].map((f) => f.payerOrgId))];
  const regionOf = new Map((await getOrganisations(ctx, payers)).map((o) => [o.id, o.regionCode]));
  const payerFact = (payerOrgId: string, month: string, value: number) => {
    const regionCode = regionOf.get(payerOrgId);
    return regionCode ? [{ orgId: payerOrgId, regionCode, month, value }] : [];
  };
  for (const c of escrow.contracts)
    facts.volumeFen.push(...payerFact(c.payerOrgId, shanghaiMonth(c.createdAt), c.amountFen));
  const today = shanghaiMonth(now) + now.toISOString().slice(7, 10);
  for (const s of escrow.schedule) {
    if (s.dueDate > today) continue;
    const onTime = s.paidAt !== null && shanghaiDay(s.paidAt) <= s.dueDate ? 1 : 0;
    facts.paymentOnTime.push(...payerFact(s.payerOrgId, shanghaiMonth(s.dueDate), onTime));
  }
  for (const w of escrow.wages) {
    const stale = now.getTime() - w.createdAt.getTime() > WAGE_PENDING_DAYS * 86_400_000;
    if (w.status === 'pending' && !stale) continue;
    facts.wageOnTime.push(...payerFact(w.payerOrgId, shanghaiMonth(w.createdAt), w.status === 'paid' ? 1 : 0));
  }

  // the region itself, then each sub-region (the next level of its path) that has any fact
  const inScope = (f: BoardFact) => within(f.regionCode, prefix);
  const subOf = (code: string) => regionPath(code)[level]?.code ?? code;
  const subs = new Set<string>();
  for (const list of Object.values(facts))
    for (const f of list) if (inScope(f) && subOf(f.regionCode) !== scope.regionCode) subs.add(subOf(f.regionCode));
  const regionRow = (code: string, total: boolean): BoardRegion => {
    const take = (f: BoardFact) => (total ? inScope(f) : inScope(f) && subOf(f.regionCode) === code);
    const metrics = {} as BoardRegion['metrics'];
    for (const metric of Object.keys(facts) as BoardMetric[])
      metrics[metric] = aggregate(facts[metric].filter(take), months, METRIC_KIND[metric]);
    return { regionCode: code, name: findRegion(code)?.name ?? code, total, metrics };
  };
  const scopes = [...new Set([scope.regionCode, cityOf(scope.regionCode), provinceOf(scope.regionCode), NATIONAL])];
  return {
    regionCode: scope.regionCode,
    regionName: regionName(scope.regionCode),
    minGroupSize: MIN_GROUP_SIZE,
    months,
    regions: [regionRow(scope.regionCode, true), ...[...subs].sort().map((c) => regionRow(c, false))],
    indices: (await listIndices(ctx, { scopes })).map(presentIndexRow),
  };
}

function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

const MATERIALS = new Set(RESOURCE_KINDS.filter((k) => k.category === 'material').map((k) => k.key));

export async function listThresholds(ctx: AppContext, orgId: string) {
  return repo.thresholdsOf(ctx.db, orgId);
}

export async function addThreshold(ctx: AppContext, orgId: string, userId: string, body: CostThresholdBody) {
  if (body.material !== null && !MATERIALS.has(body.material))
    throw boardErrors.raise('COST_MATERIAL_UNKNOWN', { material: body.material });
  if ((await repo.countThresholds(ctx.db, orgId)) >= MAX_THRESHOLDS)
    throw boardErrors.raise('COST_THRESHOLD_LIMIT', { max: MAX_THRESHOLDS });
  return repo.insertThreshold(ctx.db, {
    id: newId(),
    orgId,
    material: body.material,
    risePct: body.risePct,
    withinMonths: body.withinMonths,
    createdBy: userId,
    createdAt: ctx.clock.now(),
  });
}

export async function removeThreshold(ctx: AppContext, orgId: string, id: string) {
  if (!(await repo.deleteThreshold(ctx.db, orgId, id))) throw boardErrors.raise('COST_THRESHOLD_NOT_FOUND');
}

export async function listWarnings(ctx: AppContext, orgId: string) {
  return repo.warningsOf(ctx.db, orgId);
}

type Outlook = (materials: string[], regionCode: string | null) => Promise<Map<string, SeriesSummary>>;

/**
 * 成本预警 checks every threshold against the forecasts of one run: for each material named in the organisation's
 * open (published) demands — or only the threshold's material — the outlook in the demand's region (the city's
 * 信息价 first, else another city's, else a price index) is forecast to rise more than the threshold within its
 * months. Each threshold, material and forecast run warns once (in-app and e-mail): the run is the series'
 * forecast as stored at `computedAt`, so a repeated delivery, or a check by the daily job, changes nothing until the
 * forecast is recomputed.
 */
export async function raiseCostWarnings(ctx: AppContext, outlook: Outlook) {
  let raised = 0;
  const byOrg = new Map<string, repo.ThresholdRow[]>();
  for (const t of await repo.allThresholds(ctx.db)) byOrg.set(t.orgId, [...(byOrg.get(t.orgId) ?? []), t]);
  for (const [orgId, thresholds] of byOrg) {
    const demands = await openDemandItems(ctx, orgId);
    // material → region → demands naming it
    const uses = new Map<string, Map<string, { id: string; title: string }[]>>();
    for (const d of demands)
      for (const item of d.items) {
        const material = materialOf(item.name, item.spec);
        if (!material) continue;
        const regions = uses.get(material) ?? new Map();
        const list = regions.get(d.regionCode) ?? [];
        if (!list.some((x: { id: string }) => x.id === d.id)) list.push({ id: d.id, title: d.title });
        regions.set(d.regionCode, list);
        uses.set(material, regions);
      }
    for (const t of thresholds) {
      for (const [material, regions] of uses) {
        if (t.material !== null && t.material !== material) continue;
        for (const [regionCode, named] of regions) {
          const best = (await outlook([material], regionCode)).get(material);
          if (!best?.forecast || best.lastValue == null || !best.lastMonth) continue;
          const rise = forecastRise(best.lastValue, best.forecast.points, best.lastMonth, t.withinMonths);
          if (!rise || rise.rise * 100 <= t.risePct) continue;
          const runId = `${best.series.id}@${best.forecast.computedAt.toISOString()}`;
          const peak = best.forecast.points.find((p) => p.month === rise.month) as { value: number };
          const saved = await ctx.db.transaction(async (tx) => {
            const row = await repo.insertWarningOnce(tx, {
              id: newId(),
              orgId,
              thresholdId: t.id,
              material,
              runId,
              seriesId: best.series.id,
              seriesCode: best.series.code,
              lastMonth: best.lastMonth as string,
              lastValue: best.lastValue as number,
              peakMonth: rise.month,
              peakValue: peak.value,
              rise: rise.rise,
              demands: named.map((n) => `${n.id}|${n.title}`),
              createdAt: ctx.clock.now(),
            });
            if (!row) return null;
            const name = RESOURCE_KINDS.find((k) => k.key === material)?.name ?? material;
            const pct = (rise.rise * 100).toFixed(1);
            await notify(
              ctx,
              {
                orgId,
                kind: 'boards.cost_warning',
                title: `成本预警：${name}预计 ${t.withinMonths} 个月内上涨 ${pct}%`,
                body: `${name}（${best.series.code}）最新 ${best.lastMonth}，预测 ${rise.month} 上涨 ${pct}%，超过您设置的 ${t.risePct}%。涉及需求：${named.map((n) => n.title).join('、')}。`,
                link: `/workspace/cost-warnings`,
                email: true,
              },
              tx,
            );
            return row;
          });
          if (saved) raised++;
          break; // one warning per threshold and material, from the first region that crosses it
        }
      }
    }
  }
  return raised;
}
