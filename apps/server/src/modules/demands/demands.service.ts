import type { CreateDemandBody, Demand, DemandDraft, DemandReview, OrgDemandListQuery } from '@zhuhe/contracts';
import type { z } from 'zod';
import { addWorkingDays, shanghaiDate, workingDaysBetween } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import { detectFileType } from '../../infra/files/blob-store';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { queueMail } from '../../infra/mail/outbox';
import type { OcrOptions } from '../../infra/ocr/tesseract';
import { recordProductEvent } from '../analytics';
import { assertCompliantFields } from '../compliance';
import { getFile, presentFile, type StoredFileRow, storeFile } from '../files';
import { getUser } from '../identity';
import { getOrganisation } from '../organisation';
import { isKnownRegion, regionCentroid, regionErrors } from '../regions';
import { indexDocuments, removeDocument, type SearchDocumentInput } from '../search';
import { fieldConfidence } from './demands.confidence';
import { demandErrors } from './demands.errors';
import { extractTenderText, type TenderFileKind } from './demands.extract';
import { presentDemand } from './demands.presenter';
import * as repo from './demands.repository';
import { parseTender } from './demands.tender-parser';

export type { DemandRow } from './demands.repository';

type CreateInput = z.output<typeof CreateDemandBody>;

/** 审核时限 staff review each demand within 2 working days (INFO-3). */
export const REVIEW_WORKING_DAYS = 2;

export interface Viewer {
  userId: string;
  orgIds: readonly string[];
}

/** The reading of a tender file the import uses — text or OCR, the fields found and their confidence. */
export async function readTenderFile(bytes: Buffer, kind: TenderFileKind, ocr: OcrOptions) {
  const extracted = await extractTenderText(bytes, kind, ocr);
  const parsed = parseTender(extracted.text);
  return { extracted, parsed, confidence: fieldConfidence(parsed, extracted.ocr) };
}

/**
 * 一键导入招标文件: reads the text of a PDF or DOCX tender file — or recognises it by OCR when it is a scan (a PDF
 * without text, a PNG or JPEG photo; ADR 0125) — and pre-fills what it finds, each field with its confidence for the
 * user to confirm. The file is stored (as the demand's source document) only after its text was read, so a damaged
 * file leaves nothing behind.
 */
export async function importTender(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  file: { name: string; bytes: Buffer },
): Promise<DemandDraft> {
  const detected = file.bytes.length > 0 ? await detectFileType(file.bytes) : null;
  const kind =
    detected?.kind === 'pdf' || detected?.kind === 'docx'
      ? detected.kind
      : detected?.mime === 'image/png' || detected?.mime === 'image/jpeg'
        ? 'image'
        : null;
  if (!kind) {
    if (file.bytes.subarray(0, 5).toString('latin1') === '%PDF-') throw demandErrors.raise('DEMAND_IMPORT_UNREADABLE');
    throw demandErrors.raise('DEMAND_IMPORT_TYPE');
  }
  const { extracted, parsed, confidence } = await readTenderFile(file.bytes, kind, ctx.config.ocr);
  const stored = await storeFile(ctx, {
    orgId,
    userId: actor.userId,
    name: file.name,
    bytes: file.bytes,
    accept: [kind],
  });
  return {
    sourceFile: presentFile(stored),
    fields: parsed.fields,
    found: parsed.found,
    textPreview: extracted.text.slice(0, 600),
    pages: extracted.pages,
    source: extracted.source,
    confidence,
    ocr: extracted.ocr
      ? {
          meanConfidence: extracted.ocr.meanConfidence,
          pagesRead: extracted.ocr.pagesRead,
          engine: 'tesseract chi_sim',
        }
      : null,
  };
}

async function attachment(ctx: AppContext, orgId: string, id: string, what: string, documentsOnly: boolean) {
  let file: StoredFileRow;
  try {
    file = await getFile(ctx, orgId, id);
  } catch {
    throw demandErrors.raise('DEMAND_ATTACHMENT_MISSING', { what });
  }
  if (documentsOnly && file.kind !== 'pdf' && file.kind !== 'image')
    throw demandErrors.raise('DEMAND_ATTACHMENT_NOT_PDF', { what });
  return file;
}

