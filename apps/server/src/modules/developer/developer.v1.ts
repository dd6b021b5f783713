import {
  CreateDemandBody,
  type Demand,
  type V1CreateDemandBody,
  type V1Demand,
  type V1PageQuery,
  type V1Project,
} from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import type { ApiKeyPrincipal } from '../../infra/http/access';
import { httpErrors } from '../../infra/http/problem';
import { createDemand, listOrgDemands } from '../demands';
import { walletOf } from '../escrow';
import { type ProjectRow, pageOrgProjects } from '../projects';
import { buyerTendersWithBidCounts } from '../tendering';
import { assertPublishesDemands } from './developer.service';

/**
 * The use cases behind `/api/v1`. Each acts for the key's organisation only, through the owning module's public
 * API, and maps the internal shape onto the separate v1 contract field by field — so an internal rename shows
 * up here as a type error instead of reaching a partner.
 */

function v1Project(row: ProjectRow): V1Project {
  return {
    id: row.id,
    name: row.name,
    engineeringType: row.engineeringType,
    investmentFen: row.investmentFen,
    regionCode: row.regionCode,
    status: row.status,
    visibility: row.visibility,
    startDate: row.startDate,
    endDate: row.endDate,
    createdAt: row.createdAt.toISOString(),
  };
}

function v1Demand(d: Demand): V1Demand {
  return {
    id: d.id,
    type: d.type,
    title: d.title,
    projectName: d.projectName,
    category: d.category,
    budgetFen: d.budgetFen,
    regionCode: d.regionCode,
    deadline: d.deadline,
    status: d.status,
    createdAt: d.createdAt,
    publishedAt: d.publishedAt,
  };
}

export async function v1Projects(ctx: AppContext, key: ApiKeyPrincipal, page: V1PageQuery) {
  const { rows, nextCursor } = await pageOrgProjects(ctx, key.orgId, page);
  return { items: rows.map(v1Project), nextCursor };
}

export async function v1Demands(ctx: AppContext, key: ApiKeyPrincipal, page: V1PageQuery) {
  const viewer = { userId: key.createdBy, orgIds: [key.orgId] };
  const result = await listOrgDemands(ctx, viewer, key.orgId, { limit: page.limit, after: page.after });
  return { items: result.items.map(v1Demand), nextCursor: result.nextCursor };
}

/**
 * 发布需求 through the API: the demands module's own rules apply (compliance check, the organisation's own files,
 * deadline), and the demand waits for staff review like one submitted in the web pages. It is recorded as
 * submitted by the admin who created the key.
 */
export async function v1CreateDemand(ctx: AppContext, key: ApiKeyPrincipal, body: V1CreateDemandBody) {
  // checked again on each call: the organisation may have given up the GC role since the key was made
  await assertPublishesDemands(ctx, key.orgId);
  const parsed = CreateDemandBody.safeParse({
    type: body.type,
    title: body.title,
    projectName: body.projectName,
    category: body.category,
    items: body.items,
    budgetFen: body.budgetFen,
    qualificationKind: body.qualificationKind,
    qualificationGrade: body.qualificationGrade,
    regionCode: body.regionCode,
    siteAddress: body.siteAddress,
    deadline: body.deadline,
    description: body.description,
    tags: body.tags,
    feasibilityFileId: body.feasibilityFileId,
    fundsProofFileId: body.fundsProofFileId,
  });
  // The internal rules are stricter in places (plain text without markup); refuse as any invalid request.
  if (!parsed.success) throw httpErrors.raise('VALIDATION_FAILED');
  return v1Demand(await createDemand(ctx, { userId: key.createdBy }, key.orgId, parsed.data));
}

export async function v1Tenders(ctx: AppContext, key: ApiKeyPrincipal) {
  const tenders = await buyerTendersWithBidCounts(ctx, key.orgId);
  return {
    items: tenders.map((t) => ({
      id: t.id,
      title: t.title,
      projectName: t.projectName,
      mode: t.mode,
      status: t.status,
      deadline: t.deadline,
      bidCount: t.bidCount,
    })),
  };
}

/** Balances only: no route of `/api/v1` moves money. */
export async function v1Money(ctx: AppContext, key: ApiKeyPrincipal) {
  const { accounts } = await walletOf(ctx, key.orgId, 1);
  return {
    accounts: accounts.map((a) => ({
      code: a.code,
      kind: a.kind,
      contractId: a.contractId,
      balanceFen: a.balanceFen,
      heldFen: a.heldFen,
      availableFen: a.availableFen,
    })),
  };
}
