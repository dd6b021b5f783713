import type { PointsCatalogueItem, PointsEntry, PointsOverview } from '@zhuhe/contracts';
import { shanghaiDateTime } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import type { Db, DbOrTx } from '../../infra/db/client';
import type { DomainEvent } from '../../infra/events';
import { newId } from '../../infra/ids';
import { getUsers } from '../identity';
import { getOrganisations } from '../organisation';
import { rewardsErrors } from './rewards.errors';
import * as repo from './rewards.repository';

/** 积分兑换目录 what points buy: reports and event tickets. */
export const POINTS_CATALOGUE: readonly PointsCatalogueItem[] = [
  {
    code: 'report_material_prices',
    kind: 'report',
    name: { 'zh-CN': '区域建材价格月报', en: 'Regional material price report' },
    points: 200,
  },
  {
    code: 'report_credit_standard',
    kind: 'report',
    name: { 'zh-CN': '企业信用报告（标准版）', en: 'Company credit report (standard)' },
    points: 300,
  },
  {
    code: 'ticket_safety_training',
    kind: 'ticket',
    name: { 'zh-CN': '安全生产线下培训名额', en: 'Seat at an on-site safety training' },
    points: 150,
  },
  {
    code: 'ticket_annual_summit',
    kind: 'ticket',
    name: { 'zh-CN': '筑合年度行业峰会门票', en: 'ZhuHe annual industry summit ticket' },
    points: 500,
  },
];

/** The admission number of a ticket: the redemption's date and the last eight hex digits of its id. */
export function ticketNumber(entry: { id: string; createdAt: Date }): string {
  const day = shanghaiDateTime(entry.createdAt).slice(0, 10).replaceAll('-', '');
  return `ZH${day}-${entry.id.replaceAll('-', '').slice(-8).toUpperCase()}`;
}

/** Points a signed contract earns each party (an amendment earns nothing). */
export const CONTRACT_SIGNED_POINTS = 50;

export interface PointsChange {
  orgId: string;
  userId?: string | null;
  /** signed: positive earns, negative spends */
  points: number;
  /** e.g. `community.post`, `contract.signed`, `catalogue:<code>` */
  reason: string;
  /** what caused it; recording the same key again adds nothing */
  sourceKey: string;
  memo?: Record<string, string>;
}

const RETRYABLE = new Set(['40P01', '40001', '23505']);

function pgCode(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code ?? e?.cause?.code;
}

/**
 * Runs `fn` in a transaction, retrying on deadlock, serialization failure and a unique-key race (two requests with
 * one source key or one voucher use: the retry finds the first and answers from it), as the escrow ledger does.
 */
export async function rewardsTransaction<T>(db: Db, fn: (tx: DbOrTx) => Promise<T>, attempts = 12): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(fn);
    } catch (error) {
      const code = pgCode(error);
      if (!code || !RETRYABLE.has(code)) throw error;
      if (attempt >= attempts) throw rewardsErrors.raise('REWARDS_BUSY');
      await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
    }
  }
}

/**
 * Applies one change inside `tx`: a repeat of the source key returns the stored entry; otherwise the balance row is
 * moved (refused when it would go below zero) and the entry inserted with the balance after it.
 */
async function applyChange(
  tx: DbOrTx,
  change: PointsChange & { kind: 'earn' | 'redeem' | 'reverse'; reversesId?: string },
  at: Date,
): Promise<{ entry: repo.PointsEntryRow; repeated: boolean }> {
  if (!Number.isInteger(change.points) || change.points === 0) throw rewardsErrors.raise('POINTS_AMOUNT_INVALID');
  const prior = await repo.entryBySource(tx, change.sourceKey);
  if (prior) {
    if (prior.orgId !== change.orgId || prior.points !== change.points)
      throw rewardsErrors.raise('POINTS_SOURCE_CONFLICT');
    return { entry: prior, repeated: true };
  }
  await repo.ensureAccount(tx, change.orgId, at);
  // earned and redeemed are gross totals; a reversal takes back from the total of the entry it undoes
  const tally =
    change.kind === 'earn'
      ? { column: 'earned' as const, by: change.points }
      : change.kind === 'redeem'
        ? { column: 'redeemed' as const, by: -change.points }
        : change.points < 0
          ? { column: 'earned' as const, by: change.points }
          : { column: 'redeemed' as const, by: -change.points };
  const moved = await repo.moveBalance(tx, change.orgId, change.points, tally, at);
  if (!moved) {
    const balance = (await repo.account(tx, change.orgId))?.balance ?? 0;
    throw rewardsErrors.raise('POINTS_INSUFFICIENT', { needed: -change.points, balance });
  }
  const entry: repo.PointsEntryRow = {
    id: newId(),
    orgId: change.orgId,
    userId: change.userId ?? null,
    kind: change.kind,
    points: change.points,
    balanceAfter: moved.balance,
    reason: change.reason,
    sourceKey: change.sourceKey,
    reversesId: change.reversesId ?? null,
    memo: change.memo ?? {},
    createdAt: at,
  };
  await repo.insertEntry(tx, entry);
  return { entry, repeated: false };
}

