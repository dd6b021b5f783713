import {
  type CreateProjectBody,
  ENGINEERING_TYPE_NAMES,
  type EngineeringType,
  type Project,
  type ProjectQuestion,
  type UpdateProjectBody,
} from '@zhuhe/contracts';
import type { z } from 'zod';
import type { AppContext } from '../../infra/context';
import type { DbOrTx } from '../../infra/db/client';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { recordProductEvent } from '../analytics';
import { assertCompliantFields } from '../compliance';
import { getFile, presentFile, type StoredFileRow } from '../files';
import { getOrganisation } from '../organisation';
import { isKnownRegion, regionCentroid, regionErrors } from '../regions';
import { indexDocuments, type SearchDocumentInput } from '../search';
import { projectErrors } from './projects.errors';
import { presentProject, presentQuestion } from './projects.presenter';
import * as repo from './projects.repository';

export type { ProjectRow } from './projects.repository';

type CreateInput = z.output<typeof CreateProjectBody>;
type UpdateInput = z.output<typeof UpdateProjectBody>;

/** Who is looking: the memberships decide what an invited-only project shows. */
export type Viewer = Pick<Actor, 'userId' | 'activeOrgId'> & { orgIds: readonly string[] };

export function viewerOf(actor: Actor): Viewer {
  return { userId: actor.userId, activeOrgId: actor.activeOrgId, orgIds: actor.memberships.map((m) => m.orgId) };
}

function canSee(row: repo.ProjectRow, invited: readonly string[], viewer: Viewer): boolean {
  if (viewer.orgIds.includes(row.orgId)) return true;
  return row.visibility === 'public' || invited.some((id) => viewer.orgIds.includes(id));
}

async function checkFiles(ctx: AppContext, orgId: string, fileIds: readonly string[]): Promise<StoredFileRow[]> {
  const files: StoredFileRow[] = [];
  for (const id of new Set(fileIds)) {
    try {
      files.push(await getFile(ctx, orgId, id));
    } catch {
      throw projectErrors.raise('PROJECT_FILE_NOT_FOUND');
    }
  }
  return files;
}

async function checkInvitees(ctx: AppContext, orgId: string, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)].filter((id) => id !== orgId);
  for (const id of unique) {
    await getOrganisation(ctx, id).catch(() => {
      throw projectErrors.raise('PROJECT_INVITEE_NOT_FOUND');
    });
  }
  return unique;
}

function checkRegion(code: string) {
  if (!isKnownRegion(code)) throw regionErrors.raise('REGION_UNKNOWN', { code });
}

/** The search document of a project: what the project library's search and map find. */
export function projectSearchDocument(
  row: repo.ProjectRow,
  orgName: string,
  invited: readonly string[],
): SearchDocumentInput {
  const typeName = ENGINEERING_TYPE_NAMES[row.engineeringType as EngineeringType] ?? '';
  return {
    kind: 'project',
    id: row.id,
    orgId: row.orgId,
    orgName,
    title: row.name,
    body: `${row.description} ${row.address ?? ''}`.trim(),
    category: typeName,
    keywords: [typeName, `${typeName}工程`],
    regionCode: row.regionCode,
    amountFen: row.investmentFen,
    tags: row.tags,
    location: { lat: row.lat, lng: row.lng },
    visibility: row.visibility as 'public' | 'invited',
    audience: invited,
    publishedAt: row.createdAt,
  };
}

async function present(ctx: AppContext, row: repo.ProjectRow, viewer: Viewer, orgName?: string): Promise<Project> {
  const mine = viewer.orgIds.includes(row.orgId);
  const [name, files, counts, invited] = [
    orgName ?? (await getOrganisation(ctx, row.orgId)).name,
    await Promise.all((await repo.fileIdsOf(ctx.db, row.id)).map((id) => getFile(ctx, row.orgId, id))),
    await repo.questionCounts(ctx.db, [row.id]),
    mine ? await repo.invitedOrgIds(ctx.db, row.id) : null,
  ];
  return presentProject(row, {
    orgName: name,
    files: files.map(presentFile),
    questionCount: counts.get(row.id) ?? 0,
    invitedOrgIds: invited,
    mine,
  });
}

/**
 * 发布项目 publishes a project: the row, its invitations, its tender files and its search document are written
 * in one transaction, so a failure leaves nothing behind.
 */
