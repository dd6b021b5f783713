import type { AppContext } from '../../infra/context';
import type { DbOrTx } from '../../infra/db/client';
import { newId } from '../../infra/ids';
import { type CategoryLevels, categoryLevels, regionPrefix } from './cooperation.categories';
import { parseCsv } from './cooperation.csv';
import { cooperationErrors } from './cooperation.errors';
import { normaliseFirmName } from './cooperation.normalise';
import type { SupplierHistory } from './cooperation.repository';
import * as repo from './cooperation.repository';

export type CooperationSource = 'award' | 'contract' | 'completion' | 'rating' | 'import';

export interface CooperationParty {
  orgId: string;
  /** the organisation's name, for the firm registry (passed in so no read happens inside the caller's tx) */
  name: string;
}

export interface CooperationEvent {
  source: Exclude<CooperationSource, 'import'>;
  /** the producing object, e.g. the contract id: recording the same event twice changes nothing */
  sourceRef: string;
  buyer: CooperationParty;
  supplier: CooperationParty;
  /** `ZH:<kind>` or `ZH:<category as written>`, or a foreign code such as `CPV:45232460` */
  categoryCode: string;
  regionCode: string;
  amountFen?: number | null;
  /** YYYY-MM-DD */
  occurredOn: string;
  title?: string;
  /** 1–5, for ratings */
  rating?: number | null;
}

/** The firm of a platform organisation, created or linked (by normalised name) on first use. */
async function firmOfOrg(db: DbOrTx, party: CooperationParty): Promise<string> {
  const [linked] = await repo.firmsByOrgs(db, [party.orgId]);
  if (linked) return linked.id;
  const key = normaliseFirmName(party.name) || party.orgId;
  const [byName] = await repo.firmsByKeys(db, [key]);
  if (byName && !byName.orgId) {
    await repo.linkFirm(db, byName.id, party.orgId);
    return byName.id;
  }
  const id = newId();
  // another organisation already holds this name: the key is made unique rather than merging two platform orgs
  await repo.insertFirms(db, [
    { id, nameKey: byName ? `${key}#${party.orgId}` : key, name: party.name, orgId: party.orgId },
  ]);
  return id;
}

/**
 * 合作记录: the platform's own modules report awards, contracts, completions and ratings here (in their
 * transaction when they pass `tx`). Idempotent per (source, sourceRef).
 */
export async function recordCooperation(ctx: AppContext, event: CooperationEvent, tx?: DbOrTx): Promise<void> {
  const levels = categoryLevels(event.categoryCode);
  if (!levels) throw cooperationErrors.raise('COOPERATION_RECORD_INVALID', { reason: event.categoryCode });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(event.occurredOn))
    throw cooperationErrors.raise('COOPERATION_RECORD_INVALID', { reason: event.occurredOn });
  const db = tx ?? ctx.db;
  const buyerFirmId = await firmOfOrg(db, event.buyer);
  const supplierFirmId = await firmOfOrg(db, event.supplier);
  await repo.insertRecords(db, [
    {
      id: newId(),
      source: event.source,
      sourceRef: event.sourceRef,
      buyerFirmId,
      supplierFirmId,
      ...levelColumns(levels),
      regionCode: event.regionCode,
      regionPrefix: regionPrefix(event.regionCode),
      amountMinor: event.amountFen ?? null,
      currency: 'CNY',
      occurredOn: event.occurredOn,
      title: event.title ?? '',
      rating: event.rating ?? null,
    },
  ]);
}

/** Makes sure platform organisations have their firm (so their history and matching meet); returns firm ids. */
export async function firmsOfOrganisations(
  ctx: AppContext,
  parties: readonly CooperationParty[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const party of parties) out.set(party.orgId, await firmOfOrg(ctx.db, party));
  return out;
}

export async function firmIdsOfOrgs(ctx: AppContext, orgIds: readonly string[]): Promise<Map<string, string>> {
  return new Map((await repo.firmsByOrgs(ctx.db, orgIds)).map((f) => [f.orgId as string, f.id]));
}

function levelColumns(levels: CategoryLevels) {
  return {
    categoryCode: levels.code,
    categoryGroup: levels.group,
    categoryDivision: levels.division,
    zhCategory: levels.zhCategory,
  };
}

// ————— import —————

const REQUIRED = ['award_id', 'award_date', 'buyer_name', 'supplier_name', 'category_code'] as const;

export interface ImportReport {
  rows: number;
  imported: number;
  /** rows whose award id was imported before */
  duplicates: number;
  broken: { line: number; reason: string }[];
  /** rows whose category code has no ZhuHe category (kept as foreign codes, usable for matching) */
  unknownCodeRows: number;
  unknownCodes: string[];
  firmsCreated: number;
  /** spellings that were recognised as an already known firm (another legal form, case, punctuation …) */
  spellingsMerged: number;
  /** firm names that became platform organisations' history (linked by normalised name) */
  firmsLinked: number;
}

