import type { AddendumBody, CreateTenderBody } from '@zhuhe/contracts';
import type { z } from 'zod';
import type { AppContext } from '../../infra/context';
import { canonicalJson, sha256Hex } from '../../infra/crypto';
import { newId } from '../../infra/ids';
import { queueMail } from '../../infra/mail/outbox';
import { getDemand } from '../demands';
import { appendEvidence } from '../evidence';
import { getUsers } from '../identity';
import { getOrganisation, managersOf } from '../organisation';
import { generateTenderKeys } from './tendering.crypto';
import { tenderErrors } from './tendering.errors';
import { buyerTender } from './tendering.queries';
import * as repo from './tendering.repository';

interface Actor {
  userId: string;
}

export async function createTender(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: z.output<typeof CreateTenderBody>,
): Promise<string> {
  const demand = await getDemand(ctx, { userId: actor.userId, orgIds: [orgId] }, input.demandId).catch(() => null);
  if (!demand || demand.orgId !== orgId || demand.status !== 'published')
    throw tenderErrors.raise('TENDER_DEMAND_INVALID');
  if (demand.items.length === 0) throw tenderErrors.raise('TENDER_ITEMS_EMPTY');
  const invitees = [...new Set(input.invitedOrgIds)].filter((id) => id !== orgId);
  if (input.mode === 'invited') {
    if (invitees.length === 0) throw tenderErrors.raise('TENDER_INVITEES_REQUIRED');
    for (const id of invitees)
      await getOrganisation(ctx, id).catch(() => {
        throw tenderErrors.raise('TENDER_INVITEES_REQUIRED');
      });
  }
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await repo.insertTender(tx, {
      orgId,
      id,
      demandId: demand.id,
      title: input.title,
      projectName: demand.projectName,
      mode: input.mode,
      status: 'draft',
      deadline: new Date(input.deadline),
      description: input.description,
      items: demand.items.map((i) => ({ name: i.name, spec: i.spec, unit: i.unit, quantity: i.quantity })),
      budgetFen: demand.budgetFen,
      demandType: demand.type,
      qualificationKind: demand.qualificationKind,
      qualificationGrade: demand.qualificationGrade,
      weights: input.weights,
      awardResponseDays: input.awardResponseDays,
      autoOpen: input.autoOpen,
      plannedStart: input.plannedStart ?? null,
      plannedEnd: input.plannedEnd ?? null,
      createdBy: actor.userId,
    });
    if (input.mode === 'invited')
      await repo.insertInvitations(
        tx,
        invitees.map((o) => ({ orgId: o, tenderId: id })),
      );
  });
  return id;
}

/** The published tender text, as hashed into the evidence log. */
function tenderDocument(tender: repo.TenderRow, deadline: Date) {
  return canonicalJson({
    id: tender.id,
    title: tender.title,
    projectName: tender.projectName,
    mode: tender.mode,
    deadline: deadline.toISOString(),
    description: tender.description,
    items: tender.items,
    qualification: { kind: tender.qualificationKind, grade: tender.qualificationGrade },
    weights: tender.weights,
    awardResponseDays: tender.awardResponseDays,
  });
}

/**
 * 发布: the tender gets its key pair and goes out. The deadline must leave at least the minimum bidding window by
 * the database's clock. `minWindowSeconds` lets the demo seeder publish short tenders; nothing over HTTP sets it.
 */
export async function publishTender(
  ctx: AppContext,
  _actor: Actor,
  orgId: string,
  tenderId: string,
  options: { minWindowSeconds?: number } = {},
): Promise<void> {
  const tender = await buyerTender(ctx, orgId, tenderId);
  if (tender.status !== 'draft') throw tenderErrors.raise('TENDER_NOT_DRAFT');
  const window = options.minWindowSeconds ?? ctx.config.tendering.minBiddingSeconds;
  const now = await repo.dbNow(ctx.db);
  const earliest = new Date(now.getTime() + window * 1000);
  if (tender.deadline.getTime() < earliest.getTime())
    throw tenderErrors.raise('TENDER_DEADLINE_TOO_SOON', {
      earliest: earliest.toISOString(),
      window: window >= 86_400 ? `${Math.round(window / 86_400)} 天/days` : `${window} s`,
    });
  const keys = generateTenderKeys(ctx.config.fieldKeys);
  const sha256 = sha256Hex(tenderDocument(tender, tender.deadline));
  await repo.guarded(() =>
    ctx.db.transaction(async (tx) => {
      await repo.insertKey(tx, { tenderId, orgId, privateKeyEnc: keys.privateKeyEnc });
      await repo.updateTender(tx, tenderId, {
        status: 'open',
        publicKey: keys.publicKey,
        publishedAt: now,
        publishedSha256: sha256,
      });
      await appendEvidence(ctx, { kind: 'tender.published', subject: `tender:${tenderId}:v1`, sha256, orgId }, tx);
      await scheduleOpening(ctx, tenderId, tender.deadline, tx);
    }),
  );
}

