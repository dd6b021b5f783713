import {
  type CreateResourceBody,
  hasControlChars,
  RESOURCE_KINDS,
  type ResourceKindSpec,
  type ResourceListing,
  type Unit,
  type UpdateResourceBody,
} from '@zhuhe/contracts';
import type { z } from 'zod';
import type { AppContext } from '../../infra/context';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { recordProductEvent } from '../analytics';
import { assertCompliantFields } from '../compliance';
import { getOrganisation } from '../organisation';
import { isKnownRegion, regionCentroid, regionErrors } from '../regions';
import { indexDocuments, removeDocument, type SearchDocumentInput } from '../search';
import { compareListings } from './resources.comparison';
import { resourceErrors } from './resources.errors';
import { presentListing } from './resources.presenter';
import * as repo from './resources.repository';

export type { ResourceListingRow } from './resources.repository';

type CreateInput = z.output<typeof CreateResourceBody>;
type UpdateInput = z.output<typeof UpdateResourceBody>;

const CATEGORY_NAMES: Record<string, string> = {
  material: '材料',
  equipment: '设备',
  labour: '劳务',
  machinery: '机械租赁',
};

export function kindSpec(kind: string): ResourceKindSpec {
  const spec = RESOURCE_KINDS.find((k) => k.key === kind);
  if (!spec) throw resourceErrors.raise('RESOURCE_KIND_UNKNOWN', { kind });
  return spec;
}

/** Checks a listing's parameters against its kind: required ones present, enums from the list, numbers in range. */
export function checkParams(
  spec: ResourceKindSpec,
  params: Record<string, string | number>,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const key of Object.keys(params)) {
    if (!spec.params.some((p) => p.key === key))
      throw resourceErrors.raise('RESOURCE_PARAM_UNKNOWN', { kind: spec.name, param: key });
  }
  for (const p of spec.params) {
    const value = params[p.key];
    if (value === undefined || value === '') {
      if (p.required) throw resourceErrors.raise('RESOURCE_PARAM_MISSING', { param: p.label['zh-CN'] });
      continue;
    }
    const invalid = (hint: string) => resourceErrors.raise('RESOURCE_PARAM_INVALID', { param: p.label['zh-CN'], hint });
    if (p.type === 'number') {
      const n = typeof value === 'number' ? value : Number(value);
      if (!Number.isFinite(n) || (p.min !== undefined && n < p.min) || (p.max !== undefined && n > p.max))
        throw invalid(`（${p.min}–${p.max} ${p.unit ?? ''}）`);
      out[p.key] = n;
    } else if (p.type === 'enum') {
      if (!p.options?.includes(String(value))) throw invalid(`（${p.options?.join('/')}）`);
      out[p.key] = String(value);
    } else {
      const text = String(value).trim();
      if (!text || text.length > 100 || hasControlChars(text)) throw invalid('');
      out[p.key] = text;
    }
  }
  return out;
}

function checkUnit(spec: ResourceKindSpec, unit: string) {
  if (!spec.units.includes(unit as Unit))
    throw resourceErrors.raise('RESOURCE_UNIT_INVALID', { kind: spec.name, units: spec.units.join('、') });
}

function checkRegions(codes: readonly string[]) {
  for (const code of codes) if (!isKnownRegion(code)) throw regionErrors.raise('REGION_UNKNOWN', { code });
}

export function listingSearchDocument(row: repo.ResourceListingRow, orgName: string): SearchDocumentInput {
  const spec = RESOURCE_KINDS.find((k) => k.key === row.kind);
  const paramWords = Object.values(row.params).map(String);
  return {
    kind: 'resource',
    id: row.id,
    orgId: row.orgId,
    orgName,
    title: row.title,
    body: row.description,
    category: spec?.name ?? row.kind,
    keywords: [CATEGORY_NAMES[row.category] ?? '', ...paramWords],
    regionCode: row.regionCode,
    amountFen: row.priceFen,
    unit: row.unit,
    tags: row.tags,
    location: { lat: row.lat, lng: row.lng },
    visibility: 'public',
    publishedAt: row.createdAt,
  };
}

async function merchant(ctx: AppContext, orgId: string) {
  const org = await getOrganisation(ctx, orgId);
  if (!org.businessRoles.some((r) => r === 'SUP' || r === 'SUB')) throw resourceErrors.raise('RESOURCE_MERCHANTS_ONLY');
  return org;
}

