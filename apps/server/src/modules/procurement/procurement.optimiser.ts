import highsLoader from 'highs';

/**
 * 采购优化 procurement optimiser (DATA-4). Pure: takes a bill of materials and the offers for it, builds a
 * mixed-integer programme and solves it with HiGHS (WebAssembly; docs/adr/0099-procurement-optimiser.md).
 *
 * Model, per offer o of supplier s for line l with all-units price breaks k (阶梯价):
 *   x[o,k] ≥ 0 quantity bought at tier k, y[o,k] ∈ {0,1} tier k chosen, u[s] ∈ {0,1} supplier used;
 *   min   Σ (price[o,k] + deliveryPerUnitKm[o]·distanceKm[o]) · x[o,k]
 *   s.t.  Σ_{o∈l,k} x[o,k] = quantity[l]                      every line bought in full
 *         minQty[o,k]·y[o,k] ≤ x[o,k] ≤ stock[o]·y[o,k]        a tier's price needs its quantity; stock 库存
 *         Σ_k y[o,k] ≤ 1                                       one price per offer
 *         y[o,k] ≤ u[s];  spend[s] ≥ minOrder[s]·u[s]          supplier minimum order 起订额
 *         spend[s] ≤ maxShare · Σ spend                         max share per supplier 单一供应商占比上限
 * Offers whose lead time misses the required date, or whose supplier's credit score is below the buyer's minimum,
 * are left out before solving (and reported).
 */

export interface PriceTier {
  /** the tier's price applies to the whole quantity when at least this much is bought from the offer */
  minQuantity: number;
  unitPriceFen: number;
}

export interface BasketLine {
  lineId: string;
  name: string;
  unit: string;
  quantity: number;
}

export interface Offer {
  offerId: string;
  supplierId: string;
  lineId: string;
  /** ascending by minQuantity; the first starts at 0 */
  tiers: PriceTier[];
  stock: number;
  leadTimeDays: number;
  distanceKm: number;
  deliveryFenPerUnitKm: number;
}

export interface Supplier {
  supplierId: string;
  /** 信用分 0–100, null when the supplier has none */
  creditScore: number | null;
  /** 起订额: an order from this supplier is worth at least this much, or nothing is ordered */
  minOrderFen: number;
}

export interface PlanRules {
  /** days from today to the required delivery date */
  requiredInDays: number;
  /** offers of suppliers below this credit score are not used (0 = any) */
  minCreditScore: number;
  /** at most this fraction of the plan's cost with one supplier, in (0, 1] */
  maxSharePerSupplier: number;
}

export interface Allocation {
  lineId: string;
  offerId: string;
  supplierId: string;
  quantity: number;
  unitPriceFen: number;
  deliveryFen: number;
  costFen: number;
}

export type Binding =
  | { kind: 'stock'; lineId: string; offerId: string; supplierId: string; stock: number }
  | { kind: 'share'; supplierId: string; share: number }
  | { kind: 'min_order'; supplierId: string; minOrderFen: number }
  | { kind: 'lead_time'; lineId: string; offerId: string; leadTimeDays: number }
  | { kind: 'credit'; lineId: string; offerId: string; supplierId: string; creditScore: number | null }
  | { kind: 'price_break'; lineId: string; offerId: string; minQuantity: number };

export type InfeasibleReason =
  | { kind: 'no_offers'; lineId: string }
  | { kind: 'lead_time'; lineId: string; fastestDays: number }
  | { kind: 'credit'; lineId: string }
  | { kind: 'stock'; lineId: string; available: number; needed: number }
  | { kind: 'share'; maxShare: number; suppliers: number }
  | { kind: 'min_order' }
  | { kind: 'combined' };

export interface NaiveChoice {
  totalFen: number;
  /** lines no single offer can deliver alone (not in totalFen) */
  uncoveredLines: string[];
  perLine: { lineId: string; offerId: string; costFen: number }[];
}