export interface ParsedRow {
  line: number;
  sourceRef: string;
  occurredOn: string;
  buyer: { name: string; key: string; country: string; town: string; nationalId: string | null };
  supplier: { name: string; key: string; country: string; town: string; nationalId: string | null };
  levels: CategoryLevels;
  extraCodes: string[];
  regionCode: string;
  amountMinor: number | null;
  currency: string;
  title: string;
}

function parseRow(line: number, get: (name: string) => string): ParsedRow | string {
  const sourceRef = get('award_id');
  if (!sourceRef) return 'award_id missing';
  let occurredOn = get('award_date');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(occurredOn) || Number.isNaN(Date.parse(occurredOn))) {
    const year = get('year');
    if (!/^\d{4}$/.test(year)) return `award_date invalid: ${occurredOn || '(empty)'}`;
    occurredOn = `${year}-01-01`;
  }
  const buyerName = get('buyer_name');
  const supplierName = get('supplier_name');
  const buyerKey = normaliseFirmName(buyerName);
  const supplierKey = normaliseFirmName(supplierName);
  if (!buyerKey) return 'buyer_name missing';
  if (!supplierKey) return 'supplier_name missing';
  const levels = categoryLevels(get('category_code'));
  if (!levels) return `category_code invalid: ${get('category_code') || '(empty)'}`;
  const rawAmount = get('amount');
  let amountMinor: number | null = null;
  if (rawAmount) {
    const value = Number(rawAmount);
    if (!Number.isFinite(value) || value < 0 || value > 1e13) return `amount invalid: ${rawAmount}`;
    amountMinor = Math.round(value * 100);
  }
  const buyerCountry = get('buyer_country').toUpperCase();
  const regionCode = get('place_region') || get('region') || buyerCountry;
  if (!regionCode) return 'place_region missing';
  const extraCodes = get('extra_category_codes')
    .split(/\s+/)
    .filter(Boolean)
    .map((c) => categoryLevels(c)?.code)
    .filter((c): c is string => !!c);
  return {
    line,
    sourceRef,
    occurredOn,
    buyer: {
      name: buyerName,
      key: buyerKey,
      country: buyerCountry,
      town: get('buyer_town'),
      nationalId: get('buyer_national_id') || null,
    },
    supplier: {
      name: supplierName,
      key: supplierKey,
      country: get('supplier_country').toUpperCase(),
      town: get('supplier_town'),
      nationalId: get('supplier_national_id') || null,
    },
    levels,
    extraCodes,
    regionCode,
    amountMinor,
    currency: get('currency') || 'EUR',
    title: get('title').slice(0, 500),
  };
}

/** Parses the award-history CSV: valid rows, and broken ones with their line and reason. */
export function parseAwardCsv(text: string): { rows: ParsedRow[]; broken: { line: number; reason: string }[] } {
  const table = parseCsv(text);
  const header = table[0]?.fields.map((h) => h.trim().toLowerCase());
  if (!header || header.length < 2) throw cooperationErrors.raise('COOPERATION_IMPORT_EMPTY');
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0) throw cooperationErrors.raise('COOPERATION_IMPORT_COLUMNS', { columns: missing.join(', ') });
  const column = new Map(header.map((h, i) => [h, i]));
  const rows: ParsedRow[] = [];
  const broken: { line: number; reason: string }[] = [];
  // one notice can award several lots: the n-th row of an award id is its n-th lot
  const lots = new Map<string, number>();
  for (const { line, fields } of table.slice(1)) {
    if (fields.length !== header.length) {
      broken.push({ line, reason: `expected ${header.length} fields, found ${fields.length}` });
      continue;
    }
    const row = parseRow(line, (name) => (fields[column.get(name) ?? -1] ?? '').trim());
    if (typeof row === 'string') broken.push({ line, reason: row });
    else {
      const lot = (lots.get(row.sourceRef) ?? 0) + 1;
      lots.set(row.sourceRef, lot);
      rows.push(lot === 1 ? row : { ...row, sourceRef: `${row.sourceRef}/${lot}` });
    }
  }
  return { rows, broken };
}

/**
 * 导入合作历史: the award-history CSV format (buyer, supplier, category code, region, amount, date, title).
 * Broken rows are skipped and reported with their line; the others are imported in batches, each batch in one
 * transaction, so a row is either fully imported (both firms and the record) or not at all. Firms are found by
 * normalised name, so spellings of one firm become one firm.
 */
