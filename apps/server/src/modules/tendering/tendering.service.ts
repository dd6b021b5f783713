import type {
  AddendumBody,
  BidBody,
  ContractKind,
  CreateTenderBody,
  CreditGrade,
  PrequalReport,
  Tender,
  TenderStatus,
} from '@zhuhe/contracts';
import type { z } from 'zod';
import { addWorkingDays, shanghaiDate } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import { canonicalJson, randomToken, sha256Hex } from '../../infra/crypto';
import { newId } from '../../infra/ids';
import { queueMail } from '../../infra/mail/outbox';
import { createContract, signedContractCounts } from '../contracts';
import { type CooperationEvent, demandCategoryCode, recordCooperation } from '../cooperation';
import { creditGradeOf } from '../credit';
import { getDemand } from '../demands';
import { appendEvidence } from '../evidence';
import { getFile, readFileContent, storeFile } from '../files';
import { getUsers } from '../identity';
import { recordAwardToPushed } from '../matching';
import { getOrganisation, managersOf, membershipsOfUser } from '../organisation';
import { validQualifications } from '../verification';
import { envelopeHash, generateTenderKeys, openBid, sealBid } from './tendering.crypto';
import { tenderErrors } from './tendering.errors';
import { renderEvaluationPdf, renderOpeningPdf, renderPrequalPdf } from './tendering.pdf';
import * as repo from './tendering.repository';
import {
  bidTotalFen,
  demandGradeToQualificationGrade,
  GRADE_NAMES,
  gradeMeets,
  qualificationMatches,
  scoreBids,
} from './tendering.rules';
import type { EvaluationTable, OpenedBidRecord, OpeningRecord } from './tendering.tables';

export type { TenderRow } from './tendering.repository';

interface Actor {
  userId: string;
}
type Bilingual = { 'zh-CN': string; en: string };

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

// ——— loading and visibility ———

async function buyerTender(ctx: AppContext, orgId: string, tenderId: string, lock = false) {
  const tender = await repo.findTender(ctx.db, tenderId, lock);
  if (!tender || tender.orgId !== orgId) throw tenderErrors.raise('TENDER_NOT_FOUND');
  return tender;
}