export type PlanResult =
  | {
      status: 'optimal';
      allocations: Allocation[];
      totalFen: number;
      naive: NaiveChoice;
      /** against the naive choice on the lines it covers (plan cost on the same lines) */
      savingFen: number;
      savingRate: number;
      binding: Binding[];
      excludedOffers: { leadTime: number; credit: number };
      variables: number;
      solveMs: number;
    }
  | { status: 'infeasible'; reasons: InfeasibleReason[]; naive: NaiveChoice }
  | { status: 'not_solved'; solverStatus: string };

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let highsPromise: Promise<Highs> | null = null;
function solver(): Promise<Highs> {
  highsPromise ??= highsLoader();
  return highsPromise;
}

/** Price of one unit when `quantity` is bought from the offer (all-units price breaks). */
export function tierPrice(offer: Offer, quantity: number): number {
  let price = offer.tiers[0]?.unitPriceFen ?? Number.POSITIVE_INFINITY;
  for (const t of offer.tiers) if (quantity >= t.minQuantity) price = t.unitPriceFen;
  return price;
}

function deliveryPerUnit(offer: Offer): number {
  return offer.deliveryFenPerUnitKm * offer.distanceKm;
}

function eligibility(offers: Offer[], suppliers: Map<string, Supplier>, rules: PlanRules) {
  const eligible: Offer[] = [];
  const late: Offer[] = [];
  const lowCredit: Offer[] = [];
  for (const o of offers) {
    if (o.stock <= 0 || o.tiers.length === 0) continue;
    if (o.leadTimeDays > rules.requiredInDays) late.push(o);
    else if (rules.minCreditScore > 0 && (suppliers.get(o.supplierId)?.creditScore ?? -1) < rules.minCreditScore)
      lowCredit.push(o);
    else eligible.push(o);
  }
  return { eligible, late, lowCredit };
}

/** 朴素选择 the buyer's naive choice: per line, the cheapest single offer that can deliver the whole quantity. */
export function naiveChoice(
  lines: BasketLine[],
  offers: Offer[],
  suppliers: Supplier[],
  rules: PlanRules,
): NaiveChoice {
  const { eligible } = eligibility(offers, new Map(suppliers.map((s) => [s.supplierId, s])), rules);
  const perLine: NaiveChoice['perLine'] = [];
  const uncoveredLines: string[] = [];
  for (const line of lines) {
    let best: { offerId: string; costFen: number } | null = null;
    for (const o of eligible) {
      if (o.lineId !== line.lineId || o.stock < line.quantity) continue;
      const cost = Math.round((tierPrice(o, line.quantity) + deliveryPerUnit(o)) * line.quantity);
      if (!best || cost < best.costFen) best = { offerId: o.offerId, costFen: cost };
    }
    if (best) perLine.push({ lineId: line.lineId, ...best });
    else uncoveredLines.push(line.lineId);
  }
  return { totalFen: perLine.reduce((s, p) => s + p.costFen, 0), uncoveredLines, perLine };
}

const num = (x: number) => String(Number(x.toPrecision(12)));

interface Column {
  name: string;
  offer: Offer;
  tier: number;
  unitCostYuan: number;
}