export async function createProject(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: CreateInput,
): Promise<Project> {
  checkRegion(input.regionCode);
  await assertCompliantFields(ctx, { name: input.name, description: input.description, tags: input.tags });
  const org = await getOrganisation(ctx, orgId);
  await checkFiles(ctx, orgId, input.tenderFileIds);
  const invited = input.visibility === 'invited' ? await checkInvitees(ctx, orgId, input.invitedOrgIds) : [];
  const location = input.location ?? regionCentroid(input.regionCode);
  const id = newId();
  const row = await ctx.db.transaction(async (tx) => {
    const created = await repo.insertProject(tx, {
      orgId,
      id,
      name: input.name,
      engineeringType: input.engineeringType,
      investmentFen: input.investmentFen,
      regionCode: input.regionCode,
      address: input.address || null,
      lat: location.lat,
      lng: location.lng,
      locationDerived: !input.location,
      tags: [...new Set(input.tags)],
      startDate: input.startDate ?? null,
      endDate: input.endDate ?? null,
      tenderDeadline: input.tenderDeadline ?? null,
      status: input.status,
      description: input.description,
      visibility: input.visibility,
      createdBy: actor.userId,
    });
    await repo.replaceInvitations(tx, orgId, id, invited);
    await repo.replaceFiles(tx, orgId, id, [...new Set(input.tenderFileIds)]);
    await indexDocuments(ctx, [projectSearchDocument(created, org.name, invited)], tx);
    await recordProductEvent(
      ctx,
      { name: 'project.published', userId: actor.userId, orgId, properties: { projectId: id } },
      tx,
    );
    return created;
  });
  return present(ctx, row, viewerOf(actor), org.name);
}

export async function updateProject(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  projectId: string,
  input: UpdateInput,
): Promise<Project> {
  const existing = await repo.findProject(ctx.db, projectId);
  if (!existing || existing.orgId !== orgId) throw projectErrors.raise('PROJECT_NOT_FOUND');
  if (input.regionCode) checkRegion(input.regionCode);
  await assertCompliantFields(ctx, { name: input.name, description: input.description, tags: input.tags });
  const org = await getOrganisation(ctx, orgId);
  if (input.tenderFileIds) await checkFiles(ctx, orgId, input.tenderFileIds);
  const visibility = input.visibility ?? existing.visibility;
  const invited =
    visibility === 'invited'
      ? await checkInvitees(ctx, orgId, input.invitedOrgIds ?? (await repo.invitedOrgIds(ctx.db, projectId)))
      : [];
  const regionCode = input.regionCode ?? existing.regionCode;
  const location =
    input.location === null || (input.location === undefined && input.regionCode && existing.locationDerived)
      ? { ...regionCentroid(regionCode), derived: true }
      : input.location
        ? { ...input.location, derived: false }
        : { lat: existing.lat, lng: existing.lng, derived: existing.locationDerived };
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await repo.updateProject(tx, orgId, projectId, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.engineeringType !== undefined ? { engineeringType: input.engineeringType } : {}),
      ...(input.investmentFen !== undefined ? { investmentFen: input.investmentFen } : {}),
      regionCode,
      ...(input.address !== undefined ? { address: input.address || null } : {}),
      lat: location.lat,
      lng: location.lng,
      locationDerived: location.derived,
      ...(input.tags !== undefined ? { tags: [...new Set(input.tags)] } : {}),
      ...(input.startDate !== undefined ? { startDate: input.startDate } : {}),
      ...(input.endDate !== undefined ? { endDate: input.endDate } : {}),
      ...(input.tenderDeadline !== undefined ? { tenderDeadline: input.tenderDeadline } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      visibility,
    });
    await repo.replaceInvitations(tx, orgId, projectId, invited);
    if (input.tenderFileIds) await repo.replaceFiles(tx, orgId, projectId, [...new Set(input.tenderFileIds)]);
    await indexDocuments(ctx, [projectSearchDocument(updated, org.name, invited)], tx);
    return updated;
  });
  return present(ctx, row, viewerOf(actor), org.name);
}

async function visibleProject(ctx: AppContext, viewer: Viewer, projectId: string): Promise<repo.ProjectRow> {
  const row = await repo.findProject(ctx.db, projectId);
  if (!row || !canSee(row, await repo.invitedOrgIds(ctx.db, projectId), viewer))
    throw projectErrors.raise('PROJECT_NOT_FOUND');
  return row;
}

export async function getProject(ctx: AppContext, viewer: Viewer, projectId: string): Promise<Project> {
  return present(ctx, await visibleProject(ctx, viewer, projectId), viewer);
}

export async function listOrgProjects(ctx: AppContext, viewer: Viewer, orgId: string): Promise<Project[]> {
  const org = await getOrganisation(ctx, orgId);
  const rows = await repo.listOrgProjects(ctx.db, orgId, 200);
  const out: Project[] = [];
  for (const row of rows) out.push(await present(ctx, row, viewer, org.name));
  return out;
}

/** 开放平台: one page of the organisation's own projects (rows; the caller presents them). */
export async function pageOrgProjects(
  ctx: AppContext,
  orgId: string,
  page: { limit: number; after?: string | undefined },
): Promise<{ rows: repo.ProjectRow[]; nextCursor: string | null }> {
  const rows = await repo.pageOrgProjects(ctx.db, orgId, { limit: page.limit + 1, after: page.after });
  const shown = rows.slice(0, page.limit);
  return { rows: shown, nextCursor: rows.length > page.limit ? (shown[shown.length - 1]?.id ?? null) : null };
}