/** A tender as one organisation may see it: its own as buyer, or a published one it may bid on or bid on. */
async function visibleTender(ctx: AppContext, orgId: string, tenderId: string) {
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
function displayStatus(tender: repo.TenderRow, now: Date): TenderStatus {
  if (tender.status === 'open' && now.getTime() >= tender.deadline.getTime()) return 'closed';
  return tender.status as TenderStatus;
}

async function orgName(ctx: AppContext, orgId: string): Promise<string> {
  return (await getOrganisation(ctx, orgId).catch(() => null))?.name ?? '—';
}

// ——— drafting and publishing ———

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
  const keys = generateTenderKeys(ctx.config.masterKey);
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

// ——— prequalification ———

/**
 * 资格预审 the automatic checks of one bidder: platform verification, a valid certificate of the required kind
 * and at least the required grade, credit grade (C may not bid, CREDIT-3), and past performance on the platform.
 */
export async function prequalify(
  ctx: AppContext,
  tender: repo.TenderRow,
  bidderOrgId: string,
  at: Date,
): Promise<PrequalReport> {
  const [qualifications, grades, counts, name] = await Promise.all([
    validQualifications(ctx, bidderOrgId, at),
    creditGradeOf(ctx, [bidderOrgId]),
    signedContractCounts(ctx, [bidderOrgId]),
    orgName(ctx, bidderOrgId),
  ]);
  const checks: PrequalReport['checks'] = [];
  const reasons: Bilingual[] = [];
  const requiredGrade = demandGradeToQualificationGrade(tender.qualificationGrade);
  const requirementZh = `${tender.qualificationKind || '不限类别'}，${tender.qualificationGrade}`;

  const verified = qualifications.length > 0;
  checks.push({
    key: 'verification',
    passed: verified,
    detail: verified
      ? { 'zh-CN': '已通过平台实名核验，资质证书在有效期内', en: 'Verified on the platform with certificates in force' }
      : {
          'zh-CN': '未通过平台实名核验或没有有效的资质证书',
          en: 'Not verified on the platform, or no certificate in force',
        },
  });
  if (!verified)
    reasons.push({ 'zh-CN': '未通过实名核验或资质证书已过期', en: 'not verified, or certificates have expired' });

  const matching = qualifications.filter(
    (q) => qualificationMatches(tender.qualificationKind, q) && gradeMeets(q.grade, requiredGrade),
  );
  const best = matching[0];
  checks.push({
    key: 'qualification',
    passed: Boolean(best),
    detail: best
      ? {
          'zh-CN': `${best.category}${GRADE_NAMES[best.grade] ?? best.grade}（证书 ${best.number}，有效期至 ${best.validUntil}）满足要求：${requirementZh}`,
          en: `${best.category} ${best.grade} (certificate ${best.number}, valid until ${best.validUntil}) meets the requirement`,
        }
      : {
          'zh-CN': `没有满足要求的有效资质（要求：${requirementZh}）`,
          en: `No certificate in force meets the requirement (${tender.qualificationKind || 'any kind'}, ${requiredGrade ?? 'any grade'})`,
        },
  });
  if (!best && verified)
    reasons.push({
      'zh-CN': `资质不满足要求（${requirementZh}）`,
      en: `no qualification meeting the requirement (${tender.qualificationKind || 'any kind'}, ${requiredGrade ?? 'any grade'})`,
    });

  const grade = grades.get(bidderOrgId)?.grade ?? null;
  const creditOk = grade !== 'C';
  checks.push({
    key: 'credit',
    passed: creditOk,
    detail: grade
      ? creditOk
        ? { 'zh-CN': `信用等级 ${grade}`, en: `Credit grade ${grade}` }
        : { 'zh-CN': '信用等级 C：按平台规则不得投标', en: 'Credit grade C: the platform rules bar it from bidding' }
      : { 'zh-CN': '尚未评定信用等级', en: 'No credit grade yet' },
  });
  if (!creditOk) reasons.push({ 'zh-CN': '信用等级为 C，不得投标', en: 'credit grade C may not bid' });

  const signed = counts.get(bidderOrgId) ?? 0;
  checks.push({
    key: 'performance',
    passed: true,
    detail: {
      'zh-CN': `在平台签署的合同 ${signed} 份`,
      en: `${signed} contract(s) signed on the platform`,
    },
  });
  return {
    tenderId: tender.id,
    bidderOrgId,
    bidderName: name,
    requirement: { kind: tender.qualificationKind, grade: tender.qualificationGrade },
    checkedAt: at.toISOString(),
    checks,
    creditGrade: grade,
    signedContracts: signed,
    result: reasons.length === 0 ? 'passed' : 'failed',
    reasons,
  };
}

/** 预审报告: a bidder sees its own at any time; the buyer sees every bidder's only after opening. */
export async function prequalReports(
  ctx: AppContext,
  orgId: string,
  tenderId: string,
  bidderOrgId?: string,
): Promise<{ title: string; reports: PrequalReport[] }> {
  const { tender, role } = await visibleTender(ctx, orgId, tenderId);
  if (role === 'bidder') {
    if (bidderOrgId && bidderOrgId !== orgId) throw tenderErrors.raise('TENDER_NOT_FOUND');
    return { title: tender.title, reports: [await prequalify(ctx, tender, orgId, await repo.dbNow(ctx.db))] };
  }
  const opening = await repo.findOpening(ctx.db, tenderId);
  if (!opening) throw tenderErrors.raise('TENDER_SEALED');
  const record = opening.record;
  const bidders = record.bids.filter((b) => !bidderOrgId || b.bidderOrgId === bidderOrgId);
  if (bidderOrgId && bidders.length === 0) throw tenderErrors.raise('TENDER_BID_NOT_FOUND');
  return {
    title: tender.title,
    reports: await Promise.all(bidders.map((b) => prequalify(ctx, tender, b.bidderOrgId, opening.openedAt))),
  };
}

export async function prequalPdf(ctx: AppContext, orgId: string, tenderId: string, bidderOrgId?: string) {
  const { title, reports } = await prequalReports(ctx, orgId, tenderId, bidderOrgId ?? orgId);
  const report = reports[0];
  if (!report) throw tenderErrors.raise('TENDER_BID_NOT_FOUND');
  return { name: `资格预审报告-${report.bidderName}.pdf`, bytes: await renderPrequalPdf(title, report) };
}

// ——— bids ———

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

function receiptOf(bid: repo.BidRow, tender: repo.TenderRow): Receipt {
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
function decrypt(ctx: AppContext, tender: repo.TenderRow, privateKeyEnc: string, bid: repo.BidRow): BidContent {
  const plain = openBid(
    ctx.config.masterKey,
    privateKeyEnc,
    tender.publicKey as string,
    tender.id,
    bid.orgId,
    bid.envelope,
  );
  return JSON.parse(plain) as BidContent;
}

// ——— opening ———

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
    const content = decrypt(ctx, tender, privateKeyEnc, bid);
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

// ——— evaluation ———

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
async function currentTable(ctx: AppContext, tender: repo.TenderRow, opening: repo.OpeningRow) {
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

type Tx = Parameters<typeof repo.insertKey>[0];

async function offer(
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
  const history = answer.accept ? await awardCooperation(ctx, actor, tender, offered) : null;
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
      if (history) await recordCooperation(ctx, history, tx);
    } else await cascade(ctx, tx, tender, offered.rank);
  });
  // 匹配数据: an award that goes to a supplier the matcher pushed counts for the matching figures.
  if (answer.accept) await recordAwardToPushed(ctx, tender.demandId, orgId);
}

