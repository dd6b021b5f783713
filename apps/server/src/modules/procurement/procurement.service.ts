import type { ProcurementPlanBody, ProcurementPlanView } from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import { newId } from '../../infra/ids';
import { findDemandRow } from '../demands';
import { getOrganisations } from '../organisation';
import { offerListings } from '../resources';
import { procurementErrors } from './procurement.errors';
import { type BasketLine, type Offer, optimisePlan, type Supplier } from './procurement.optimiser';
import * as repo from './procurement.repository';
import { DELIVERY_FEN_PER_UNIT_KM, explain, materialOf, roadKm, unitFactor } from './procurement.rules';

export interface MaterialOutlook {
  series: { id: string; kind: string; title: { 'zh-CN': string; en: string } };
  forecast: { method: string } | null;
  change6m: number | null;
}

export interface ProcurementDeps {
  creditScores: (orgIds: readonly string[]) => Promise<Map<string, number>>;
  materialOutlook: (materials: string[], regionCode: string | null) => Promise<Map<string, MaterialOutlook>>;
}

/** Offers read per plan at most (the bench solves 2,000 in a few seconds). */
const MAX_OFFERS = 3000;

async function ownDemand(ctx: AppContext, orgId: string, demandId: string) {
  const demand = await findDemandRow(ctx, demandId);
  if (!demand || demand.orgId !== orgId) throw procurementErrors.raise('PROCUREMENT_DEMAND_NOT_FOUND');
  return demand;
}

/**
 * 采购优化 plans a demand's bill of materials over the resource library: each line is matched to a material kind,
 * the active listings of those kinds serving the demand's region become offers (price breaks and suppliers'
 * minimum orders from this module's tables, credit scores from the credit module, distance from the listing to
 * the site), and the optimiser chooses quantities. The plan is stored as shown and returned.
 */
