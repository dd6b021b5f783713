import type { Tender } from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import { getUsers } from '../identity';
import { decryptBid, receiptOf } from './tendering.bids';
import { displayStatus, orgName, visibleTender } from './tendering.queries';
import * as repo from './tendering.repository';
import { currentTable } from './tendering.scoring';

interface Actor {
  userId: string;
}

/**
 * The tender as the viewer may see it. Before opening nobody is shown any bid — not their content, not who bid,
 * not how many; the bidder sees its own receipt (hash), never the content, which the platform cannot decrypt yet.
 */
export async function viewTender(ctx: AppContext, viewer: Actor, orgId: string, tenderId: string): Promise<Tender> {
  const { tender, role } = await visibleTender(ctx, orgId, tenderId);
  const now = await repo.dbNow(ctx.db);
  const [addenda, opening, awards, evaluation] = await Promise.all([
    repo.addendaOf(ctx.db, tenderId),
    repo.findOpening(ctx.db, tenderId),
    repo.awardsOf(ctx.db, tenderId),
    repo.findEvaluation(ctx.db, tenderId),
  ]);
  const names = new Map<string, string>();
  const name = async (id: string) => {
    if (!names.has(id)) names.set(id, await orgName(ctx, id));
    return names.get(id) as string;
  };
  const myBid = role === 'bidder' ? await repo.findBid(ctx.db, tenderId, orgId) : undefined;
  const openingView = opening ? await presentOpening(ctx, tender, opening, role, myBid) : null;
  // 评分 scores after opening: the buyer sees the table; a bidder only its own row; an organisation that did not
  // bid sees none (the 开标记录 — names and totals — stays public, docs/ARCHITECTURE.md "Who sees a tender")
  const ownBidIds = new Set(
    (opening?.record.bids ?? []).filter((b) => b.bidderOrgId === orgId).map((b) => b.bidId as string),
  );
  const evaluators = role === 'buyer' ? await repo.evaluatorsOf(ctx.db, tenderId) : [];
  const evaluatorNames = new Map(
    (
      await getUsers(
        ctx,
        evaluators.map((e) => e.userId),
      )
    ).map((u) => [u.id, u.displayName]),
  );
  const evaluationView =
    opening && (role === 'buyer' || (evaluation && ownBidIds.size > 0))
      ? await presentEvaluation(ctx, tender, opening, evaluation, role, ownBidIds)
      : null;
  const invited = role === 'buyer' ? await repo.invitationsOf(ctx.db, tenderId) : [];
  return {
    id: tender.id,
    orgId: tender.orgId,
    orgName: await name(tender.orgId),
    demandId: tender.demandId,
    title: tender.title,
    projectName: tender.projectName,
    mode: tender.mode as 'open' | 'invited',
    status: displayStatus(tender, now),
    version: tender.version,
    deadline: tender.deadline.toISOString(),
    publishedAt: tender.publishedAt?.toISOString() ?? null,
    description: tender.description,
    items: tender.items,
    budgetFen: tender.budgetFen,
    qualification: { kind: tender.qualificationKind, grade: tender.qualificationGrade },
    weights: tender.weights,
    awardResponseDays: tender.awardResponseDays,
    autoOpen: tender.autoOpen,
    plannedStart: tender.plannedStart,
    plannedEnd: tender.plannedEnd,
    publishedSha256: tender.publishedSha256,
    addenda: addenda.map((a) => ({
      versionNo: a.versionNo,
      summary: a.summary,
      body: a.body,
      deadline: a.deadline.toISOString(),
      sha256: a.sha256,
      evidenceIndex: a.evidenceIndex,
      createdAt: a.createdAt.toISOString(),
    })),
    viewerRole: role,
    invited: await Promise.all(invited.map(async (id) => ({ orgId: id, orgName: await name(id) }))),
    myBid: myBid ? receiptOf(myBid, tender) : null,
    opening: openingView,
    evaluators: evaluators.map((e) => ({ userId: e.userId, name: evaluatorNames.get(e.userId) ?? '—' })),
    evaluation: evaluationView,
    awards: await Promise.all(
      awards.map(async (a) => ({
        id: a.id,
        rank: a.rank,
        bidId: a.bidId,
        bidderOrgId: a.bidderOrgId,
        bidderName: await name(a.bidderOrgId),
        amountFen: a.amountFen,
        status: a.status as 'offered' | 'accepted' | 'declined' | 'lapsed',
        offeredAt: a.offeredAt.toISOString(),
        respondBy: a.respondBy.toISOString(),
        respondedAt: a.respondedAt?.toISOString() ?? null,
        reason: a.reason,
      })),
    ),
    contractId:
      role === 'buyer' || awards.some((a) => a.bidderOrgId === orgId && a.status === 'accepted')
        ? tender.contractId
        : null,
    defaultContractKind: tender.demandType === 'procurement' ? 'purchase' : 'subcontract',
    viewerIsEvaluator: evaluators.some((e) => e.userId === viewer.userId),
    dbNow: now.toISOString(),
  };
}

