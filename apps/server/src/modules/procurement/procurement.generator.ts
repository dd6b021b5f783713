import type { BasketLine, Offer, PlanRules, Supplier } from './procurement.optimiser';

/**
 * Seeded generator of realistic procurement baskets for tests and bench/optimiser (documented in
 * docs/ARCHITECTURE.md §采购优化). A basket draws its lines from a catalogue of common site materials with 2026
 * price levels (rebar ≈ ¥3,600/t, C30 concrete ≈ ¥420/m³ …). Each offer's price is the material's price times a
 * supplier factor (log-normal, σ 6 %) and an offer factor (σ 3 %); a third of offers have two all-units price
 * breaks (−2 % and −4 % at 40 % and 80 % of the line's quantity); stock is 50 %–230 % of the line's quantity;
 * lead time 2–19 days; suppliers sit 5–300 km from the site and charge a delivery rate per unit and km that
 * follows the material's weight; credit scores ~ N(75, 12); a quarter of suppliers have a minimum order of
 * ¥5,000–¥50,000. Rules: delivery within 15 days, credit score at least 60, at most 30 % of the cost with one
 * supplier.
 */

export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(r: () => number): number {
  return Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());
}

/** name, unit, price in fen, typical quantity, delivery fen per unit and km */
export const MATERIAL_CATALOGUE: [string, string, number, number, number][] = [
  ['螺纹钢 HRB400 Φ12', 't', 360_000, 120, 60],
  ['螺纹钢 HRB400 Φ16', 't', 355_000, 150, 60],
  ['螺纹钢 HRB400 Φ25', 't', 350_000, 200, 60],
  ['盘螺 HRB400 Φ8', 't', 370_000, 60, 60],
  ['H型钢 Q235B', 't', 390_000, 80, 60],
  ['商品混凝土 C30', 'm³', 42_000, 900, 35],
  ['商品混凝土 C40', 'm³', 46_000, 500, 35],
  ['水泥 P.O 42.5', 't', 38_000, 200, 50],
  ['中砂', 'm³', 12_000, 600, 30],
  ['碎石 5-25mm', 'm³', 10_000, 700, 30],
  ['加气混凝土砌块', 'm³', 26_000, 400, 15],
  ['烧结页岩砖', '千块', 52_000, 150, 40],
  ['PPR 给水管 DN25', 'm', 900, 3_000, 0.05],
  ['镀锌钢管 DN100', 'm', 6_500, 800, 0.3],
  ['BV 电线 2.5mm²', '卷', 19_000, 300, 1],
  ['防水卷材 SBS 4mm', 'm²', 3_800, 5_000, 0.1],
  ['模板 1830×915', '张', 6_500, 2_000, 0.5],
  ['方木 50×100', 'm³', 190_000, 40, 20],
];

export interface GeneratedBasket {
  lines: BasketLine[];
  offers: Offer[];
  suppliers: Supplier[];
  rules: PlanRules;
}

export function generateBasket(
  seed: number,
  lineCount: number,
  offersPerLine: number,
  supplierCount = 150,
): GeneratedBasket {
  const r = mulberry32(seed);
  const suppliers: (Supplier & { factor: number; distanceKm: number })[] = Array.from(
    { length: supplierCount },
    (_, i) => ({
      supplierId: `s${i}`,
      creditScore: Math.max(0, Math.min(100, Math.round(75 + 12 * normal(r)))),
      minOrderFen: r() < 0.25 ? Math.round(5_000 + r() * 45_000) * 100 : 0,
      factor: Math.exp(0.06 * normal(r)),
      distanceKm: Math.round(5 + r() * 295),
    }),
  );
  const lines: BasketLine[] = [];
  const offers: Offer[] = [];
  for (let l = 0; l < lineCount; l++) {
    const [name, unit, price, typical, delivery] = MATERIAL_CATALOGUE[Math.floor(r() * MATERIAL_CATALOGUE.length)] as [
      string,
      string,
      number,
      number,
      number,
    ];
    const quantity = Math.max(1, Math.round(typical * (0.3 + r() * 1.4)));
    const lineId = `l${l}`;
    lines.push({ lineId, name, unit, quantity });
    const chosen = new Set<number>();
    while (chosen.size < Math.min(offersPerLine, supplierCount)) chosen.add(Math.floor(r() * supplierCount));
    for (const si of chosen) {
      const s = suppliers[si] as (typeof suppliers)[number];
      const base = Math.round(price * s.factor * Math.exp(0.03 * normal(r)));
      const tiers =
        r() < 1 / 3
          ? [
              { minQuantity: 0, unitPriceFen: base },
              { minQuantity: Math.round(quantity * 0.4), unitPriceFen: Math.round(base * 0.98) },
              { minQuantity: Math.round(quantity * 0.8), unitPriceFen: Math.round(base * 0.96) },
            ]
          : [{ minQuantity: 0, unitPriceFen: base }];
      offers.push({
        offerId: `o${offers.length}`,
        supplierId: s.supplierId,
        lineId,
        tiers,
        stock: Math.max(1, Math.round(quantity * (0.5 + r() * 1.8))),
        leadTimeDays: 2 + Math.floor(r() * 18),
        distanceKm: s.distanceKm,
        deliveryFenPerUnitKm: delivery,
      });
    }
  }
  return {
    lines,
    offers,
    suppliers: suppliers.map(({ supplierId, creditScore, minOrderFen }) => ({ supplierId, creditScore, minOrderFen })),
    rules: { requiredInDays: 15, minCreditScore: 60, maxSharePerSupplier: 0.3 },
  };
}
