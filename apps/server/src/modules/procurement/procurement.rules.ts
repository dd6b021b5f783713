import type { ProcurementNote } from '@zhuhe/contracts';
import type { Binding, InfeasibleReason } from './procurement.optimiser';

/** Which resource kind a bill-of-materials line is, from its name and spec (first match wins). */
const MATERIAL_WORDS: [string, RegExp][] = [
  ['rebar', /钢筋|螺纹钢|盘螺|线材|HRB|HPB/i],
  ['section_steel', /型钢|工字钢|槽钢|角钢|H型|Q235|Q355/i],
  ['concrete', /混凝土|砼/],
  ['cement', /水泥/],
  ['curtain_wall_glass', /玻璃/],
];

export function materialOf(name: string, spec = ''): string | null {
  const text = `${name} ${spec}`;
  return MATERIAL_WORDS.find(([, re]) => re.test(text))?.[0] ?? null;
}

/** How many of `to` one `from` is (吨 ↔ 千克, and the usual spellings), or null when the units do not convert. */
export function unitFactor(from: string, to: string): number | null {
  const norm = (u: string) =>
    ({
      t: '吨',
      吨: '吨',
      kg: '千克',
      千克: '千克',
      公斤: '千克',
      'm³': '立方米',
      m3: '立方米',
      方: '立方米',
      立方米: '立方米',
      'm²': '平方米',
      m2: '平方米',
      平方米: '平方米',
    })[u.trim()] ?? u.trim();
  const a = norm(from);
  const b = norm(to);
  if (a === b) return 1;
  if (a === '吨' && b === '千克') return 1000;
  if (a === '千克' && b === '吨') return 0.001;
  return null;
}

/** 运费 delivery cost per unit and km by road (fen), by kind: trucked steel and cement about ¥0.6/t·km, a mixer
 * truck about ¥1.5/m³·km, glass on racks about ¥0.05/m²·km. Used until suppliers publish their own rates. */
export const DELIVERY_FEN_PER_UNIT_KM: Record<string, Record<string, number>> = {
  rebar: { 吨: 60, 千克: 0.06 },
  section_steel: { 吨: 60, 千克: 0.06 },
  cement: { 吨: 60, 千克: 0.06 },
  concrete: { 立方米: 150 },
  curtain_wall_glass: { 平方米: 5 },
};

/** Road distance estimated as 1.3 × the great-circle distance (a common detour factor for Chinese road networks). */
export function roadKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(1.3 * 2 * 6371 * Math.asin(Math.sqrt(h)) * 10) / 10;
}

const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 0 })}`;

/** One sentence per binding constraint or infeasibility reason, in both languages. */
export function explain(
  item: Binding | InfeasibleReason,
  names: { line: (id: string) => string; supplier: (id: string) => string },
): ProcurementNote {
  const line = 'lineId' in item ? item.lineId : null;
  const l = line ? names.line(line) : '';
  const supplierId = 'supplierId' in item ? item.supplierId : null;
  const s = supplierId ? names.supplier(supplierId) : '';
  const note = (zh: string, en: string): ProcurementNote => ({
    kind: item.kind,
    lineId: line,
    supplierName: supplierId ? s : null,
    text: { 'zh-CN': zh, en },
  });
  switch (item.kind) {
    case 'stock':
      return 'needed' in item
        ? note(
            `「${l}」可按期供货的库存合计 ${item.available}，少于需求 ${item.needed}`,
            `"${l}": stock that can arrive in time totals ${item.available}, less than the ${item.needed} needed`,
          )
        : note(
            `「${l}」${s} 的报价更低，但库存只有 ${item.stock}，其余向下一家采购`,
            `"${l}": ${s} is cheaper but has only ${item.stock} in stock; the rest comes from the next offer`,
          );
    case 'share':
      return 'maxShare' in item
        ? note(
            `单一供应商占比上限 ${Math.round(item.maxShare * 100)}% 无法满足：可用供应商只有 ${item.suppliers} 家`,
            `No plan keeps each supplier at or below ${Math.round(item.maxShare * 100)}%: only ${item.suppliers} suppliers can deliver`,
          )
        : note(
            `${s} 已达单一供应商占比上限 ${Math.round(item.share * 100)}%`,
            `${s} is at the ${Math.round(item.share * 100)}% cap per supplier`,
          );
    case 'min_order':
      return 'minOrderFen' in item
        ? note(
            `${s} 的订单恰好达到其起订额 ${yuan(item.minOrderFen)}`,
            `The order with ${s} is exactly its minimum order of ${yuan(item.minOrderFen)}`,
          )
        : note('供应商起订额使任何方案都无法成立', 'Suppliers’ minimum orders rule out every plan');
    case 'lead_time':
      return 'fastestDays' in item
        ? note(
            `「${l}」没有报价能在到场日期前送达（最快 ${item.fastestDays} 天）`,
            `"${l}": no offer arrives by the required date (fastest ${item.fastestDays} days)`,
          )
        : note(
            `「${l}」有更便宜的报价，但供货期 ${item.leadTimeDays} 天赶不上到场日期`,
            `"${l}": a cheaper offer needs ${item.leadTimeDays} days and would arrive late`,
          );
    case 'credit':
      return 'offerId' in item
        ? note(
            `「${l}」${s} 报价更低，但信用分 ${item.creditScore ?? '无'} 低于要求`,
            `"${l}": ${s} is cheaper but its credit score ${item.creditScore ?? 'none'} is below the minimum`,
          )
        : note(
            `「${l}」所有报价的供应商信用分都低于要求`,
            `"${l}": every supplier offering it is below the credit minimum`,
          );
    case 'price_break':
      return note(
        `「${l}」买足 ${item.minQuantity} 以享受阶梯价`,
        `"${l}": bought exactly ${item.minQuantity} to reach the price break`,
      );
    case 'no_offers':
      return note(
        `「${l}」在资源库中没有可供应本地区的报价`,
        `"${l}": no offer in the resource library serves this region`,
      );
    case 'combined':
      return note(
        '多项约束共同作用下没有可行方案，请放宽到场日期、信用或占比要求',
        'No plan meets all the rules together; relax the date, the credit minimum or the share cap',
      );
  }
}