function buildModel(lines: BasketLine[], eligible: Offer[], suppliers: Map<string, Supplier>, rules: PlanRules) {
  const columns: Column[] = [];
  const binaries: string[] = [];
  const rows: string[] = [];
  const supplierIndex = new Map<string, number>();
  for (const o of eligible) if (!supplierIndex.has(o.supplierId)) supplierIndex.set(o.supplierId, supplierIndex.size);
  const needsUse = new Set<string>();
  for (const [id] of supplierIndex) if ((suppliers.get(id)?.minOrderFen ?? 0) > 0) needsUse.add(id);

  const byLine = new Map<string, string[]>();
  const bySupplier = new Map<string, { name: string; coefYuan: number }[]>();
  eligible.forEach((o, oi) => {
    const s = supplierIndex.get(o.supplierId) as number;
    const tierVars: string[] = [];
    const useBinary = o.tiers.length > 1 || needsUse.has(o.supplierId);
    o.tiers.forEach((t, k) => {
      const x = `x${oi}_${k}`;
      const cost = (t.unitPriceFen + deliveryPerUnit(o)) / 100;
      columns.push({ name: x, offer: o, tier: k, unitCostYuan: cost });
      tierVars.push(x);
      byLine.set(o.lineId, [...(byLine.get(o.lineId) ?? []), x]);
      const list = bySupplier.get(o.supplierId) ?? [];
      list.push({ name: x, coefYuan: cost });
      bySupplier.set(o.supplierId, list);
      if (useBinary) {
        const y = `y${oi}_${k}`;
        binaries.push(y);
        rows.push(` ub${oi}_${k}: ${x} - ${num(o.stock)} ${y} <= 0`);
        if (t.minQuantity > 0) rows.push(` lb${oi}_${k}: ${x} - ${num(t.minQuantity)} ${y} >= 0`);
        if (needsUse.has(o.supplierId)) rows.push(` use${oi}_${k}: ${y} - u${s} <= 0`);
      }
    });
    if (useBinary) rows.push(` one${oi}: ${tierVars.map((x) => `y${x.slice(1)}`).join(' + ')} <= 1`);
    else rows.push(` stock${oi}: ${tierVars.join(' + ')} <= ${num(o.stock)}`);
  });
  lines.forEach((line, li) => {
    rows.push(` demand${li}: ${chunk(byLine.get(line.lineId) ?? [])} = ${num(line.quantity)}`);
  });
  for (const [id, s] of supplierIndex) {
    const minOrder = suppliers.get(id)?.minOrderFen ?? 0;
    const terms = bySupplier.get(id) ?? [];
    if (minOrder > 0) {
      binaries.push(`u${s}`);
      rows.push(
        ` minorder${s}: ${chunk(terms.map((t) => `${num(t.coefYuan)} ${t.name}`))} - ${num(minOrder / 100)} u${s} >= 0`,
      );
    }
  }
  if (rules.maxSharePerSupplier < 1) {
    // total = Σ spend as its own column keeps each supplier's row to its own offers.
    rows.push(` sumcost: ${chunk(columns.map((c) => `${num(c.unitCostYuan)} ${c.name}`))} - total = 0`);
    for (const [id, s] of supplierIndex) {
      const terms = (bySupplier.get(id) ?? []).map((t) => `${num(t.coefYuan)} ${t.name}`);
      rows.push(` share${s}: ${chunk(terms)} - ${num(rules.maxSharePerSupplier)} total <= 0`);
    }
  }
  const objective = chunk(columns.map((c) => `${num(c.unitCostYuan)} ${c.name}`));
  const text = [
    'Minimize',
    ` cost: ${objective}`,
    'Subject To',
    ...rows,
    'Bounds',
    ...columns.map((c) => ` ${c.name} >= 0`),
    ...(binaries.length ? ['Binary', ...chunkLines(binaries)] : []),
    'End',
  ].join('\n');
  return { text, columns, supplierIndex, variables: columns.length + binaries.length };
}

function chunk(terms: string[]): string {
  const parts: string[] = [];
  for (let i = 0; i < terms.length; i += 8) parts.push(terms.slice(i, i + 8).join(' + '));
  return parts.join('\n   + ');
}

function chunkLines(names: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < names.length; i += 20) out.push(` ${names.slice(i, i + 20).join(' ')}`);
  return out;
}

async function solve(text: string) {
  const highs = await solver();
  return highs.solve(text, { output_flag: false, mip_rel_gap: 1e-6, time_limit: 60 });
}

