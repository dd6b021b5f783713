import {
  type CreatePolicyBody,
  type CreatePolicySubscriptionBody,
  POLICY_CATEGORY_NAMES,
  type PolicyCategory,
  type PolicyDetail,
  type PolicySearchQuery,
  type PolicySearchResult,
  type PolicySubscription,
  type PolicySummary,
  type PolicyVersion,
  type UpdatePolicyBody,
} from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { getFile, type StoredFileRow, storeFile } from '../files';
import { getUsers } from '../identity';
import { notify } from '../notifications';
import { isKnownRegion, regionPath, regionPrefix } from '../regions';
import { policyErrors } from './policies.errors';
import { type IndexedPolicy, keywordMatches, policyIndex, policyQuery } from './policies.index';
import {
  policyRegionName,
  presentDetail,
  presentSubscription,
  presentSummary,
  presentVersion,
} from './policies.presenter';
import * as repo from './policies.repository';

/** The owner the files module keeps the policies' PDFs under: the platform, not an organisation. */
export const POLICY_FILES_OWNER = '00000000-0000-7000-8000-00000000d001';
const MAX_SUBSCRIPTIONS = 20;

/** The content of a version, validated by the contract (fields, dates in order) before it gets here. */
type Content = CreatePolicyBody;

function normalise(body: Content) {
  return {
    title: body.title,
    issuer: body.issuer,
    docNumber: body.docNumber ?? '',
    issueDate: body.issueDate,
    effectiveDate: body.effectiveDate,
    expiryDate: body.expiryDate ?? null,
    regionCode: body.regionCode ?? null,
    category: body.category,
    tags: [...new Set(body.tags ?? [])],
    fullText: body.fullText,
    pdfFileId: body.pdfFileId ?? null,
    keyPoints: body.keyPoints,
    impact: body.impact,
    affected: body.affected,
  };
}

/** What the contract cannot check: the region exists, the PDF was uploaded. Nothing is written before this. */
async function checkReferences(ctx: AppContext, content: ReturnType<typeof normalise>) {
  if (content.regionCode !== null && !isKnownRegion(content.regionCode))
    throw policyErrors.raise('POLICY_REGION_UNKNOWN', { code: content.regionCode });
  if (content.pdfFileId) {
    try {
      await getFile(ctx, POLICY_FILES_OWNER, content.pdfFileId);
    } catch {
      throw policyErrors.raise('POLICY_PDF_UNKNOWN');
    }
  }
}

const firstLine = (text: string) =>
  (text.split('\n').find((l) => l.trim()) ?? '').replace(/^[\s\d.、·•\-）)]+/u, '').slice(0, 200);

function denormalised(content: ReturnType<typeof normalise>) {
  const { fullText: _f, pdfFileId: _p, keyPoints, impact: _i, affected: _a, ...fields } = content;
  return { ...fields, summary: firstLine(keyPoints), ...policyIndex(content) };
}

/** 新建 a draft, version 1. */
export async function createPolicy(ctx: AppContext, actor: Actor, body: CreatePolicyBody): Promise<string> {
  const content = normalise(body);
  await checkReferences(ctx, content);
  const id = newId();
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    await repo.insertPolicy(tx, {
      id,
      status: 'draft',
      versionNo: 1,
      revision: 1,
      ...denormalised(content),
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
      publishedAt: null,
      withdrawnAt: null,
      withdrawnBy: null,
      withdrawReason: null,
    });
    await repo.insertVersion(tx, {
      policyId: id,
      versionNo: 1,
      ...content,
      changeNote: '',
      editedBy: actor.userId,
      editedAt: now,
    });
  });
  return id;
}

/**
 * 修订 every save is a new version (earlier ones are kept, the database refuses to change them). The edit names
 * the revision it was made on: if someone saved, published or withdrew in between, it is refused (POLICY_STALE).
 * A published policy stays published with the new version in force (`policies.revised`).
 */
export async function updatePolicy(
  ctx: AppContext,
  actor: Actor,
  policyId: string,
  body: UpdatePolicyBody,
): Promise<void> {
  const content = normalise(body);
  const existing = await repo.findPolicy(ctx.db, policyId);
  if (!existing) throw policyErrors.raise('POLICY_NOT_FOUND');
  if (existing.status === 'withdrawn') throw policyErrors.raise('POLICY_WITHDRAWN');
  await checkReferences(ctx, content);
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    const row = await repo.findPolicy(tx, policyId, true);
    if (!row) throw policyErrors.raise('POLICY_NOT_FOUND');
    if (row.status === 'withdrawn') throw policyErrors.raise('POLICY_WITHDRAWN');
    const stale = () => policyErrors.raise('POLICY_STALE', { revision: row.revision, versionNo: row.versionNo });
    if (row.revision !== body.revision) throw stale();
    const versionNo = row.versionNo + 1;
    if (
      !(await repo.updatePolicyAt(tx, policyId, body.revision, { ...denormalised(content), versionNo, updatedAt: now }))
    )
      throw stale();
    await repo.insertVersion(tx, {
      policyId,
      versionNo,
      ...content,
      changeNote: body.changeNote ?? '',
      editedBy: actor.userId,
      editedAt: now,
    });
    if (row.status === 'published')
      await ctx.events.publish(tx, 'policies.revised', { policyId, versionNo, revisedAt: now.toISOString() }, now);
  });
}

