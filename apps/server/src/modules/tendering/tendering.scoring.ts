import type { CreditGrade } from '@zhuhe/contracts';
import { addWorkingDays } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import { newId } from '../../infra/ids';
import { signedContractCounts } from '../contracts';
import { creditGradeOf } from '../credit';
import { appendEvidence } from '../evidence';
import { storeFile } from '../files';
import { getUsers } from '../identity';
import { membershipsOfUser } from '../organisation';
import { offer } from './tendering.award';
import { tenderErrors } from './tendering.errors';
import { renderEvaluationPdf } from './tendering.pdf';
import { buyerTender, orgName } from './tendering.queries';
import * as repo from './tendering.repository';
import { scoreBids } from './tendering.rules';

interface Actor {
  userId: string;
}

export async function addEvaluator(ctx: AppContext, actor: Actor, orgId: string, tenderId: string, userId: string) {
  const tender = await buyerTender(ctx, orgId, tenderId);
  if (['awarding', 'awarded', 'contracted', 'failed'].includes(tender.status))
    throw tenderErrors.raise('TENDER_NOT_EVALUATING');
  const memberships = await membershipsOfUser(ctx, userId);
  if (!memberships.some((m) => m.orgId === orgId)) throw tenderErrors.raise('TENDER_EVALUATOR_INVALID');
  await repo.insertEvaluator(ctx.db, { tenderId, orgId, userId, addedBy: actor.userId });
}

/** 录入技术分: an evaluator scores a valid bid; a change is a new row, the old one stays. */
export async function enterScore(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  tenderId: string,
  input: { bidId: string; score: number; note: string },
): Promise<void> {
  const tender = await buyerTender(ctx, orgId, tenderId);
  if (tender.status !== 'evaluating') throw tenderErrors.raise('TENDER_NOT_EVALUATING');
  const evaluators = await repo.evaluatorsOf(ctx.db, tenderId);
  if (!evaluators.some((e) => e.userId === actor.userId)) throw tenderErrors.raise('TENDER_NOT_EVALUATOR');
  const opening = await repo.findOpening(ctx.db, tenderId);
  if (!opening?.record.bids.some((b) => b.bidId === input.bidId && b.valid))
    throw tenderErrors.raise('TENDER_BID_NOT_FOUND');
  await repo.insertScore(ctx.db, {
    orgId,
    id: newId(),
    tenderId,
    bidId: input.bidId,
    evaluatorUserId: actor.userId,
    score: input.score,
    note: input.note,
  });
}

/** The scoring table as it stands: latest score per evaluator and bid, weights applied, ranked. */
export async function currentTable(ctx: AppContext, tender: repo.TenderRow, opening: repo.OpeningRow) {
  const valid = opening.record.bids.filter((b) => b.valid && b.totalFen !== null);
  const [evaluators, scores, grades, counts] = await Promise.all([
    repo.evaluatorsOf(ctx.db, tender.id),
    repo.scoresOf(ctx.db, tender.id),
    creditGradeOf(
      ctx,
      valid.map((b) => b.bidderOrgId),
    ),
    signedContractCounts(
      ctx,
      valid.map((b) => b.bidderOrgId),
    ),
  ]);
  const latest = new Map<string, number>();
  for (const s of scores) latest.set(`${s.bidId}:${s.evaluatorUserId}`, s.score);
  const scored = scoreBids(
    tender.weights,
    valid.map((b) => ({
      bidId: b.bidId,
      totalFen: b.totalFen as number,
      technical: evaluators.map((e) => latest.get(`${b.bidId}:${e.userId}`) ?? null),
      creditGrade: (grades.get(b.bidderOrgId)?.grade ?? null) as CreditGrade | null,
      signedContracts: counts.get(b.bidderOrgId) ?? 0,
      submittedAt: new Date(b.submittedAt),
    })),
  );
  const users = new Map(
    (
      await getUsers(ctx, [...new Set([...evaluators.map((e) => e.userId), ...scores.map((s) => s.evaluatorUserId)])])
    ).map((u) => [u.id, u.displayName]),
  );
  const byBid = new Map(valid.map((b) => [b.bidId, b]));
  const rows = scored.map((r) => ({
    ...r,
    bidderOrgId: byBid.get(r.bidId)?.bidderOrgId ?? '',
    bidderName: byBid.get(r.bidId)?.bidderName ?? '—',
    technicalByEvaluator: evaluators.map((e) => ({
      evaluatorName: users.get(e.userId) ?? '—',
      score: latest.get(`${r.bidId}:${e.userId}`) ?? null,
    })),
  }));
  const missing =
    valid.length * evaluators.length -
    valid.reduce((n, b) => n + evaluators.filter((e) => latest.has(`${b.bidId}:${e.userId}`)).length, 0);
  const history = scores.map((s) => ({
    bidId: s.bidId,
    bidderName: byBid.get(s.bidId)?.bidderName ?? '—',
    evaluatorName: users.get(s.evaluatorUserId) ?? '—',
    score: s.score,
    note: s.note,
    createdAt: s.createdAt.toISOString(),
  }));
  return {
    rows,
    history,
    evaluators: evaluators.map((e) => ({ userId: e.userId, name: users.get(e.userId) ?? '—' })),
    missing,
  };
}