/** Plans the purchase of `lines` over `offers`; never throws for an infeasible basket, it says why instead. */
export async function optimisePlan(
  lines: BasketLine[],
  offers: Offer[],
  suppliers: Supplier[],
  rules: PlanRules,
): Promise<PlanResult> {
  const supplierMap = new Map(suppliers.map((s) => [s.supplierId, s]));
  const lineIds = new Set(lines.map((l) => l.lineId));
  const relevant = offers.filter((o) => lineIds.has(o.lineId));
  const { eligible, late, lowCredit } = eligibility(relevant, supplierMap, rules);
  const naive = naiveChoice(lines, relevant, suppliers, rules);

  const reasons: InfeasibleReason[] = [];
  for (const line of lines) {
    const own = eligible.filter((o) => o.lineId === line.lineId);
    const available = own.reduce((s, o) => s + o.stock, 0);
    if (available >= line.quantity) continue;
    const lateOwn = late.filter((o) => o.lineId === line.lineId);
    if (own.length === 0 && lateOwn.length > 0)
      reasons.push({
        kind: 'lead_time',
        lineId: line.lineId,
        fastestDays: Math.min(...lateOwn.map((o) => o.leadTimeDays)),
      });
    else if (own.length === 0 && lowCredit.some((o) => o.lineId === line.lineId))
      reasons.push({ kind: 'credit', lineId: line.lineId });
    else if (own.length === 0) reasons.push({ kind: 'no_offers', lineId: line.lineId });
    else reasons.push({ kind: 'stock', lineId: line.lineId, available, needed: line.quantity });
  }
  if (reasons.length) return { status: 'infeasible', reasons, naive };

  const started = performance.now();
  const model = buildModel(lines, eligible, supplierMap, rules);
  const result = await solve(model.text);
  const solveMs = performance.now() - started;
  if (result.Status === 'Infeasible') {
    return {
      status: 'infeasible',
      reasons: await explainInfeasible(lines, eligible, suppliers, supplierMap, rules),
      naive,
    };
  }
  if (result.Status !== 'Optimal') return { status: 'not_solved', solverStatus: result.Status };

  const allocations: Allocation[] = [];
  for (const c of model.columns) {
    const q = result.Columns[c.name]?.Primal ?? 0;
    if (q <= 1e-7) continue;
    const unitPriceFen = c.offer.tiers[c.tier]?.unitPriceFen as number;
    const deliveryFen = Math.round(deliveryPerUnit(c.offer) * q);
    const quantity = Number(q.toFixed(6));
    allocations.push({
      lineId: c.offer.lineId,
      offerId: c.offer.offerId,
      supplierId: c.offer.supplierId,
      quantity,
      unitPriceFen,
      deliveryFen,
      costFen: Math.round(unitPriceFen * quantity) + deliveryFen,
    });
  }
  const totalFen = allocations.reduce((s, a) => s + a.costFen, 0);
  const covered = new Set(naive.perLine.map((p) => p.lineId));
  const planOnCovered = allocations.filter((a) => covered.has(a.lineId)).reduce((s, a) => s + a.costFen, 0);
  const savingFen = naive.totalFen - planOnCovered;
  return {
    status: 'optimal',
    allocations,
    totalFen,
    naive,
    savingFen,
    savingRate: naive.totalFen > 0 ? savingFen / naive.totalFen : 0,
    binding: bindingConstraints(lines, allocations, eligible, late, lowCredit, supplierMap, rules, totalFen),
    excludedOffers: { leadTime: late.length, credit: lowCredit.length },
    variables: model.variables,
    solveMs,
  };
}

/** Which rule shapes the plan: stock used up on an offer cheaper than the line's dearest purchase, suppliers at
 * their share cap or exactly at their minimum order, tiers bought at exactly their break quantity, and cheaper
 * offers left out for lead time or credit. */