/** 合作记录: an accepted award is history the matcher learns from (buyer, supplier, category, region, amount). */
async function awardCooperation(
  ctx: AppContext,
  actor: Actor,
  tender: { orgId: string; demandId: string; title: string },
  award: { id: string; bidderOrgId: string; amountFen: number },
): Promise<CooperationEvent> {
  const demand = await getDemand(ctx, { userId: actor.userId, orgIds: [tender.orgId] }, tender.demandId);
  const [buyer, supplier] = await Promise.all([
    getOrganisation(ctx, tender.orgId),
    getOrganisation(ctx, award.bidderOrgId),
  ]);
  return {
    source: 'award',
    sourceRef: award.id,
    buyer: { orgId: buyer.id, name: buyer.name },
    supplier: { orgId: supplier.id, name: supplier.name },
    categoryCode: demandCategoryCode(demand),
    regionCode: demand.regionCode,
    amountFen: award.amountFen,
    occurredOn: shanghaiDate(new Date()),
    title: tender.title,
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

// ——— contract ———

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
  const content = decrypt(ctx, tender, await repo.releaseKey(ctx.db, tenderId), bid);
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

// ——— views ———

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
  let openingView: Tender['opening'] = null;
  if (opening) {
    const record = opening.record;
    // Contents are decrypted on each read, through the key the database releases only after the deadline.
    const key = role === 'buyer' ? await repo.releaseKey(ctx.db, tenderId) : null;
    const all = role === 'buyer' ? await repo.bidsOf(ctx.db, tenderId) : [];
    openingView = {
      openedAt: opening.openedAt.toISOString(),
      sha256: opening.sha256,
      evidenceIndex: opening.evidenceIndex,
      bids: record.bids.map((b) => {
        const row = all.find((x) => x.id === b.bidId);
        const content = key && row && b.totalFen !== null ? decrypt(ctx, tender, key, row) : null;
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
  const evaluators = role === 'buyer' ? await repo.evaluatorsOf(ctx.db, tenderId) : [];
  const evaluatorNames = new Map(
    (
      await getUsers(
        ctx,
        evaluators.map((e) => e.userId),
      )
    ).map((u) => [u.id, u.displayName]),
  );
  let evaluationView: Tender['evaluation'] = null;
  if (opening && (role === 'buyer' || evaluation)) {
    const table = await currentTable(ctx, tender, opening);
    evaluationView = {
      finalisedAt: evaluation?.finalisedAt.toISOString() ?? null,
      sha256: evaluation?.sha256 ?? null,
      evidenceIndex: evaluation?.evidenceIndex ?? null,
      rows: (evaluation ? evaluation.table.rows : table.rows).map((r) => ({
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

/** The stored opening record or scoring table PDF (the file whose hash is in the evidence log). */
export async function documentPdf(
  ctx: AppContext,
  orgId: string,
  tenderId: string,
  which: 'opening' | 'evaluation',
): Promise<{ name: string; bytes: Buffer }> {
  const { tender } = await visibleTender(ctx, orgId, tenderId);
  const row =
    which === 'opening' ? await repo.findOpening(ctx.db, tenderId) : await repo.findEvaluation(ctx.db, tenderId);
  if (!row) throw tenderErrors.raise(which === 'opening' ? 'TENDER_NOT_OPENED' : 'TENDER_NOT_EVALUATING');
  const file = await getFile(ctx, tender.orgId, row.fileId);
  return { name: file.name, bytes: await readFileContent(ctx, file) };
}