/**
 * 评标定稿: the table is fixed (every evaluator must have scored every valid bid), rendered as PDF with the full
 * score history, its hash logged; the award is offered to the first ranked bidder.
 */
export async function finaliseEvaluation(ctx: AppContext, actor: Actor, orgId: string, tenderId: string) {
  const tender = await buyerTender(ctx, orgId, tenderId);
  if (tender.status !== 'evaluating') throw tenderErrors.raise('TENDER_NOT_EVALUATING');
  const opening = await repo.findOpening(ctx.db, tenderId);
  if (!opening) throw tenderErrors.raise('TENDER_NOT_OPENED');
  const table = await currentTable(ctx, tender, opening);
  if (table.evaluators.length === 0) throw tenderErrors.raise('TENDER_NO_EVALUATORS');
  if (table.missing > 0) throw tenderErrors.raise('TENDER_SCORES_MISSING', { missing: table.missing });
  const finalisedAt = new Date();
  const pdf = await renderEvaluationPdf({
    tenderId,
    title: tender.title,
    buyerName: await orgName(ctx, orgId),
    weights: tender.weights,
    finalisedAt: finalisedAt.toISOString(),
    evaluators: table.evaluators.map((e) => e.name),
    rows: table.rows,
    history: table.history,
  });
  const top = table.rows[0];
  const respondBy = addWorkingDays(finalisedAt, tender.awardResponseDays);
  await ctx.db.transaction(async (tx) => {
    const locked = await repo.findTender(tx, tenderId, true);
    if (locked?.status !== 'evaluating') throw tenderErrors.raise('TENDER_NOT_EVALUATING');
    const file = await storeFile(
      ctx,
      { orgId, userId: actor.userId, name: `评分表-${tender.title}.pdf`, bytes: pdf, accept: ['pdf'] },
      tx,
    );
    const entry = await appendEvidence(
      ctx,
      { kind: 'tender.evaluation', subject: `tender:${tenderId}:evaluation`, sha256: file.sha256, orgId },
      tx,
    );
    await repo.insertEvaluation(tx, {
      tenderId,
      orgId,
      table: { rows: table.rows, history: table.history },
      fileId: file.id,
      sha256: file.sha256,
      evidenceIndex: entry.entryIndex,
      finalisedBy: actor.userId,
      finalisedAt,
    });
    if (!top) {
      await repo.updateTender(tx, tenderId, { status: 'failed' });
      return;
    }
    await offer(ctx, tx, tender, top, finalisedAt, respondBy);
    await repo.updateTender(tx, tenderId, { status: 'awarding' });
  });
}