/** A tender file of a project the viewer may see. */
export async function getProjectFile(
  ctx: AppContext,
  viewer: Viewer,
  projectId: string,
  fileId: string,
): Promise<StoredFileRow> {
  const row = await visibleProject(ctx, viewer, projectId);
  if (!(await repo.fileIdsOf(ctx.db, projectId)).includes(fileId)) throw projectErrors.raise('PROJECT_NOT_FOUND');
  return getFile(ctx, row.orgId, fileId);
}

export async function listQuestions(ctx: AppContext, viewer: Viewer, projectId: string): Promise<ProjectQuestion[]> {
  const project = await visibleProject(ctx, viewer, projectId);
  const rows = await repo.listQuestions(ctx.db, projectId);
  const owner = viewer.orgIds.includes(project.orgId);
  const names = new Map<string, string>();
  if (owner) {
    for (const id of new Set(rows.map((r) => r.askerOrgId)))
      names.set(id, (await getOrganisation(ctx, id).catch(() => ({ name: '' }))).name);
  }
  return rows.map((r) =>
    presentQuestion(r, { viewer, askerOrgName: owner ? (names.get(r.askerOrgId) ?? null) : null }),
  );
}

/** 提问 a bidder asks, in the name of the organisation it is acting for. */
export async function askQuestion(
  ctx: AppContext,
  viewer: Viewer,
  projectId: string,
  question: string,
): Promise<ProjectQuestion> {
  const project = await visibleProject(ctx, viewer, projectId);
  if (!viewer.activeOrgId) throw projectErrors.raise('PROJECT_QUESTION_NEEDS_ORG');
  if (viewer.activeOrgId === project.orgId) throw projectErrors.raise('PROJECT_QUESTION_OWN');
  const row = await repo.insertQuestion(ctx.db, {
    orgId: project.orgId,
    id: newId(),
    projectId,
    askerOrgId: viewer.activeOrgId,
    askerUserId: viewer.userId,
    question,
  });
  return presentQuestion(row, { viewer, askerOrgName: null });
}

export async function answerQuestion(
  ctx: AppContext,
  viewer: Viewer,
  orgId: string,
  projectId: string,
  questionId: string,
  answer: string,
  tx?: DbOrTx,
): Promise<ProjectQuestion> {
  const project = await repo.findProject(ctx.db, projectId);
  if (!project || project.orgId !== orgId) throw projectErrors.raise('PROJECT_NOT_FOUND');
  const row = await repo.answerQuestion(tx ?? ctx.db, orgId, projectId, questionId, {
    answer,
    answeredBy: viewer.userId,
  });
  if (!row) throw projectErrors.raise('PROJECT_QUESTION_NOT_FOUND');
  const asker = await getOrganisation(ctx, row.askerOrgId).catch(() => ({ name: '' }));
  return presentQuestion(row, { viewer, askerOrgName: asker.name });
}

export interface DirectProject {
  orgId: string;
  orgName: string;
  createdBy: string;
  createdAt: Date;
  name: string;
  engineeringType: EngineeringType;
  investmentFen: number;
  regionCode: string;
  address: string | null;
  location: { lat: number; lng: number } | null;
  tags: string[];
  startDate: string | null;
  endDate: string | null;
  tenderDeadline: string | null;
  status: string;
  description: string;
}

/** Public projects in bulk (demo data, imports): rows and search documents in one transaction per batch. */
export async function createProjectsDirect(ctx: AppContext, inputs: readonly DirectProject[]): Promise<void> {
  for (let i = 0; i < inputs.length; i += 500) {
    const batch = inputs.slice(i, i + 500);
    await ctx.db.transaction(async (tx) => {
      const rows = await repo.insertProjects(
        tx,
        batch.map((p) => {
          checkRegion(p.regionCode);
          const location = p.location ?? regionCentroid(p.regionCode);
          return {
            orgId: p.orgId,
            id: newId(p.createdAt.getTime()),
            name: p.name,
            engineeringType: p.engineeringType,
            investmentFen: p.investmentFen,
            regionCode: p.regionCode,
            address: p.address,
            lat: location.lat,
            lng: location.lng,
            locationDerived: !p.location,
            tags: p.tags,
            startDate: p.startDate,
            endDate: p.endDate,
            tenderDeadline: p.tenderDeadline,
            status: p.status,
            description: p.description,
            visibility: 'public',
            createdBy: p.createdBy,
            createdAt: p.createdAt,
            updatedAt: p.createdAt,
          };
        }),
      );
      const names = new Map(batch.map((p) => [p.orgId, p.orgName]));
      await indexDocuments(
        ctx,
        rows.map((r) => projectSearchDocument(r, names.get(r.orgId) ?? '', [])),
        tx,
      );
    });
  }
}
