import type { AppContext } from '../../infra/context';
import { appendEvidence } from '../evidence';
import { storeFile } from '../files';
import { decryptBid } from './tendering.bids';
import { tenderErrors } from './tendering.errors';
import { renderOpeningPdf } from './tendering.pdf';
import { prequalify } from './tendering.prequalification';
import { buyerTender, orgName } from './tendering.queries';
import * as repo from './tendering.repository';
import type { OpenedBidRecord, OpeningRecord } from './tendering.tables';

interface Actor {
  userId: string;
}
type Bilingual = { 'zh-CN': string; en: string };

const INVALID = {
  unconfirmed: (v: number): Bilingual => ({
    'zh-CN': `未确认第 ${v} 版招标文件（补遗），投标无效`,
    en: `Did not confirm tender version ${v} (addendum); the bid is invalid`,
  }),
  withdrawn: { 'zh-CN': '投标人已在截止前撤回', en: 'Withdrawn by the bidder before the deadline' },
  prequal: (reasons: Bilingual[]): Bilingual => ({
    'zh-CN': `资格预审未通过：${reasons.map((r) => r['zh-CN']).join('；')}`,
    en: `Failed prequalification: ${reasons.map((r) => r.en).join('; ')}`,
  }),
};

/**
 * 开标: at or after the deadline (the database releases the key only then), by the job or by the buyer. Bids
 * confirmed against the current version are decrypted and their totals read out; withdrawn and unconfirmed bids
 * are listed with their hashes but stay sealed. The record is rendered as PDF and its hash logged.
 */
export async function openTender(
  ctx: AppContext,
  actor: Actor | null,
  orgId: string | null,
  tenderId: string,
): Promise<void> {
  const tender = orgId ? await buyerTender(ctx, orgId, tenderId) : await repo.findTender(ctx.db, tenderId);
  if (!tender || tender.status === 'draft') throw tenderErrors.raise('TENDER_NOT_FOUND');
  if (await repo.findOpening(ctx.db, tenderId)) return;
  const privateKeyEnc = await repo.releaseKey(ctx.db, tenderId);
  const openedAt = await repo.dbNow(ctx.db);
  const bids: OpenedBidRecord[] = [];
  for (const bid of await repo.bidsOf(ctx.db, tenderId)) {
    const base = {
      bidId: bid.id,
      bidderOrgId: bid.orgId,
      bidderName: await orgName(ctx, bid.orgId),
      envelopeSha256: bid.envelopeSha256,
      status: bid.status,
      confirmedVersion: bid.confirmedVersion,
      submittedAt: bid.submittedAt.toISOString(),
    };
    if (bid.status === 'withdrawn') {
      bids.push({ ...base, valid: false, invalidReason: INVALID.withdrawn, totalFen: null });
      continue;
    }
    if (bid.confirmedVersion !== tender.version) {
      bids.push({ ...base, valid: false, invalidReason: INVALID.unconfirmed(tender.version), totalFen: null });
      continue;
    }
    const content = decryptBid(ctx, tender, privateKeyEnc, bid);
    const report = await prequalify(ctx, tender, bid.orgId, openedAt);
    bids.push({
      ...base,
      valid: report.result === 'passed',
      invalidReason: report.result === 'passed' ? null : INVALID.prequal(report.reasons),
      totalFen: content.totalFen,
    });
  }
  const record: OpeningRecord = {
    tenderId,
    title: tender.title,
    buyerName: await orgName(ctx, tender.orgId),
    tenderVersion: tender.version,
    deadline: tender.deadline.toISOString(),
    openedAt: openedAt.toISOString(),
    bids,
  };
  const pdf = await renderOpeningPdf(record);
  await repo.guarded(() =>
    ctx.db.transaction(async (tx) => {
      const locked = await repo.findTender(tx, tenderId, true);
      if (locked?.status !== 'open') return;
      const file = await storeFile(
        ctx,
        {
          orgId: tender.orgId,
          userId: actor?.userId ?? null,
          name: `开标记录-${tender.title}.pdf`,
          bytes: pdf,
          accept: ['pdf'],
        },
        tx,
      );
      const entry = await appendEvidence(
        ctx,
        { kind: 'tender.opening', subject: `tender:${tenderId}:opening`, sha256: file.sha256, orgId: tender.orgId },
        tx,
      );
      await repo.insertOpening(tx, {
        tenderId,
        orgId: tender.orgId,
        openedAt,
        openedBy: actor?.userId ?? null,
        record,
        fileId: file.id,
        sha256: file.sha256,
        evidenceIndex: entry.entryIndex,
      });
      await repo.updateTender(tx, tenderId, { status: bids.some((b) => b.valid) ? 'evaluating' : 'failed' });
    }),
  );
}

/** The job at the deadline: opens the tender; if an addendum moved the deadline, the later job will. */
export async function openDueTender(ctx: AppContext, tenderId: string): Promise<void> {
  const tender = await repo.findTender(ctx.db, tenderId);
  if (!tender?.autoOpen) return;
  try {
    await openTender(ctx, null, null, tenderId);
  } catch (error) {
    if ((error as { code?: string }).code === 'TENDER_SEALED') return;
    throw error;
  }
}