export function demandSearchDocument(row: repo.DemandRow, orgName: string): SearchDocumentInput {
  return {
    kind: 'demand',
    id: row.id,
    orgId: row.orgId,
    orgName,
    title: row.title,
    body: [row.description, row.projectName, ...row.items.map((i) => `${i.name} ${i.spec}`), row.siteAddress].join(' '),
    category: row.category,
    keywords: [row.type === 'subcontract' ? '分包' : '采购', row.projectName, row.qualificationKind],
    regionCode: row.regionCode,
    amountFen: row.budgetFen,
    tags: row.tags,
    qualifications: row.qualificationKind ? [row.qualificationKind] : [],
    location: { lat: row.lat, lng: row.lng },
    visibility: 'public',
    publishedAt: row.publishedAt ?? row.createdAt,
  };
}

export interface NewDemand extends CreateInput {
  orgId: string;
  createdBy: string;
}

export function demandRow(input: NewDemand, now: Date) {
  if (!isKnownRegion(input.regionCode)) throw regionErrors.raise('REGION_UNKNOWN', { code: input.regionCode });
  const location = input.location ?? regionCentroid(input.regionCode);
  return {
    orgId: input.orgId,
    id: newId(now.getTime()),
    type: input.type,
    title: input.title,
    projectName: input.projectName,
    category: input.category,
    items: input.items.map((i) => ({ name: i.name, spec: i.spec, unit: i.unit, quantity: i.quantity })),
    budgetFen: input.budgetFen,
    qualificationKind: input.qualificationKind,
    qualificationGrade: input.qualificationGrade,
    regionCode: input.regionCode,
    siteAddress: input.siteAddress,
    lat: location.lat,
    lng: location.lng,
    locationDerived: !input.location,
    deadline: input.deadline,
    description: input.description,
    tags: [...new Set(input.tags)],
    status: 'pending_review',
    feasibilityFileId: input.feasibilityFileId,
    fundsProofFileId: input.fundsProofFileId,
    sourceFileId: input.sourceFileId ?? null,
    createdBy: input.createdBy,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * 发布需求 submits a demand for review: with its 可行性报告 and 资金证明, and a review due in 2 working days.
 * The demand, its review and the product event are written in one transaction.
 */
export async function createDemand(
  ctx: AppContext,
  actor: Pick<Actor, 'userId'>,
  orgId: string,
  input: CreateInput,
): Promise<Demand> {
  const now = new Date();
  if (input.deadline < shanghaiDate(now)) throw demandErrors.raise('DEMAND_DEADLINE_PAST');
  await assertCompliantFields(ctx, {
    title: input.title,
    projectName: input.projectName,
    description: input.description,
    tags: input.tags,
    ...Object.fromEntries(
      input.items.flatMap((item, i) => [
        [`items.${i}.name`, item.name],
        [`items.${i}.spec`, item.spec],
      ]),
    ),
  });
  const org = await getOrganisation(ctx, orgId);
  await attachment(ctx, orgId, input.feasibilityFileId, '可行性报告', true);
  await attachment(ctx, orgId, input.fundsProofFileId, '资金证明', true);
  if (input.sourceFileId) await attachment(ctx, orgId, input.sourceFileId, '招标文件', false);
  const prepared = demandRow({ ...input, orgId, createdBy: actor.userId }, now);
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await repo.insertDemands(tx, [prepared]);
    await repo.insertReviews(tx, [
      {
        orgId,
        id: newId(),
        demandId: prepared.id,
        submittedAt: now,
        dueAt: addWorkingDays(now, REVIEW_WORKING_DAYS),
      },
    ]);
    await recordProductEvent(
      ctx,
      { name: 'demand.submitted', userId: actor.userId, orgId, properties: { demandId: prepared.id } },
      tx,
    );
    return created as repo.DemandRow;
  });
  return present(ctx, row, { userId: actor.userId, orgIds: [orgId] }, org.name);
}

async function present(
  ctx: AppContext,
  row: repo.DemandRow,
  viewer: Viewer | 'staff',
  orgName?: string,
): Promise<Demand> {
  const mine = viewer !== 'staff' && viewer.orgIds.includes(row.orgId);
  const privileged = viewer === 'staff' || mine;
  const file = async (id: string | null) => {
    const stored = id ? await getFile(ctx, row.orgId, id).catch(() => null) : null;
    return stored ? presentFile(stored) : null;
  };
  return presentDemand(row, {
    orgName: orgName ?? (await getOrganisation(ctx, row.orgId)).name,
    mine,
    privileged: privileged
      ? {
          feasibility: await file(row.feasibilityFileId),
          fundsProof: await file(row.fundsProofFileId),
          source: await file(row.sourceFileId),
          review: await repo.latestReview(ctx.db, row.id),
        }
      : null,
  });
}