/** 发布 a draft becomes readable and searchable by every member; subscribers are notified (`policies.published`). */
export async function publishPolicy(ctx: AppContext, _actor: Actor, policyId: string): Promise<void> {
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    const row = await repo.findPolicy(tx, policyId, true);
    if (!row) throw policyErrors.raise('POLICY_NOT_FOUND');
    if (row.status !== 'draft') throw policyErrors.raise('POLICY_NOT_DRAFT');
    await repo.updatePolicyAt(tx, policyId, row.revision, { status: 'published', publishedAt: now, updatedAt: now });
    await ctx.events.publish(
      tx,
      'policies.published',
      {
        policyId,
        title: row.title,
        issuer: row.issuer,
        regionCode: row.regionCode,
        category: row.category,
        publishedAt: now.toISOString(),
      },
      now,
    );
  });
}

/** 废止 a published policy is withdrawn with a reason; it stays readable, marked withdrawn. */
export async function withdrawPolicy(ctx: AppContext, actor: Actor, policyId: string, reason: string): Promise<void> {
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    const row = await repo.findPolicy(tx, policyId, true);
    if (!row) throw policyErrors.raise('POLICY_NOT_FOUND');
    if (row.status === 'withdrawn') throw policyErrors.raise('POLICY_WITHDRAWN');
    if (row.status !== 'published') throw policyErrors.raise('POLICY_NOT_PUBLISHED');
    await repo.updatePolicyAt(tx, policyId, row.revision, {
      status: 'withdrawn',
      withdrawnAt: now,
      withdrawnBy: actor.userId,
      withdrawReason: reason,
      updatedAt: now,
    });
    await ctx.events.publish(tx, 'policies.withdrawn', { policyId, reason, withdrawnAt: now.toISOString() }, now);
  });
}

/** 上传 PDF the official text, kept by the files module under the platform. */
export async function uploadPolicyFile(ctx: AppContext, actor: Actor, name: string, bytes: Buffer) {
  const row = await storeFile(ctx, { orgId: POLICY_FILES_OWNER, userId: actor.userId, name, bytes, accept: ['pdf'] });
  return { id: row.id, name: row.name, size: row.size };
}

const VISIBLE = ['published', 'withdrawn'] as const;

async function visiblePolicy(ctx: AppContext, policyId: string, staff: boolean): Promise<repo.PolicyRow> {
  const row = await repo.findPolicy(ctx.db, policyId);
  if (!row || (!staff && row.status === 'draft')) throw policyErrors.raise('POLICY_NOT_FOUND');
  return row;
}

async function namesOf(ctx: AppContext, ids: (string | null)[]): Promise<Map<string, string>> {
  const users = await getUsers(
    ctx,
    ids.filter((id): id is string => !!id),
  );
  return new Map(users.map((u) => [u.id, u.displayName]));
}

async function pdfOf(ctx: AppContext, fileId: string | null) {
  if (!fileId) return null;
  try {
    const file = await getFile(ctx, POLICY_FILES_OWNER, fileId);
    return { id: file.id, name: file.name, size: file.size };
  } catch {
    return null;
  }
}

/** 政策详情 the version in force with its interpretation and the list of versions; drafts for staff only. */
export async function policyDetail(ctx: AppContext, policyId: string, staff = false): Promise<PolicyDetail> {
  const row = await visiblePolicy(ctx, policyId, staff);
  const [current, versions] = await Promise.all([
    repo.findVersion(ctx.db, policyId, row.versionNo),
    repo.versionsOf(ctx.db, policyId),
  ]);
  if (!current) throw policyErrors.raise('POLICY_NOT_FOUND');
  const names = await namesOf(ctx, [...versions.map((v) => v.editedBy), row.withdrawnBy]);
  return presentDetail(row, presentVersion(current, names, await pdfOf(ctx, current.pdfFileId)), versions, names);
}

/** One earlier (or the current) version, as it was saved. */
export async function policyVersion(
  ctx: AppContext,
  policyId: string,
  versionNo: number,
  staff = false,
): Promise<PolicyVersion> {
  await visiblePolicy(ctx, policyId, staff);
  const version = await repo.findVersion(ctx.db, policyId, versionNo);
  if (!version) throw policyErrors.raise('POLICY_VERSION_NOT_FOUND');
  return presentVersion(version, await namesOf(ctx, [version.editedBy]), await pdfOf(ctx, version.pdfFileId));
}

/** The PDF of the version in force (or of the version asked for). */
export async function policyPdf(ctx: AppContext, policyId: string, versionNo?: number): Promise<StoredFileRow> {
  const row = await visiblePolicy(ctx, policyId, false);
  const version = await repo.findVersion(ctx.db, policyId, versionNo ?? row.versionNo);
  if (!version?.pdfFileId) throw policyErrors.raise('POLICY_FILE_NOT_FOUND');
  return getFile(ctx, POLICY_FILES_OWNER, version.pdfFileId);
}

