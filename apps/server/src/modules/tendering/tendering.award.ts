import type { ContractKind } from '@zhuhe/contracts';
import { addWorkingDays, shanghaiDate } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import { newId } from '../../infra/ids';
import { createContract } from '../contracts';
import { getDemand } from '../demands';
import { getOrganisation } from '../organisation';
import { decryptBid } from './tendering.bids';
import { tenderErrors } from './tendering.errors';
import type { TenderAwardAccepted } from './tendering.events';
import { buyerTender, visibleTender } from './tendering.queries';
import * as repo from './tendering.repository';
import type { EvaluationTable } from './tendering.tables';

interface Actor {
  userId: string;
}

type Tx = Parameters<typeof repo.insertKey>[0];

/** 定标 offers the award to one ranked bidder; the lapse job runs at its answer deadline. */
export async function offer(
  ctx: AppContext,
  tx: Tx,
  tender: repo.TenderRow,
  row: EvaluationTable['rows'][number],
  at: Date,
  respondBy: Date,
) {
  const id = newId();
  await repo.insertAward(tx, {
    orgId: tender.orgId,
    id,
    tenderId: tender.id,
    bidId: row.bidId,
    bidderOrgId: row.bidderOrgId,
    rank: row.rank,
    amountFen: row.totalFen,
    status: 'offered',
    offeredAt: at,
    respondBy,
  });
  await ctx.jobs.enqueue(
    'tendering.award-lapse',
    { awardId: id },
    { runAt: respondBy, dedupeKey: `award-lapse:${id}` },
    tx,
  );
}

/** 顺延: the offer passes to the next ranked bidder, or the tender fails (流标) when no one is left. */
async function cascade(ctx: AppContext, tx: Tx, tender: repo.TenderRow, fromRank: number) {
  const evaluation = await repo.findEvaluation(tx, tender.id);
  const rows = evaluation?.table.rows ?? [];
  const next = rows.find((r) => r.rank === fromRank + 1);
  if (!next) {
    await repo.updateTender(tx, tender.id, { status: 'failed' });
    return;
  }
  const now = new Date();
  await offer(ctx, tx, tender, next, now, addWorkingDays(now, tender.awardResponseDays));
}

/** 中标人答复: the offered bidder accepts, or declines with a reason (the award cascades). */
export async function answerAward(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  tenderId: string,
  answer: { accept: true } | { accept: false; reason: string },
): Promise<void> {
  const { tender } = await visibleTender(ctx, orgId, tenderId);
  const offered = (await repo.awardsOf(ctx.db, tenderId)).find(
    (a) => a.status === 'offered' && a.bidderOrgId === orgId,
  );
  if (!offered) throw tenderErrors.raise('TENDER_AWARD_NOT_OFFERED');
  const accepted = answer.accept ? await acceptedAward(ctx, actor, tender, offered) : null;
  await ctx.db.transaction(async (tx) => {
    const closed = await repo.closeOffer(tx, offered.id, {
      status: answer.accept ? 'accepted' : 'declined',
      respondedAt: new Date(),
      respondedBy: actor.userId,
      reason: answer.accept ? null : answer.reason,
    });
    if (!closed) throw tenderErrors.raise('TENDER_AWARD_NOT_OFFERED');
    if (answer.accept) {
      await repo.updateTender(tx, tenderId, { status: 'awarded' });
      // 合作记录 and 匹配数据 subscribe to it (cooperation in this transaction, matching after commit)
      if (accepted) await ctx.events.publish(tx, 'tender.award_accepted', accepted);
    } else await cascade(ctx, tx, tender, offered.rank);
  });
}

/** What an accepted award tells the modules that react to it (read before the answer's transaction). */
async function acceptedAward(
  ctx: AppContext,
  actor: Actor,
  tender: { id: string; orgId: string; demandId: string; title: string },
  award: { id: string; bidderOrgId: string; amountFen: number },
): Promise<TenderAwardAccepted> {
  const demand = await getDemand(ctx, { userId: actor.userId, orgIds: [tender.orgId] }, tender.demandId);
  const [buyer, supplier] = await Promise.all([
    getOrganisation(ctx, tender.orgId),
    getOrganisation(ctx, award.bidderOrgId),
  ]);
  return {
    tenderId: tender.id,
    awardId: award.id,
    demandId: tender.demandId,
    title: tender.title,
    buyer: { orgId: buyer.id, name: buyer.name },
    supplier: { orgId: supplier.id, name: supplier.name },
    demand: {
      category: demand.category,
      title: demand.title,
      itemNames: demand.items?.map((i) => i.name) ?? [],
      regionCode: demand.regionCode,
    },
    amountFen: award.amountFen,
    acceptedOn: shanghaiDate(new Date()),
  };
}

/** The job at an offer's deadline: an unanswered offer lapses and passes on. */
export async function lapseAward(ctx: AppContext, awardId: string, now = new Date()): Promise<void> {
  const award = await repo.findAward(ctx.db, awardId);
  if (award?.status !== 'offered' || award.respondBy > now) return;
  const tender = await repo.findTender(ctx.db, award.tenderId);
  if (!tender) return;
  await ctx.db.transaction(async (tx) => {
    const closed = await repo.closeOffer(tx, awardId, {
      status: 'lapsed',
      respondedAt: now,
      respondedBy: null,
      reason: `${tender.awardResponseDays} 个工作日内未答复 / no answer within ${tender.awardResponseDays} working days`,
    });
    if (closed) await cascade(ctx, tx, tender, award.rank);
  });
}

/**
 * 生成合同: from the accepted award, through the contracts module; the award fills the parties, amount, priced
 * bill of quantities, scope and dates, the buyer the remaining fields. Negotiation and signing follow as usual.
 */
export async function contractFromAward(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  tenderId: string,
  input: { kind?: ContractKind | undefined; variables: Record<string, string | number> },
): Promise<string> {
  const tender = await buyerTender(ctx, orgId, tenderId);
  if (tender.contractId) throw tenderErrors.raise('TENDER_CONTRACT_EXISTS');
  if (tender.status !== 'awarded') throw tenderErrors.raise('TENDER_NOT_AWARDED');
  const award = (await repo.awardsOf(ctx.db, tenderId)).find((a) => a.status === 'accepted');
  if (!award) throw tenderErrors.raise('TENDER_NOT_AWARDED');
  const bid = await repo.findBid(ctx.db, tenderId, award.bidderOrgId);
  if (!bid) throw tenderErrors.raise('TENDER_BID_NOT_FOUND');
  const content = decryptBid(ctx, tender, await repo.releaseKey(ctx.db, tenderId), bid);
  const kind: ContractKind = input.kind ?? (tender.demandType === 'procurement' ? 'purchase' : 'subcontract');
  const contractId = await createContract(ctx, actor, orgId, {
    kind,
    counterpartyOrgId: award.bidderOrgId,
    title: tender.title,
    variables: input.variables,
    award: {
      projectName: tender.projectName,
      scope: `${tender.title}：${tender.items.map((i) => `${i.name} ${i.quantity}${i.unit}`).join('，')}`,
      amountFen: award.amountFen,
      boq: tender.items.map((item, i) => {
        const unitPriceFen = content.unitPricesFen[i] ?? 0;
        return { ...item, unitPriceFen, totalFen: Math.round(item.quantity * unitPriceFen) };
      }),
      startDate: tender.plannedStart,
      endDate: tender.plannedEnd,
    },
  });
  await ctx.db.transaction(async (tx) => {
    await repo.updateTender(tx, tenderId, { contractId, status: 'contracted' });
  });
  return contractId;
}