/**
 * 赚积分 the one way points are earned, by any module through index.ts. Inside the caller's `tx` when given (the
 * earning commits or rolls back with what earned it), else in its own transaction. Idempotent on `sourceKey`.
 */
export async function earnPoints(
  ctx: AppContext,
  earning: PointsChange,
  tx?: DbOrTx,
  at = new Date(),
): Promise<{ entry: repo.PointsEntryRow; repeated: boolean }> {
  if (earning.points <= 0) throw rewardsErrors.raise('POINTS_AMOUNT_INVALID');
  const change = { ...earning, kind: 'earn' as const };
  if (tx) return applyChange(tx, change, at);
  return rewardsTransaction(ctx.db, (t) => applyChange(t, change, at));
}

/**
 * 积分兑换 spends points on a catalogue item. `requestId` is the client's key: a retried request spends once. More
 * than the balance → POINTS_INSUFFICIENT and nothing changes; concurrent redemptions queue on the balance row.
 */
export async function redeemPoints(
  ctx: AppContext,
  actor: { userId: string },
  orgId: string,
  input: { itemCode: string; requestId: string },
  at = new Date(),
): Promise<repo.PointsEntryRow> {
  const item = POINTS_CATALOGUE.find((i) => i.code === input.itemCode);
  if (!item) throw rewardsErrors.raise('POINTS_ITEM_UNKNOWN', { code: input.itemCode });
  const { entry } = await rewardsTransaction(ctx.db, (tx) =>
    applyChange(
      tx,
      {
        orgId,
        userId: actor.userId,
        kind: 'redeem',
        points: -item.points,
        reason: `catalogue:${item.code}`,
        sourceKey: `redeem:${orgId}:${input.requestId}`,
        memo: { item: item.code },
      },
      at,
    ),
  );
  return entry;
}

/**
 * 冲正 a correction by staff: an entry of the opposite sign naming the one it undoes (once). Reversing an earning
 * already spent is refused like any other overdraft.
 */
export async function reversePoints(
  ctx: AppContext,
  actor: { userId: string },
  entryId: string,
  at = new Date(),
): Promise<repo.PointsEntryRow> {
  return rewardsTransaction(ctx.db, async (tx) => {
    const original = await repo.entryById(tx, entryId);
    if (!original || original.kind === 'reverse') throw rewardsErrors.raise('POINTS_ENTRY_NOT_FOUND');
    const { entry, repeated } = await applyChange(
      tx,
      {
        orgId: original.orgId,
        userId: actor.userId,
        kind: 'reverse',
        points: -original.points,
        reason: 'reversal',
        sourceKey: `reverse:${original.id}`,
        memo: { reverses: original.reason },
        reversesId: original.id,
      },
      at,
    );
    if (repeated) throw rewardsErrors.raise('POINTS_ALREADY_REVERSED');
    return entry;
  });
}

/** `contract.signed`: both parties earn points for the transaction, with the signing (an amendment earns none). */
export async function onContractSignedPoints(
  ctx: AppContext,
  event: DomainEvent<'contract.signed'>,
  tx: DbOrTx,
): Promise<void> {
  const p = event.payload;
  if (p.amendment) return;
  for (const party of [p.buyer, p.supplier]) {
    await earnPoints(
      ctx,
      {
        orgId: party.orgId,
        points: CONTRACT_SIGNED_POINTS,
        reason: 'contract.signed',
        sourceKey: `contract.signed:${p.contractId}:${party.orgId}`,
        memo: { contractId: p.contractId, title: p.title },
      },
      tx,
      new Date(event.occurredAt),
    );
  }
}