export async function getDemand(ctx: AppContext, viewer: Viewer, demandId: string): Promise<Demand> {
  const row = await repo.findDemand(ctx.db, demandId);
  const visible = row && (row.status === 'published' || viewer.orgIds.includes(row.orgId));
  if (!row || !visible) throw demandErrors.raise('DEMAND_NOT_FOUND');
  return present(ctx, row, viewer);
}

/** 本单位需求 one page of the organisation's own demands; `nextCursor` continues after the last one. */
export async function listOrgDemands(
  ctx: AppContext,
  viewer: Viewer,
  orgId: string,
  page: OrgDemandListQuery,
): Promise<{ items: Demand[]; nextCursor: string | null }> {
  const org = await getOrganisation(ctx, orgId);
  const rows = await repo.listOrgDemands(ctx.db, orgId, { ...page, limit: page.limit + 1 });
  const shown = rows.slice(0, page.limit);
  const items: Demand[] = [];
  for (const row of shown) items.push(await present(ctx, row, viewer, org.name));
  return { items, nextCursor: rows.length > page.limit ? (shown[shown.length - 1]?.id ?? null) : null };
}

/** 关闭需求 the owner closes a published demand: it leaves the search. */
export async function closeDemand(ctx: AppContext, viewer: Viewer, orgId: string, demandId: string): Promise<Demand> {
  const row = await repo.findDemand(ctx.db, demandId);
  if (!row || row.orgId !== orgId) throw demandErrors.raise('DEMAND_NOT_FOUND');
  if (row.status !== 'published') throw demandErrors.raise('DEMAND_NOT_EDITABLE');
  const updated = await ctx.db.transaction(async (tx) => {
    const closed = await repo.updateDemand(tx, orgId, demandId, { status: 'closed' });
    await removeDocument(ctx, 'demand', demandId, tx);
    return closed;
  });
  return present(ctx, updated, viewer);
}

function sla(review: repo.DemandReviewRow, now: Date) {
  const end = review.decidedAt ?? now;
  const left = end <= review.dueAt ? workingDaysBetween(end, review.dueAt) : -workingDaysBetween(review.dueAt, end);
  return { workingDaysLeft: Math.round(left * 100) / 100, overdue: end > review.dueAt };
}

async function presentReview(ctx: AppContext, review: repo.DemandReviewRow, demand: repo.DemandRow, now: Date) {
  return {
    id: review.id,
    demand: await present(ctx, demand, 'staff'),
    submittedAt: review.submittedAt.toISOString(),
    dueAt: review.dueAt.toISOString(),
    ...sla(review, now),
    decidedAt: review.decidedAt?.toISOString() ?? null,
    decision: (review.decision as 'approved' | 'rejected' | null) ?? null,
  } satisfies DemandReview;
}

/** 审核队列 the staff's queue: pending reviews, the one due first on top, with their SLA in working days. */
export async function reviewQueue(ctx: AppContext, state: 'pending' | 'decided'): Promise<DemandReview[]> {
  const now = new Date();
  const rows = await repo.listReviews(ctx.db, state, 200);
  const out: DemandReview[] = [];
  for (const { review, demand } of rows) out.push(await presentReview(ctx, review, demand, now));
  return out;
}

async function reviewWithDemand(ctx: AppContext, reviewId: string) {
  const review = await repo.findReview(ctx.db, reviewId);
  const demand = review ? await repo.findDemand(ctx.db, review.demandId) : undefined;
  if (!review || !demand) throw demandErrors.raise('DEMAND_REVIEW_NOT_FOUND');
  return { review, demand };
}

export async function getReview(ctx: AppContext, reviewId: string): Promise<DemandReview> {
  const { review, demand } = await reviewWithDemand(ctx, reviewId);
  return presentReview(ctx, review, demand, new Date());
}

/** An attachment of the demand under review, for the reviewer to open. */
export async function reviewFile(ctx: AppContext, reviewId: string, fileId: string): Promise<StoredFileRow> {
  const { demand } = await reviewWithDemand(ctx, reviewId);
  const attached = [demand.feasibilityFileId, demand.fundsProofFileId, demand.sourceFileId];
  if (!attached.includes(fileId)) throw demandErrors.raise('DEMAND_REVIEW_NOT_FOUND');
  return getFile(ctx, demand.orgId, fileId);
}

/** The stored demand, for modules that work on it (matching); undefined when absent. */
export async function findDemandRow(ctx: AppContext, demandId: string): Promise<repo.DemandRow | undefined> {
  return repo.findDemand(ctx.db, demandId);
}