export interface NewListing extends CreateInput {
  orgId: string;
  createdBy: string;
}

/** Validates listings and turns them into rows (shared by the API and the demo seeder). */
export function listingRows(inputs: readonly NewListing[], now = new Date()) {
  return inputs.map((input) => {
    const spec = kindSpec(input.kind);
    checkUnit(spec, input.unit);
    checkRegions([input.regionCode, ...input.serviceRegionCodes]);
    const location = input.location ?? regionCentroid(input.regionCode);
    return {
      orgId: input.orgId,
      id: newId(now.getTime()),
      category: spec.category,
      kind: spec.key,
      title: input.title,
      params: checkParams(spec, input.params),
      priceFen: input.priceFen,
      unit: input.unit,
      stock: input.stock,
      serviceRegionCodes: [...new Set(input.serviceRegionCodes)],
      leadTimeDays: input.leadTimeDays,
      regionCode: input.regionCode,
      lat: location.lat,
      lng: location.lng,
      locationDerived: !input.location,
      tags: [...new Set(input.tags)],
      description: input.description,
      status: 'active',
      createdBy: input.createdBy,
      createdAt: now,
      updatedAt: now,
    };
  });
}

/** 发布资源 lists a resource; the listing and its search document are written together. */
export async function createListing(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: CreateInput,
): Promise<ResourceListing> {
  const org = await merchant(ctx, orgId);
  await assertCompliantFields(ctx, { title: input.title, description: input.description, tags: input.tags });
  const [prepared] = listingRows([{ ...input, orgId, createdBy: actor.userId }]);
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await repo.insertListings(tx, [prepared as NonNullable<typeof prepared>]);
    const listing = created as repo.ResourceListingRow;
    await indexDocuments(ctx, [listingSearchDocument(listing, org.name)], tx);
    await recordProductEvent(
      ctx,
      { name: 'resource.listed', userId: actor.userId, orgId, properties: { listingId: listing.id, kind: input.kind } },
      tx,
    );
    return listing;
  });
  return presentListing(row, org.name, true);
}

export async function updateListing(
  ctx: AppContext,
  orgId: string,
  listingId: string,
  input: UpdateInput,
): Promise<ResourceListing> {
  const existing = await repo.findListing(ctx.db, listingId);
  if (!existing || existing.orgId !== orgId) throw resourceErrors.raise('RESOURCE_LISTING_NOT_FOUND');
  await merchant(ctx, orgId);
  const spec = kindSpec(existing.kind);
  if (input.unit) checkUnit(spec, input.unit);
  if (input.serviceRegionCodes) checkRegions(input.serviceRegionCodes);
  const params = input.params ? checkParams(spec, input.params) : undefined;
  await assertCompliantFields(ctx, { title: input.title, description: input.description, tags: input.tags });
  const org = await getOrganisation(ctx, orgId);
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await repo.updateListing(tx, orgId, listingId, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(params ? { params } : {}),
      ...(input.priceFen !== undefined ? { priceFen: input.priceFen } : {}),
      ...(input.unit !== undefined ? { unit: input.unit } : {}),
      ...(input.stock !== undefined ? { stock: input.stock } : {}),
      ...(input.serviceRegionCodes ? { serviceRegionCodes: [...new Set(input.serviceRegionCodes)] } : {}),
      ...(input.leadTimeDays !== undefined ? { leadTimeDays: input.leadTimeDays } : {}),
      ...(input.tags ? { tags: [...new Set(input.tags)] } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.status ? { status: input.status } : {}),
    });
    if (updated.status === 'active') await indexDocuments(ctx, [listingSearchDocument(updated, org.name)], tx);
    else await removeDocument(ctx, 'resource', listingId, tx);
    return updated;
  });
  return presentListing(row, org.name, true);
}

function visible(row: repo.ResourceListingRow | undefined, orgIds: readonly string[]) {
  return row && (row.status === 'active' || orgIds.includes(row.orgId));
}