async function scheduleOpening(
  ctx: AppContext,
  tenderId: string,
  deadline: Date,
  tx: Parameters<typeof repo.insertKey>[0],
) {
  await ctx.jobs.enqueue(
    'tendering.open',
    { tenderId },
    { runAt: deadline, dedupeKey: `tender-open:${tenderId}:${deadline.toISOString()}` },
    tx,
  );
}

/**
 * 补遗: a new version of the tender (hashed into the evidence log). Every bidder's confirmation now refers to an
 * older version: they must re-confirm, or their bid is invalid at the deadline. The deadline may only move later.
 */
export async function addAddendum(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  tenderId: string,
  input: z.output<typeof AddendumBody>,
): Promise<void> {
  const tender = await buyerTender(ctx, orgId, tenderId);
  const now = await repo.dbNow(ctx.db);
  if (tender.status !== 'open' || now >= tender.deadline)
    throw tenderErrors.raise('TENDER_NOT_OPEN', { deadline: tender.deadline.toISOString() });
  const deadline = input.deadline ? new Date(input.deadline) : tender.deadline;
  if (deadline < tender.deadline) throw tenderErrors.raise('TENDER_DEADLINE_EARLIER');
  const versionNo = tender.version + 1;
  const sha256 = sha256Hex(
    canonicalJson({ tenderId, versionNo, summary: input.summary, body: input.body, deadline: deadline.toISOString() }),
  );
  // Everyone who has a bid in is told to read the addendum and re-confirm (the outbox sends after commit).
  const recipients: { id: string; email: string }[] = [];
  for (const bid of await repo.bidsOf(ctx.db, tenderId)) {
    if (bid.status !== 'submitted') continue;
    const users = await getUsers(ctx, await managersOf(ctx, bid.orgId));
    for (const u of users) if (u.email) recipients.push({ id: u.id, email: u.email });
  }
  await repo.guarded(
    () =>
      ctx.db.transaction(async (tx) => {
        const locked = await repo.findTender(tx, tenderId, true);
        if (!locked || locked.version !== tender.version)
          throw tenderErrors.raise('TENDER_VERSION_STALE', { current: locked?.version ?? 0 });
        const entry = await appendEvidence(
          ctx,
          { kind: 'tender.addendum', subject: `tender:${tenderId}:v${versionNo}`, sha256, orgId },
          tx,
        );
        await repo.insertAddendum(tx, {
          tenderId,
          orgId,
          versionNo,
          summary: input.summary,
          body: input.body,
          deadline,
          sha256,
          evidenceIndex: entry.entryIndex,
          createdBy: actor.userId,
        });
        await repo.updateTender(tx, tenderId, { version: versionNo, deadline });
        if (deadline.getTime() !== tender.deadline.getTime()) await scheduleOpening(ctx, tenderId, deadline, tx);
        for (const r of recipients)
          await queueMail(
            ctx.jobs,
            {
              to: r.email,
              subject: `【筑合】招标补遗：${tender.title}（第 ${versionNo} 版）/ Tender addendum`,
              text:
                `${tender.title} 发布了第 ${versionNo} 版补遗：${input.summary}\n请在投标截止（${deadline.toISOString()}）前登录平台阅读并确认，` +
                `未确认的投标在截止时视为无效。\n\nAn addendum (version ${versionNo}) was issued for ${tender.title}. ` +
                'Read and confirm it before the deadline, or your bid counts as invalid.',
            },
            { tx, dedupeKey: `tender-addendum:${tenderId}:v${versionNo}:${r.id}` },
          );
      }),
    tender.deadline,
  );
}
