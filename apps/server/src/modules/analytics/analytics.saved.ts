import {
  ChannelEconomicsQuery,
  CohortQuery,
  FunnelQuery,
  RfmQuery,
  type SavedAnalysis,
  type SavedAnalysisKind,
} from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import type { DbOrTx } from '../../infra/db/client';
import { newId } from '../../infra/ids';
import { dayRange } from './analytics.analyses';
import { analyticsErrors } from './analytics.errors';
import * as repo from './analytics.insights.repository';

type Row = repo.SavedRow;

/** Each kind's query is the analysis route's own: a saved analysis reopens exactly as it was run. */
const QUERY_OF = { funnel: FunnelQuery, cohorts: CohortQuery, rfm: RfmQuery, channels: ChannelEconomicsQuery };

function checkQuery(kind: SavedAnalysisKind, query: Record<string, string | number>) {
  const parsed = QUERY_OF[kind].safeParse(query);
  if (!parsed.success) throw analyticsErrors.raise('ANALYTICS_SAVED_QUERY_INVALID');
  const range = parsed.data as { from?: string; to?: string; asOf?: string };
  if (range.from && range.to) dayRange(range.from, range.to);
}

function present(row: Row, readerId: string): SavedAnalysis {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    query: row.query as SavedAnalysis['query'],
    shared: row.shared,
    ownerUserId: row.ownerUserId,
    mine: row.ownerUserId === readerId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What a reader sees: their own analyses and those shared with the growth team, newest first. */
export async function listSavedAnalyses(ctx: Pick<AppContext, 'db'>, readerId: string, kind?: SavedAnalysisKind) {
  const rows = await repo.listSaved(ctx.db, readerId, kind);
  return { items: rows.map((r) => present(r, readerId)) };
}

export async function saveAnalysis(
  ctx: AppContext,
  ownerId: string,
  input: { kind: SavedAnalysisKind; name: string; query: Record<string, string | number>; shared: boolean },
) {
  checkQuery(input.kind, input.query);
  const now = ctx.clock.now();
  const row = await repo.insertSaved(ctx.db, {
    id: newId(),
    kind: input.kind,
    name: input.name,
    query: input.query,
    shared: input.shared,
    ownerUserId: ownerId,
    createdAt: now,
    updatedAt: now,
  });
  return present(row, ownerId);
}

/** Another's analysis: not found unless shared with the reader, and then not theirs to change. */
async function ownRow(db: DbOrTx, id: string, userId: string): Promise<Row> {
  const row = await repo.findSaved(db, id);
  if (!row || (row.ownerUserId !== userId && !row.shared)) throw analyticsErrors.raise('ANALYTICS_SAVED_NOT_FOUND');
  if (row.ownerUserId !== userId) throw analyticsErrors.raise('ANALYTICS_SAVED_NOT_OWNER');
  return row;
}

export async function updateSavedAnalysis(
  ctx: AppContext,
  userId: string,
  id: string,
  patch: { name?: string | undefined; shared?: boolean | undefined },
) {
  await ownRow(ctx.db, id, userId);
  const row = await repo.updateSaved(ctx.db, id, {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.shared !== undefined ? { shared: patch.shared } : {}),
    updatedAt: ctx.clock.now(),
  });
  return present(row, userId);
}

export async function deleteSavedAnalysis(ctx: AppContext, userId: string, id: string) {
  await ownRow(ctx.db, id, userId);
  await repo.deleteSaved(ctx.db, id);
}
