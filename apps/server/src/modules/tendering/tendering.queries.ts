import type { TenderStatus } from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import { getFile, readFileContent } from '../files';
import { getOrganisation } from '../organisation';
import { tenderErrors } from './tendering.errors';
import * as repo from './tendering.repository';

/** A tender of the buyer organisation, locked when asked; anyone else's is simply not found. */
export async function buyerTender(ctx: AppContext, orgId: string, tenderId: string, lock = false) {
  const tender = await repo.findTender(ctx.db, tenderId, lock);
  if (!tender || tender.orgId !== orgId) throw tenderErrors.raise('TENDER_NOT_FOUND');
  return tender;
}

/** A tender as one organisation may see it: its own as buyer, or a published one it may bid on or bid on. */
export async function visibleTender(ctx: AppContext, orgId: string, tenderId: string) {
  const tender = await repo.findTender(ctx.db, tenderId);
  if (!tender) throw tenderErrors.raise('TENDER_NOT_FOUND');
  if (tender.orgId === orgId) return { tender, role: 'buyer' as const };
  if (tender.status === 'draft') throw tenderErrors.raise('TENDER_NOT_FOUND');
  if (tender.mode === 'invited') {
    const invited = await repo.invitationsOf(ctx.db, tenderId);
    const bid = await repo.findBid(ctx.db, tenderId, orgId);
    if (!invited.includes(orgId) && !bid) throw tenderErrors.raise('TENDER_NOT_FOUND');
  }
  return { tender, role: 'bidder' as const };
}

/** The status a user sees: an open tender whose deadline passed is 已截标 (closed) until it is opened. */
export function displayStatus(tender: repo.TenderRow, now: Date): TenderStatus {
  if (tender.status === 'open' && now.getTime() >= tender.deadline.getTime()) return 'closed';
  return tender.status as TenderStatus;
}

/** An organisation's name for records and views; '—' when it cannot be read. */
export async function orgName(ctx: AppContext, orgId: string): Promise<string> {
  return (await getOrganisation(ctx, orgId).catch(() => null))?.name ?? '—';
}

export async function listTenders(ctx: AppContext, orgId: string, scope: 'mine' | 'market') {
  const now = await repo.dbNow(ctx.db);
  const rows = scope === 'mine' ? await repo.tendersOfBuyer(ctx.db, orgId) : await repo.tendersForBidder(ctx.db, orgId);
  const bids =
    scope === 'market'
      ? await repo.bidsOfOrg(
          ctx.db,
          orgId,
          rows.map((r) => r.id),
        )
      : [];
  const names = new Map<string, string>();
  for (const r of rows) if (!names.has(r.orgId)) names.set(r.orgId, await orgName(ctx, r.orgId));
  return rows.map((t) => {
    const bid = bids.find((b) => b.tenderId === t.id);
    return {
      id: t.id,
      orgId: t.orgId,
      orgName: names.get(t.orgId) ?? '—',
      title: t.title,
      projectName: t.projectName,
      mode: t.mode as 'open' | 'invited',
      status: displayStatus(t, now),
      version: t.version,
      deadline: t.deadline.toISOString(),
      viewerRole: (t.orgId === orgId ? 'buyer' : 'bidder') as 'buyer' | 'bidder',
      myBidStatus: bid
        ? bid.status === 'withdrawn'
          ? ('withdrawn' as const)
          : bid.confirmedVersion < t.version
            ? ('needs_reconfirmation' as const)
            : ('submitted' as const)
        : null,
    };
  });
}

/** 开放平台: the buyer's own tenders with their status and the number of bids each holds (count only). */
export async function buyerTendersWithBidCounts(ctx: AppContext, orgId: string) {
  const tenders = await listTenders(ctx, orgId, 'mine');
  const counts = await repo.bidCounts(
    ctx.db,
    tenders.map((t) => t.id),
  );
  return tenders.map((t) => ({ ...t, bidCount: counts.get(t.id) ?? 0 }));
}