export async function importCooperationCsv(ctx: AppContext, text: string): Promise<ImportReport> {
  const { rows: parsed, broken } = parseAwardCsv(text);
  const report: ImportReport = {
    rows: parsed.length + broken.length,
    imported: 0,
    duplicates: 0,
    broken,
    unknownCodeRows: 0,
    unknownCodes: [],
    firmsCreated: 0,
    spellingsMerged: 0,
    firmsLinked: 0,
  };
  const unknown = new Set<string>();
  for (const row of parsed)
    if (!row.levels.zhCategory) {
      report.unknownCodeRows += 1;
      unknown.add(row.levels.code);
    }
  report.unknownCodes = [...unknown].sort().slice(0, 50);

  const spellings = new Map<string, Set<string>>();
  for (let i = 0; i < parsed.length; i += 500) {
    const batch = parsed.slice(i, i + 500);
    await ctx.db.transaction(async (tx) => {
      const parties = new Map<string, ParsedRow['buyer']>();
      for (const row of batch) {
        if (!parties.has(row.buyer.key)) parties.set(row.buyer.key, row.buyer);
        if (!parties.has(row.supplier.key)) parties.set(row.supplier.key, row.supplier);
      }
      const known = new Map((await repo.firmsByKeys(tx, [...parties.keys()])).map((f) => [f.nameKey, f]));
      const fresh = [...parties.values()].filter((p) => !known.has(p.key));
      await repo.insertFirms(
        tx,
        fresh.map((p) => ({
          id: newId(),
          nameKey: p.key,
          name: p.name,
          country: p.country,
          town: p.town,
          nationalId: p.nationalId,
        })),
      );
      for (const f of await repo.firmsByKeys(
        tx,
        fresh.map((p) => p.key),
      ))
        known.set(f.nameKey, f);
      report.firmsCreated += fresh.length;
      for (const row of batch)
        for (const p of [row.buyer, row.supplier]) {
          const firm = known.get(p.key);
          if (firm && firm.name !== p.name) {
            const seen = spellings.get(p.key) ?? new Set();
            if (!seen.has(p.name)) {
              seen.add(p.name);
              report.spellingsMerged += 1;
              if (firm.orgId) report.firmsLinked += 1;
            }
            spellings.set(p.key, seen);
          }
        }
      const inserted = await repo.insertRecords(
        tx,
        batch.map((row) => ({
          id: newId(),
          source: 'import',
          sourceRef: row.sourceRef,
          buyerFirmId: (known.get(row.buyer.key) as repo.FirmRow).id,
          supplierFirmId: (known.get(row.supplier.key) as repo.FirmRow).id,
          ...levelColumns(row.levels),
          extraCodes: row.extraCodes,
          regionCode: row.regionCode,
          regionPrefix: regionPrefix(row.regionCode),
          amountMinor: row.amountMinor,
          currency: row.currency,
          occurredOn: row.occurredOn,
          title: row.title,
        })),
      );
      report.imported += inserted;
      report.duplicates += batch.length - inserted;
    });
  }
  return report;
}

// ————— the read model matching uses —————

export interface HistoryQuery {
  buyerFirmId: string | null;
  category: CategoryLevels;
  regionCode: string;
  /** only history strictly before this day (YYYY-MM-DD) counts */
  before: string;
  limit: number;
  /**
   * the pool of history read: the category group in the region prefix (default), widened to the division when
   * the group has fewer than `widenBelow` suppliers there
   */
  widenBelow?: number;
}

/**
 * The most recent records of a pool that are read: bounds the cost of a request however much history a busy
 * category and province gather (recent work says more about a supplier than old work).
 */
const POOL_RECORDS = 2500;

/**
 * Candidate suppliers from the history: everyone who worked in the same category division and region prefix,
 * plus everyone who worked for this buyer, with their counts. Ordered by the strongest history first.
 */
export async function supplierHistory(ctx: AppContext, q: HistoryQuery): Promise<SupplierHistory[]> {
  const narrow = await historyPool(ctx, q, 'group');
  if (narrow.length >= (q.widenBelow ?? 30)) return narrow;
  return historyPool(ctx, q, 'division');
}

async function historyPool(ctx: AppContext, q: HistoryQuery, level: 'group' | 'division'): Promise<SupplierHistory[]> {
  return repo.historyPool(ctx.db, {
    buyerFirmId: q.buyerFirmId,
    category: q.category,
    level,
    regionCode: q.regionCode,
    regionPrefix: regionPrefix(q.regionCode),
    before: q.before,
    limit: q.limit,
    poolRecords: POOL_RECORDS,
  });
}

/** The firm of a name (normalised), if the history knows it. */
export async function findFirmByName(ctx: AppContext, name: string): Promise<repo.FirmRow | null> {
  const [firm] = await repo.firmsByKeys(ctx.db, [normaliseFirmName(name)]);
  return firm ?? null;
}

/** The history's firms, by id (names, towns, links to organisations). */
export async function firmsById(ctx: AppContext, ids: readonly string[]): Promise<Map<string, repo.FirmRow>> {
  return new Map((await repo.firmsByIds(ctx.db, ids)).map((f) => [f.id, f]));
}

/** Most frequent winners (the frequency baseline of the evaluation): same category group and region prefix. */
export async function frequentWinners(
  ctx: AppContext,
  q: { group: string; regionCode: string; before: string; limit: number },
): Promise<string[]> {
  return repo.frequentWinners(ctx.db, { ...q, regionPrefix: regionPrefix(q.regionCode) });
}

export type { FirmRow, SupplierHistory } from './cooperation.repository';
