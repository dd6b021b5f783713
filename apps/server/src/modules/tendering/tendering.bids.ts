import type { BidBody } from '@zhuhe/contracts';
import type { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { canonicalJson, randomToken, sha256Hex } from '../../infra/crypto';
import { newId } from '../../infra/ids';
import { appendEvidence } from '../evidence';
import { envelopeHash, openBid, sealBid } from './tendering.crypto';
import { tenderErrors } from './tendering.errors';
import { prequalify } from './tendering.prequalification';
import { visibleTender } from './tendering.queries';
import * as repo from './tendering.repository';
import { bidTotalFen } from './tendering.rules';

interface Actor {
  userId: string;
}

/** What a sealed envelope holds; only readable after the deadline. */
interface BidContent {
  tenderId: string;
  bidderOrgId: string;
  tenderVersion: number;
  constructionPlan: string;
  qualificationNumbers: string[];
  unitPricesFen: number[];
  totalFen: number;
  /** random, so equal bids do not produce guessable equal plaintexts */
  salt: string;
}

export interface Receipt {
  bidId: string;
  status: 'submitted' | 'withdrawn';
  revision: number;
  envelopeSha256: string;
  evidenceIndex: number | null;
  confirmedVersion: number;
  needsReconfirmation: boolean;
  submittedAt: string;
}

export function receiptOf(bid: repo.BidRow, tender: repo.TenderRow): Receipt {
  return {
    bidId: bid.id,
    status: bid.status as 'submitted' | 'withdrawn',
    revision: bid.revision,
    envelopeSha256: bid.envelopeSha256,
    evidenceIndex: bid.evidenceIndex,
    confirmedVersion: bid.confirmedVersion,
    needsReconfirmation: bid.status === 'submitted' && bid.confirmedVersion < tender.version,
    submittedAt: bid.submittedAt.toISOString(),
  };
}

async function biddableTender(ctx: AppContext, orgId: string, tenderId: string) {
  const { tender, role } = await visibleTender(ctx, orgId, tenderId);
  if (role === 'buyer') throw tenderErrors.raise('TENDER_OWN_TENDER');
  const now = await repo.dbNow(ctx.db);
  if (tender.status !== 'open' || now >= tender.deadline || !tender.publicKey)
    throw tenderErrors.raise('TENDER_NOT_OPEN', { deadline: tender.deadline.toISOString() });
  return tender;
}

/**
 * 投标 / 修改投标: the bid is checked (prequalification, prices for every line), sealed to the tender's public
 * key at once and only the envelope is stored. The envelope's hash is the bidder's receipt and goes into the
 * evidence log. A new submission replaces the previous one and confirms the current tender version.
 */
export async function submitBid(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  tenderId: string,
  input: z.output<typeof BidBody>,
): Promise<Receipt> {
  const tender = await biddableTender(ctx, orgId, tenderId);
  if (input.tenderVersion !== tender.version)
    throw tenderErrors.raise('TENDER_VERSION_STALE', { current: tender.version });
  if (input.unitPricesFen.length !== tender.items.length)
    throw tenderErrors.raise('TENDER_PRICES_MISMATCH', {
      given: input.unitPricesFen.length,
      expected: tender.items.length,
    });
  const report = await prequalify(ctx, tender, orgId, await repo.dbNow(ctx.db));
  if (report.result === 'failed')
    throw tenderErrors.raise('TENDER_BIDDER_REFUSED', {
      reasons: report.reasons.map((r) => r['zh-CN']).join('；'),
      reasonsEn: report.reasons.map((r) => r.en).join('; '),
    });
  const existing = await repo.findBid(ctx.db, tenderId, orgId);
  const bidId = existing?.id ?? newId();
  const revision = (existing?.revision ?? 0) + 1;
  const content: BidContent = {
    tenderId,
    bidderOrgId: orgId,
    tenderVersion: tender.version,
    constructionPlan: input.constructionPlan,
    qualificationNumbers: input.qualificationNumbers,
    unitPricesFen: input.unitPricesFen,
    totalFen: bidTotalFen(tender.items, input.unitPricesFen),
    salt: randomToken(16),
  };
  const envelope = sealBid(tender.publicKey as string, tenderId, orgId, canonicalJson(content));
  const hash = envelopeHash(envelope);
  await repo.guarded(
    () =>
      ctx.db.transaction(async (tx) => {
        const entry = await appendEvidence(
          ctx,
          { kind: 'tender.bid', subject: `tender:${tenderId}:bid:${bidId}:r${revision}`, sha256: hash, orgId },
          tx,
        );
        const fields = {
          status: 'submitted',
          revision,
          envelope,
          envelopeSha256: hash,
          confirmedVersion: tender.version,
          evidenceIndex: entry.entryIndex,
          submittedBy: actor.userId,
          submittedAt: new Date(),
        };
        if (existing) await repo.updateBid(tx, orgId, bidId, fields);
        else await repo.insertBid(tx, { orgId, id: bidId, tenderId, ...fields });
        await repo.insertReceipt(tx, {
          orgId,
          id: newId(),
          bidId,
          tenderId,
          action: 'submitted',
          revision,
          tenderVersion: tender.version,
          envelopeSha256: hash,
          userId: actor.userId,
        });
        if (!existing || existing.status === 'withdrawn')
          await ctx.events.publish(tx, 'tender.bid_received', {
            tenderId,
            buyerOrgId: tender.orgId,
            bidCount: (await repo.bidCounts(tx, [tenderId])).get(tenderId) ?? 0,
          });
      }),
    tender.deadline,
  );
  return myReceipt(ctx, orgId, tenderId);
}

export async function myReceipt(ctx: AppContext, orgId: string, tenderId: string): Promise<Receipt> {
  const { tender } = await visibleTender(ctx, orgId, tenderId);
  const bid = await repo.findBid(ctx.db, tenderId, orgId);
  if (!bid) throw tenderErrors.raise('TENDER_BID_NOT_FOUND');
  return receiptOf(bid, tender);
}

/** 确认补遗: the bidder confirms its sealed bid stands under the current tender version. */
export async function confirmBid(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  tenderId: string,
  tenderVersion: number,
): Promise<Receipt> {
  const tender = await biddableTender(ctx, orgId, tenderId);
  if (tenderVersion !== tender.version) throw tenderErrors.raise('TENDER_VERSION_STALE', { current: tender.version });
  const bid = await repo.findBid(ctx.db, tenderId, orgId);
  if (bid?.status !== 'submitted') throw tenderErrors.raise('TENDER_BID_NOT_FOUND');
  const sha256 = sha256Hex(canonicalJson({ bidId: bid.id, envelopeSha256: bid.envelopeSha256, tenderVersion }));
  await repo.guarded(
    () =>
      ctx.db.transaction(async (tx) => {
        await appendEvidence(
          ctx,
          {
            kind: 'tender.bid.confirmed',
            subject: `tender:${tenderId}:bid:${bid.id}:v${tenderVersion}`,
            sha256,
            orgId,
          },
          tx,
        );
        await repo.updateBid(tx, orgId, bid.id, { confirmedVersion: tenderVersion });
        await repo.insertReceipt(tx, {
          orgId,
          id: newId(),
          bidId: bid.id,
          tenderId,
          action: 'confirmed',
          revision: bid.revision,
          tenderVersion,
          envelopeSha256: bid.envelopeSha256,
          userId: actor.userId,
        });
      }),
    tender.deadline,
  );
  return myReceipt(ctx, orgId, tenderId);
}

/** 撤回投标 before the deadline; the envelope stays (its hash was receipted) but is never opened. */
export async function withdrawBid(ctx: AppContext, actor: Actor, orgId: string, tenderId: string): Promise<Receipt> {
  const tender = await biddableTender(ctx, orgId, tenderId);
  const bid = await repo.findBid(ctx.db, tenderId, orgId);
  if (bid?.status !== 'submitted') throw tenderErrors.raise('TENDER_BID_NOT_FOUND');
  await repo.guarded(
    () =>
      ctx.db.transaction(async (tx) => {
        await repo.updateBid(tx, orgId, bid.id, { status: 'withdrawn' });
        await repo.insertReceipt(tx, {
          orgId,
          id: newId(),
          bidId: bid.id,
          tenderId,
          action: 'withdrawn',
          revision: bid.revision,
          tenderVersion: tender.version,
          envelopeSha256: bid.envelopeSha256,
          userId: actor.userId,
        });
      }),
    tender.deadline,
  );
  return myReceipt(ctx, orgId, tenderId);
}

/** Decrypts one envelope with the key the database released (so only after the deadline). */
export function decryptBid(
  ctx: AppContext,
  tender: repo.TenderRow,
  privateKeyEnc: string,
  bid: repo.BidRow,
): BidContent {
  const plain = openBid(
    ctx.config.fieldKeys,
    privateKeyEnc,
    tender.publicKey as string,
    tender.id,
    bid.orgId,
    bid.envelope,
  );
  return JSON.parse(plain) as BidContent;
}