export async function getListing(
  ctx: AppContext,
  orgIds: readonly string[],
  listingId: string,
): Promise<ResourceListing> {
  const row = await repo.findListing(ctx.db, listingId);
  if (!row || !visible(row, orgIds)) throw resourceErrors.raise('RESOURCE_LISTING_NOT_FOUND');
  const org = await getOrganisation(ctx, row.orgId);
  return presentListing(row, org.name, orgIds.includes(row.orgId));
}

export async function listOrgListings(ctx: AppContext, orgId: string): Promise<ResourceListing[]> {
  const org = await getOrganisation(ctx, orgId);
  return (await repo.listOrgListings(ctx.db, orgId, 200)).map((row) => presentListing(row, org.name, true));
}

export async function compare(
  ctx: AppContext,
  orgIds: readonly string[],
  ids: readonly string[],
  site: { lat: number; lng: number } | null,
  siteRegion: string | null,
) {
  const rows = await repo.findListings(ctx.db, ids);
  const byId = new Map(rows.filter((r) => visible(r, orgIds)).map((r) => [r.id, r]));
  if (ids.some((id) => !byId.has(id))) throw resourceErrors.raise('RESOURCE_COMPARE_MISSING');
  const names = new Map<string, string>();
  for (const orgId of new Set(rows.map((r) => r.orgId))) names.set(orgId, (await getOrganisation(ctx, orgId)).name);
  const listings = ids.map((id) => {
    const row = byId.get(id) as repo.ResourceListingRow;
    return presentListing(row, names.get(row.orgId) ?? '', orgIds.includes(row.orgId));
  });
  // 信用等级: the credit module (CREDIT-2) does not exist yet, so no grade is known.
  return compareListings(
    listings.map((listing) => ({ listing, creditGrade: null })),
    site,
    siteRegion,
  );
}

/** Listings in bulk (demo data, imports): rows and search documents in one transaction per batch. */
export async function createListingsDirect(
  ctx: AppContext,
  inputs: readonly (NewListing & { orgName: string; createdAt: Date })[],
): Promise<void> {
  for (let i = 0; i < inputs.length; i += 500) {
    const batch = inputs.slice(i, i + 500);
    const prepared = batch.map(
      (input) => listingRows([input], input.createdAt)[0] as ReturnType<typeof listingRows>[0],
    );
    await ctx.db.transaction(async (tx) => {
      const rows = await repo.insertListings(tx, prepared);
      const names = new Map(batch.map((b) => [b.orgId, b.orgName]));
      await indexDocuments(
        ctx,
        rows.map((r) => listingSearchDocument(r, names.get(r.orgId) ?? '')),
        tx,
      );
    });
  }
}

/** One organisation's active listings of a kind that serve a region, as matching sees them. */
export interface ListingOffer {
  orgId: string;
  listings: number;
  minPriceFen: number;
  lat: number;
  lng: number;
}

/**
 * 供应方 who offers a kind in a region: active listings whose service regions include the region, its city or
 * its province (GB/T 2260 codes), one entry per organisation (its nearest listing's place kept by the caller).
 */
export async function listingOffers(
  ctx: AppContext,
  query: { kind: string; regionCode: string; limit: number },
): Promise<ListingOffer[]> {
  const code = query.regionCode;
  const served = [...new Set([code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`])];
  const rows = await repo.offersOf(ctx.db, query.kind, served, query.limit * 4);
  const byOrg = new Map<string, ListingOffer>();
  for (const r of rows) {
    const seen = byOrg.get(r.orgId);
    if (seen) {
      seen.listings += 1;
      seen.minPriceFen = Math.min(seen.minPriceFen, r.priceFen);
    } else byOrg.set(r.orgId, { orgId: r.orgId, listings: 1, minPriceFen: r.priceFen, lat: r.lat, lng: r.lng });
  }
  return [...byOrg.values()].slice(0, query.limit);
}

export type OfferListing = Awaited<ReturnType<typeof repo.offerListingsOf>>[number];

/** 采购报价 active listings of the kinds that serve a region (the region, its city or its province), listing by
 * listing, for the procurement optimiser. */
export async function offerListings(
  ctx: AppContext,
  query: { kinds: string[]; regionCode: string; limit: number },
): Promise<OfferListing[]> {
  if (query.kinds.length === 0) return [];
  const code = query.regionCode;
  const served = [...new Set([code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`])];
  return repo.offerListingsOf(ctx.db, query.kinds, served, query.limit);
}