function bindingConstraints(
  lines: BasketLine[],
  allocations: Allocation[],
  eligible: Offer[],
  late: Offer[],
  lowCredit: Offer[],
  suppliers: Map<string, Supplier>,
  rules: PlanRules,
  totalFen: number,
): Binding[] {
  const out: Binding[] = [];
  const offerById = new Map(eligible.map((o) => [o.offerId, o]));
  const bought = new Map<string, number>();
  for (const a of allocations) bought.set(a.offerId, (bought.get(a.offerId) ?? 0) + a.quantity);
  for (const line of lines) {
    const own = allocations.filter((a) => a.lineId === line.lineId);
    if (own.length === 0) continue;
    const dearest = Math.max(...own.map((a) => a.costFen / a.quantity));
    for (const a of own) {
      const o = offerById.get(a.offerId) as Offer;
      if (own.length > 1 && Math.abs((bought.get(a.offerId) ?? 0) - o.stock) < 1e-6 && a.costFen / a.quantity < dearest)
        out.push({ kind: 'stock', lineId: line.lineId, offerId: o.offerId, supplierId: o.supplierId, stock: o.stock });
      const tier = o.tiers.find((t) => t.unitPriceFen === a.unitPriceFen);
      if (tier && tier.minQuantity > 0 && Math.abs(a.quantity - tier.minQuantity) < 1e-6)
        out.push({ kind: 'price_break', lineId: line.lineId, offerId: o.offerId, minQuantity: tier.minQuantity });
    }
    const cheapestUsed = Math.min(...own.map((a) => a.unitPriceFen));
    const betterLate = late.find((o) => o.lineId === line.lineId && tierPrice(o, line.quantity) < cheapestUsed);
    if (betterLate)
      out.push({
        kind: 'lead_time',
        lineId: line.lineId,
        offerId: betterLate.offerId,
        leadTimeDays: betterLate.leadTimeDays,
      });
    const betterLow = lowCredit.find((o) => o.lineId === line.lineId && tierPrice(o, line.quantity) < cheapestUsed);
    if (betterLow)
      out.push({
        kind: 'credit',
        lineId: line.lineId,
        offerId: betterLow.offerId,
        supplierId: betterLow.supplierId,
        creditScore: suppliers.get(betterLow.supplierId)?.creditScore ?? null,
      });
  }
  const spend = new Map<string, number>();
  for (const a of allocations) spend.set(a.supplierId, (spend.get(a.supplierId) ?? 0) + a.costFen);
  for (const [supplierId, fen] of spend) {
    if (rules.maxSharePerSupplier < 1 && fen >= rules.maxSharePerSupplier * totalFen - Math.max(100, totalFen * 1e-6))
      out.push({ kind: 'share', supplierId, share: rules.maxSharePerSupplier });
    const minOrder = suppliers.get(supplierId)?.minOrderFen ?? 0;
    if (minOrder > 0 && fen <= minOrder + 100) out.push({ kind: 'min_order', supplierId, minOrderFen: minOrder });
  }
  return out;
}

/** Every line has enough eligible stock, yet no plan exists: relax one rule at a time to name the one to blame. */
async function explainInfeasible(
  lines: BasketLine[],
  eligible: Offer[],
  suppliers: Supplier[],
  supplierMap: Map<string, Supplier>,
  rules: PlanRules,
): Promise<InfeasibleReason[]> {
  const withoutShare = await solve(buildModel(lines, eligible, supplierMap, { ...rules, maxSharePerSupplier: 1 }).text);
  if (withoutShare.Status === 'Optimal') {
    return [
      {
        kind: 'share',
        maxShare: rules.maxSharePerSupplier,
        suppliers: new Set(eligible.map((o) => o.supplierId)).size,
      },
    ];
  }
  const noMinimum = new Map(suppliers.map((s) => [s.supplierId, { ...s, minOrderFen: 0 }]));
  const withoutMinimum = await solve(buildModel(lines, eligible, noMinimum, rules).text);
  if (withoutMinimum.Status === 'Optimal') return [{ kind: 'min_order' }];
  return [{ kind: 'combined' }];
}