export async function planForDemand(
  ctx: AppContext,
  deps: ProcurementDeps,
  input: { orgId: string; demandId: string; userId: string; rules: ProcurementPlanBody },
): Promise<ProcurementPlanView> {
  const demand = await ownDemand(ctx, input.orgId, input.demandId);
  if (demand.items.length === 0) throw procurementErrors.raise('PROCUREMENT_NO_ITEMS');
  const now = ctx.clock.now();
  const today = now.toISOString().slice(0, 10);
  if (input.rules.requiredBy < today) throw procurementErrors.raise('PROCUREMENT_DATE_PAST');
  const requiredInDays = Math.floor((Date.parse(input.rules.requiredBy) - Date.parse(today)) / 86_400_000);

  const lines = demand.items.map((item, i) => ({
    lineId: `L${i + 1}`,
    name: item.spec ? `${item.name} ${item.spec}` : item.name,
    unit: item.unit,
    quantity: item.quantity,
    material: materialOf(item.name, item.spec),
  }));
  const kinds = [...new Set(lines.map((l) => l.material).filter((m): m is string => m !== null))];
  const listings = await offerListings(ctx, { kinds, regionCode: demand.regionCode, limit: MAX_OFFERS });
  const breaks = await repo.priceBreaksOf(
    ctx.db,
    listings.map((l) => l.id),
  );
  const orgIds = [...new Set(listings.map((l) => l.orgId))].filter((id) => id !== input.orgId);
  const [terms, scores, orgs, outlook] = await Promise.all([
    repo.termsOf(ctx.db, orgIds),
    deps.creditScores(orgIds),
    getOrganisations(ctx, orgIds),
    deps.materialOutlook(kinds, demand.regionCode),
  ]);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const minOrder = new Map(terms.map((t) => [t.orgId, t.minOrderFen]));

  const offers: Offer[] = [];
  const offerInfo = new Map<string, { title: string; distanceKm: number; leadTimeDays: number }>();
  for (const line of lines) {
    if (!line.material) continue;
    for (const l of listings) {
      if (l.kind !== line.material || l.orgId === input.orgId) continue;
      // price per listing unit → per line unit: a listing in 千克 for a line in 吨 costs 1000× per line unit
      const factor = unitFactor(line.unit, l.unit);
      if (factor === null) continue;
      const distanceKm = roadKm({ lat: demand.lat, lng: demand.lng }, l);
      const tiers = [
        { minQuantity: 0, unitPriceFen: Math.round(l.priceFen * factor) },
        ...breaks
          .filter((b) => b.listingId === l.id)
          .sort((a, b) => a.minQuantity - b.minQuantity)
          .map((b) => ({ minQuantity: b.minQuantity / factor, unitPriceFen: Math.round(b.unitPriceFen * factor) })),
      ];
      const offerId = `${line.lineId}:${l.id}`;
      offers.push({
        offerId,
        supplierId: l.orgId,
        lineId: line.lineId,
        tiers,
        stock: l.stock / factor,
        leadTimeDays: l.leadTimeDays,
        distanceKm,
        deliveryFenPerUnitKm: (DELIVERY_FEN_PER_UNIT_KM[l.kind]?.[l.unit] ?? 0) * factor,
      });
      offerInfo.set(offerId, { title: l.title, distanceKm, leadTimeDays: l.leadTimeDays });
    }
  }
  const suppliers: Supplier[] = orgIds.map((id) => ({
    supplierId: id,
    creditScore: scores.get(id) ?? null,
    minOrderFen: minOrder.get(id) ?? 0,
  }));
  const planned: BasketLine[] = lines.filter((l) => l.material !== null);
  const rules = {
    requiredInDays,
    minCreditScore: input.rules.minCreditScore,
    maxSharePerSupplier: input.rules.maxSharePercent / 100,
  };
  const result = await optimisePlan(planned, offers, suppliers, rules);
  const names = {
    line: (id: string) => lines.find((l) => l.lineId === id)?.name ?? id,
    supplier: (id: string) => orgName.get(id) ?? id,
  };
  const view: ProcurementPlanView = {
    id: newId(now.getTime()),
    demandId: demand.id,
    status: result.status,
    rules: input.rules,
    lines: lines.map((l) => {
      const o = l.material ? outlook.get(l.material) : undefined;
      return {
        lineId: l.lineId,
        name: l.name,
        unit: l.unit,
        quantity: l.quantity,
        material: l.material,
        offers: offers.filter((x) => x.lineId === l.lineId).length,
        outlook:
          o && o.change6m !== null
            ? {
                seriesId: o.series.id,
                title: o.series.title,
                kind: o.series.kind as 'price' | 'index',
                change6m: o.change6m,
                method: o.forecast?.method ?? 'naive',
              }
            : null,
      };
    }),
    allocations:
      result.status === 'optimal'
        ? result.allocations.map((a) => {
            const info = offerInfo.get(a.offerId);
            return {
              ...a,
              supplierName: names.supplier(a.supplierId),
              offerTitle: info?.title ?? '',
              distanceKm: info?.distanceKm ?? 0,
              leadTimeDays: info?.leadTimeDays ?? 0,
            };
          })
        : [],
    totalFen: result.status === 'optimal' ? result.totalFen : 0,
    naiveFen: result.status === 'not_solved' ? 0 : result.naive.totalFen,
    naiveUncoveredLines: result.status === 'not_solved' ? [] : result.naive.uncoveredLines,
    savingFen: result.status === 'optimal' ? result.savingFen : 0,
    savingRate: result.status === 'optimal' ? result.savingRate : 0,
    notes:
      result.status === 'optimal'
        ? result.binding.map((b) => explain(b, names))
        : result.status === 'infeasible'
          ? result.reasons.map((r) => explain(r, names))
          : [],
    solveMs: result.status === 'optimal' ? Math.round(result.solveMs) : 0,
    createdAt: now.toISOString(),
  };
  await repo.insertPlan(ctx.db, {
    id: view.id,
    orgId: input.orgId,
    demandId: demand.id,
    view: view as unknown as Record<string, unknown>,
    createdBy: input.userId,
    createdAt: now,
  });
  return view;
}

export async function latestPlanOf(
  ctx: AppContext,
  orgId: string,
  demandId: string,
): Promise<ProcurementPlanView | null> {
  await ownDemand(ctx, orgId, demandId);
  const row = await repo.latestPlan(ctx.db, demandId);
  return row ? (row.view as unknown as ProcurementPlanView) : null;
}

/** Demo and tests: suppliers' minimum orders and listings' price breaks. */
export async function recordSupplierTerms(
  ctx: AppContext,
  terms: { orgId: string; minOrderFen: number }[],
  breaks: { listingId: string; minQuantity: number; unitPriceFen: number }[],
) {
  await ctx.db.transaction(async (tx) => {
    await repo.upsertTerms(
      tx,
      terms.map((t) => ({ ...t, updatedAt: ctx.clock.now() })),
    );
    await repo.insertPriceBreaks(tx, breaks);
  });
}

/**
 * 节约率 of each optimal plan computed since `since` (the optimiser against the naive choice), for the promises
 * board's procurement row (seed: 5–8%).
 */
export async function planSavings(ctx: AppContext, since: Date) {
  return (await repo.plansSince(ctx.db, since)).flatMap((row) => {
    const view = row.view as unknown as ProcurementPlanView;
    return view.status === 'optimal'
      ? [{ id: row.id, demandId: row.demandId, at: row.createdAt, rate: view.savingRate }]
      : [];
  });
}