/** The stored opening record or scoring table PDF (the file whose hash is in the evidence log). */
export async function documentPdf(
  ctx: AppContext,
  orgId: string,
  tenderId: string,
  which: 'opening' | 'evaluation',
): Promise<{ name: string; bytes: Buffer }> {
  const { tender, role } = await visibleTender(ctx, orgId, tenderId);
  // 开标记录 is public (bidder names and totals, as the law requires); the scoring table holds every bidder's
  // scores, so only the buyer reads it
  if (which === 'evaluation' && role !== 'buyer') throw tenderErrors.raise('TENDER_RECORD_RESTRICTED');
  const row =
    which === 'opening' ? await repo.findOpening(ctx.db, tenderId) : await repo.findEvaluation(ctx.db, tenderId);
  if (!row) throw tenderErrors.raise(which === 'opening' ? 'TENDER_NOT_OPENED' : 'TENDER_NOT_EVALUATING');
  const file = await getFile(ctx, tender.orgId, row.fileId);
  return { name: file.name, bytes: await readFileContent(ctx, file) };
}

/**
 * 红旗指标 the facts the risk module's tender red flags are computed from: the tender, the opened bids, the
 * accepted award, earlier tenders of the same demand and the winner's buyers. Undefined for an unknown tender.
 */
export async function tenderRiskFacts(ctx: AppContext, tenderId: string) {
  const tender = await repo.findTender(ctx.db, tenderId);
  if (!tender) return undefined;
  const [opening, awards, sameDemand] = await Promise.all([
    repo.findOpening(ctx.db, tenderId),
    repo.awardsOf(ctx.db, tenderId),
    repo.tendersOfDemand(ctx.db, tender.demandId),
  ]);
  const accepted = awards.find((a) => a.status === 'accepted') ?? null;
  const winnerBuyers = accepted ? await repo.buyersOfSupplier(ctx.db, accepted.bidderOrgId) : [];
  return {
    tenderId: tender.id,
    buyerOrgId: tender.orgId,
    title: tender.title,
    status: tender.status,
    budgetFen: tender.budgetFen,
    publishedAt: tender.publishedAt,
    deadline: tender.deadline,
    opened: Boolean(opening),
    bids: (opening?.record.bids ?? []).map((b) => ({
      bidderOrgId: b.bidderOrgId,
      bidderName: b.bidderName,
      valid: b.valid,
      totalFen: b.totalFen,
    })),
    award: accepted ? { bidderOrgId: accepted.bidderOrgId, amountFen: accepted.amountFen } : null,
    /** tenders of the same demand before this one, with their status (failed = 流标, re-tendered) */
    earlierTenders: sameDemand
      .filter((t) => t.id !== tender.id && t.createdAt <= tender.createdAt)
      .map((t) => ({ id: t.id, status: t.status })),
    winnerBuyers,
  };
}

/** The newest opened tenders, for the risk module's periodic scan. */
export async function openedTenders(ctx: AppContext, limit = 500): Promise<string[]> {
  return repo.openedTenderIds(ctx.db, limit);
}

/**
 * What chat needs of a tender one organisation may see: its buyer, its deadline, whether the deadline passed by the
 * database's clock, and which organisations hold a bid (only the buyer learns that, and only after the deadline).
 */
export async function tenderChatFacts(ctx: AppContext, orgId: string, tenderId: string) {
  const { tender, role } = await visibleTender(ctx, orgId, tenderId);
  const now = await repo.dbNow(ctx.db);
  const deadlinePassed = now.getTime() >= tender.deadline.getTime();
  const bids = deadlinePassed ? (await repo.bidsOf(ctx.db, tenderId)).filter((b) => b.status !== 'withdrawn') : [];
  // a bidder learns only whether it bid itself; the buyer, after the deadline, every bidder
  const bidderOrgIds = bids.map((b) => b.orgId).filter((id) => role === 'buyer' || id === orgId);
  return {
    buyerOrgId: tender.orgId,
    title: tender.title,
    deadline: tender.deadline,
    deadlinePassed,
    role,
    bidderOrgIds,
  };
}