/**
 * 审核决定: approval publishes the demand and puts it into the search in the same transaction; rejection sends
 * it back with the reason. The owner is told by e-mail (outbox). A review is decided once.
 */
export async function decideReview(
  ctx: AppContext,
  reviewerId: string,
  reviewId: string,
  decision: 'approved' | 'rejected',
  reason: string,
): Promise<DemandReview> {
  const { review, demand } = await reviewWithDemand(ctx, reviewId);
  if (review.decidedAt) throw demandErrors.raise('DEMAND_REVIEW_DECIDED');
  const org = await getOrganisation(ctx, demand.orgId);
  const owner = await getUser(ctx, demand.createdBy);
  const now = new Date();
  const result = await ctx.db.transaction(async (t) => {
    const decided = await repo.decideReview(t, reviewId, {
      decision,
      reason: reason || null,
      reviewerId,
      decidedAt: now,
    });
    if (!decided) throw demandErrors.raise('DEMAND_REVIEW_DECIDED');
    const updated = await repo.updateDemand(t, demand.orgId, demand.id, {
      status: decision === 'approved' ? 'published' : 'rejected',
      ...(decision === 'approved' ? { publishedAt: now } : {}),
    });
    if (decision === 'approved') {
      await indexDocuments(ctx, [demandSearchDocument(updated, org.name)], t);
      await ctx.events.publish(t, 'demand.published', { demandId: updated.id, orgId: updated.orgId }, now);
    }
    await recordProductEvent(
      ctx,
      {
        name: decision === 'approved' ? 'demand.published' : 'demand.rejected',
        userId: reviewerId,
        orgId: demand.orgId,
        properties: { demandId: demand.id, withinSla: now <= review.dueAt },
      },
      t,
    );
    if (owner?.email) {
      await queueMail(
        ctx.jobs,
        {
          to: owner.email,
          subject: decision === 'approved' ? `需求已发布：${demand.title}` : `需求未通过审核：${demand.title}`,
          text:
            decision === 'approved'
              ? `您提交的需求「${demand.title}」已通过平台审核并发布。`
              : `您提交的需求「${demand.title}」未通过平台审核。原因：${reason}\n请修改后重新提交。`,
        },
        { tx: t, dedupeKey: `demand-review-${reviewId}` },
      );
    }
    return { decided, updated };
  });
  return presentReview(ctx, result.decided, result.updated, now);
}

/**
 * Demands in bulk (demo data): each with its review; `approvedAt` set → already approved then and published,
 * otherwise waiting in the review queue.
 */
export async function createDemandsDirect(
  ctx: AppContext,
  inputs: readonly (NewDemand & {
    orgName: string;
    createdAt: Date;
    approvedAt: Date | null;
    reviewerId: string | null;
  })[],
): Promise<void> {
  for (let i = 0; i < inputs.length; i += 500) {
    const batch = inputs.slice(i, i + 500);
    await ctx.db.transaction(async (tx) => {
      const prepared = batch.map((input) => ({
        ...demandRow(input, input.createdAt),
        status: input.approvedAt ? 'published' : 'pending_review',
        publishedAt: input.approvedAt,
      }));
      const rows = await repo.insertDemands(tx, prepared);
      await repo.insertReviews(
        tx,
        batch.map((input, n) => ({
          orgId: input.orgId,
          id: newId(input.createdAt.getTime()),
          demandId: (prepared[n] as { id: string }).id,
          submittedAt: input.createdAt,
          dueAt: addWorkingDays(input.createdAt, REVIEW_WORKING_DAYS),
          ...(input.approvedAt
            ? { decidedAt: input.approvedAt, decision: 'approved', reviewerId: input.reviewerId }
            : {}),
        })),
      );
      const names = new Map(batch.map((b) => [b.orgId, b.orgName]));
      await indexDocuments(
        ctx,
        rows.filter((r) => r.status === 'published').map((r) => demandSearchDocument(r, names.get(r.orgId) ?? '')),
        tx,
      );
    });
  }
}

/** 审核时钟 each review since `since`: submitted, due (2 working days) and decided, for the promises board. */
export async function reviewClocks(ctx: AppContext, since: Date) {
  return repo.reviewClocksSince(ctx.db, since);
}

/** When each demand published since `since` went live: the start of the push promise (10 minutes). */
export async function publicationTimes(ctx: AppContext, since: Date) {
  return (await repo.publishedSince(ctx.db, since)).flatMap((d) =>
    d.publishedAt ? [{ id: d.id, title: d.title, publishedAt: d.publishedAt }] : [],
  );
}