/** 政策检索 the platform's Chinese search over the policies' own index, with filters and an exact count. */
export async function searchPolicies(ctx: AppContext, query: PolicySearchQuery): Promise<PolicySearchResult> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 10;
  let regionCodes: string[] | null = null;
  let prefix: string | null = null;
  let includeNational = false;
  if (query.region === 'national') includeNational = true;
  else if (query.region) {
    if (!isKnownRegion(query.region)) throw policyErrors.raise('POLICY_REGION_UNKNOWN', { code: query.region });
    // 适用于该地区: nationwide policies, those of the regions that contain it, and those inside it.
    includeNational = true;
    regionCodes = regionPath(query.region).map((r) => r.code);
    prefix = regionPrefix(query.region);
  }
  const { rows, total } = await repo.searchPolicies(
    ctx.db,
    {
      statuses: query.status ? [query.status] : VISIBLE,
      ...policyQuery(query.q),
      regionCodes,
      regionPrefix: prefix,
      includeNational,
      category: query.category ?? null,
      issuer: query.issuer?.trim() || null,
      from: query.from ?? null,
      to: query.to ?? null,
    },
    { offset: (page - 1) * pageSize, limit: pageSize },
  );
  return { items: rows.map(presentSummary), total, page, pageSize };
}

/** 编辑台 every policy, drafts too, most recently changed first. */
export async function staffPolicies(ctx: AppContext): Promise<{ items: PolicySummary[] }> {
  return { items: (await repo.listForStaff(ctx.db)).map(presentSummary) };
}

export async function mySubscriptions(ctx: AppContext, actor: Actor): Promise<{ items: PolicySubscription[] }> {
  return { items: (await repo.subscriptionsOf(ctx.db, actor.userId)).map(presentSubscription) };
}

export async function subscribe(
  ctx: AppContext,
  actor: Actor,
  body: CreatePolicySubscriptionBody,
): Promise<PolicySubscription> {
  const regionCode = body.regionCode ?? null;
  if (regionCode !== null && !isKnownRegion(regionCode))
    throw policyErrors.raise('POLICY_REGION_UNKNOWN', { code: regionCode });
  const existing = await repo.subscriptionsOf(ctx.db, actor.userId);
  if (existing.length >= MAX_SUBSCRIPTIONS)
    throw policyErrors.raise('POLICY_SUBSCRIPTION_LIMIT', { max: MAX_SUBSCRIPTIONS });
  const row = {
    id: newId(),
    userId: actor.userId,
    regionCode,
    category: body.category ?? null,
    keyword: body.keyword?.trim() || null,
    createdAt: new Date(),
  };
  await repo.insertSubscription(ctx.db, row);
  return presentSubscription(row);
}

export async function unsubscribe(ctx: AppContext, actor: Actor, subscriptionId: string): Promise<void> {
  if (!(await repo.deleteSubscription(ctx.db, actor.userId, subscriptionId)))
    throw policyErrors.raise('POLICY_SUBSCRIPTION_NOT_FOUND');
}

/** A subscription's region covers the policy's: the same region, one that contains it, or the policy is nationwide. */
function regionCovers(subscriptionRegion: string | null, policyRegion: string | null): boolean {
  if (subscriptionRegion === null || policyRegion === null) return true;
  return policyRegion.startsWith(regionPrefix(subscriptionRegion));
}

/**
 * 订阅提醒 after `policies.published` commits: every subscriber whose region, category and keyword match is told
 * once (in-app and by e-mail), however often the event is delivered.
 */
export async function notifySubscribers(ctx: AppContext, policyId: string): Promise<number> {
  const row = await repo.findPolicy(ctx.db, policyId);
  if (!row?.publishedAt || row.status === 'draft') return 0;
  const version = await repo.findVersion(ctx.db, policyId, row.versionNo);
  if (!version) return 0;
  const indexed: IndexedPolicy = version;
  const matching = (await repo.candidateSubscriptions(ctx.db, row.category, row.publishedAt)).filter(
    (s) => regionCovers(s.regionCode, row.regionCode) && keywordMatches(s.keyword, indexed),
  );
  const category = POLICY_CATEGORY_NAMES[row.category as PolicyCategory]?.['zh-CN'] ?? row.category;
  let told = 0;
  for (const userId of new Set(matching.map((s) => s.userId))) {
    await ctx.db.transaction(async (tx) => {
      if (!(await repo.claimNotice(tx, policyId, userId, new Date()))) return;
      await notify(
        ctx,
        {
          userId,
          kind: 'policies.published',
          title: `新政策：${row.title}`,
          body: `${row.issuer}${row.docNumber ? ` ${row.docNumber}` : ''} · ${policyRegionName(row.regionCode)} · ${category}。${row.summary}`,
          link: `/policies/${policyId}`,
          email: true,
        },
        tx,
      );
      told += 1;
    });
  }
  return told;
}