type Role = 'buyer' | 'bidder';

/** 开标记录 as shown: every bid with its hash and validity; the buyer also sees each opened bid's contents. */
async function presentOpening(
  ctx: AppContext,
  tender: repo.TenderRow,
  opening: repo.OpeningRow,
  role: Role,
  myBid: repo.BidRow | undefined,
): Promise<NonNullable<Tender['opening']>> {
  // Contents are decrypted on each read, through the key the database releases only after the deadline: every
  // bid for the buyer, its own for a bidder (unit prices and plans of competitors are never shown to bidders).
  const own = myBid && opening.record.bids.some((b) => b.bidId === myBid.id && b.totalFen !== null);
  const key = role === 'buyer' || own ? await repo.releaseKey(ctx.db, tender.id) : null;
  const all = role === 'buyer' ? await repo.bidsOf(ctx.db, tender.id) : own && myBid ? [myBid] : [];
  return {
    openedAt: opening.openedAt.toISOString(),
    sha256: opening.sha256,
    evidenceIndex: opening.evidenceIndex,
    bids: opening.record.bids.map((b) => {
      const row = all.find((x) => x.id === b.bidId);
      const content = key && row && b.totalFen !== null ? decryptBid(ctx, tender, key, row) : null;
      return {
        bidId: b.bidId,
        bidderOrgId: b.bidderOrgId,
        bidderName: b.bidderName,
        envelopeSha256: b.envelopeSha256,
        valid: b.valid,
        invalidReason: b.invalidReason,
        totalFen: b.totalFen,
        unitPricesFen: content?.unitPricesFen ?? null,
        constructionPlan: content?.constructionPlan ?? null,
        qualificationNumbers: content?.qualificationNumbers ?? [],
      };
    }),
  };
}

/**
 * 评分表 as shown: the finalised rows once there are any, until then the table as it stands (the buyer only);
 * per-evaluator scores and the score history go to the buyer alone.
 */
async function presentEvaluation(
  ctx: AppContext,
  tender: repo.TenderRow,
  opening: repo.OpeningRow,
  evaluation: repo.EvaluationRow | undefined,
  role: Role,
  ownBidIds: ReadonlySet<string>,
): Promise<NonNullable<Tender['evaluation']>> {
  const table = await currentTable(ctx, tender, opening);
  const rows = evaluation ? evaluation.table.rows : table.rows;
  return {
    finalisedAt: evaluation?.finalisedAt.toISOString() ?? null,
    sha256: evaluation?.sha256 ?? null,
    evidenceIndex: evaluation?.evidenceIndex ?? null,
    rows: rows
      .filter((r) => role === 'buyer' || ownBidIds.has(r.bidId))
      .map((r) => ({
        bidId: r.bidId,
        bidderName: r.bidderName,
        totalFen: r.totalFen,
        price: r.price,
        technical: r.technical,
        credit: r.credit,
        performance: r.performance,
        total: r.total,
        rank: r.rank,
        technicalByEvaluator: role === 'buyer' ? r.technicalByEvaluator : [],
      })),
    history: role === 'buyer' ? table.history : [],
  };
}