const REASON_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  'community.post': { 'zh-CN': '社区发帖', en: 'Community post' },
  'community.reply': { 'zh-CN': '社区回复', en: 'Community reply' },
  'community.best_answer': { 'zh-CN': '回答被采纳为最佳答案', en: 'Best answer' },
  'community.like_received': { 'zh-CN': '内容获赞', en: 'Like received' },
  'contract.signed': { 'zh-CN': '签约交易', en: 'Contract signed' },
  'campaign.bonus': { 'zh-CN': '平台活动奖励', en: 'Platform campaign bonus' },
  reversal: { 'zh-CN': '冲正', en: 'Reversal' },
};

export function entryLabel(row: Pick<repo.PointsEntryRow, 'reason' | 'memo'>): { 'zh-CN': string; en: string } {
  const known = REASON_LABELS[row.reason];
  if (known) {
    const title = row.memo.title;
    return title ? { 'zh-CN': `${known['zh-CN']}：${title}`, en: `${known.en}: ${title}` } : known;
  }
  if (row.reason.startsWith('catalogue:')) {
    const item = POINTS_CATALOGUE.find((i) => `catalogue:${i.code}` === row.reason);
    const name = item?.name ?? { 'zh-CN': row.reason.slice(10), en: row.reason.slice(10) };
    return { 'zh-CN': `兑换：${name['zh-CN']}`, en: `Redeemed: ${name.en}` };
  }
  return { 'zh-CN': row.reason, en: row.reason };
}

export async function presentEntries(ctx: AppContext, rows: repo.PointsEntryRow[]): Promise<PointsEntry[]> {
  const reversed = await repo.reversedAmong(
    ctx.db,
    rows.filter((r) => r.kind === 'redeem').map((r) => r.id),
  );
  const users = new Map(
    (
      await getUsers(
        ctx,
        rows.flatMap((r) => (r.userId ? [r.userId] : [])),
      )
    ).map((u) => [u.id, u.displayName]),
  );
  const orgs = new Map(
    (
      await getOrganisations(
        ctx,
        rows.map((r) => r.orgId),
      )
    ).map((o) => [o.id, o.name]),
  );
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    orgName: orgs.get(r.orgId) ?? '—',
    kind: r.kind as PointsEntry['kind'],
    points: r.points,
    balanceAfter: r.balanceAfter,
    label: entryLabel(r),
    userName: r.userId ? (users.get(r.userId) ?? '—') : null,
    reversesId: r.reversesId,
    delivery: deliveryOf(r, reversed.has(r.id)),
    createdAt: r.createdAt.toISOString(),
  }));
}

/** 我的积分 the organisation's balance, its entries and the catalogue. */
export async function pointsOverview(ctx: AppContext, orgId: string): Promise<PointsOverview> {
  const account = await repo.account(ctx.db, orgId);
  return {
    balance: account?.balance ?? 0,
    earned: account?.earned ?? 0,
    redeemed: account?.redeemed ?? 0,
    entries: await presentEntries(ctx, await repo.entriesOf(ctx.db, orgId)),
    catalogue: [...POINTS_CATALOGUE],
  };
}

/** What a redemption delivers (downloaded from `…/points/redemptions/:entryId/delivery.pdf`), null for other entries. */
function deliveryOf(row: repo.PointsEntryRow, reversed: boolean): PointsEntry['delivery'] {
  const item = row.kind === 'redeem' ? POINTS_CATALOGUE.find((i) => i.code === row.memo.item) : undefined;
  if (!item) return null;
  return { kind: item.kind, ticketNo: item.kind === 'ticket' ? ticketNumber(row) : null, reversed };
}

/** The ledger's invariant: every balance row equals the sum of its entries, and none is negative. */
export async function verifyPoints(ctx: AppContext): Promise<{ ok: boolean; mismatches: string[] }> {
  const sums = await repo.entrySums(ctx.db);
  const mismatches: string[] = [];
  for (const [orgId, total] of sums) {
    const account = await repo.account(ctx.db, orgId);
    if ((account?.balance ?? 0) !== total || total < 0) mismatches.push(orgId);
  }
  return { ok: mismatches.length === 0, mismatches };
}
