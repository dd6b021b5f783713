import { type CreditGrade, type CreditPolicyBody, RATING_ASPECTS, type RatingBody } from '@zhuhe/contracts';
import { appendAuditInTx } from '../../infra/audit/audit-chain';
import { shanghaiDate } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import { sha256Hex } from '../../infra/crypto';
import type { DbOrTx } from '../../infra/db/client';
import type { DomainEvents } from '../../infra/events';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import type { ContractSigned } from '../contracts';
import { paymentFacts } from '../escrow';
import { payeeTrackRecord } from '../execution';
import { getOrganisation } from '../organisation';
import type { SettlementSealed } from '../settlement';
import { defineSensitiveAction, requestSensitiveAction } from '../staff';
import { validQualificationsOf } from '../verification';
import type { WageMonthRecorded } from '../wages';
import { creditErrors } from './credit.errors';
import type { CreditRated, DisputeResolved } from './credit.events';
import * as repo from './credit.repository';
import {
  advice,
  type CreditFacts,
  type CreditPolicy,
  DEFAULT_POLICY,
  type Dimension,
  EMPTY_FACTS,
  explain,
  policyProblem,
  rate,
} from './credit.scoring';

export type { MonthlyRow, RatingRow } from './credit.repository';

export interface CreditGradeInfo {
  orgId: string;
  grade: CreditGrade;
  assessedAt: Date;
  source: string;
}

const OFFSET_MS = 8 * 3_600_000;

// ── read models (in the publisher's transaction) ───────────────────────────

export async function recordSignedContract(tx: DbOrTx, e: ContractSigned): Promise<void> {
  await repo.recordContract(
    tx,
    {
      contractId: e.contractId,
      buyerOrgId: e.buyer.orgId,
      supplierOrgId: e.supplier.orgId,
      amountFen: e.amountFen,
      signedOn: e.signedOn,
    },
    e.amendment,
  );
}

export async function recordSealedSettlement(tx: DbOrTx, e: SettlementSealed): Promise<void> {
  const common = { settlementId: e.settlementId, contractId: e.contractId, milestoneId: e.milestoneId };
  await repo.recordTransactions(tx, [
    { ...common, orgId: e.buyerOrgId, role: 'buyer', grossFen: e.grossFen, sealedAt: new Date(e.sealedAt) },
    { ...common, orgId: e.supplierOrgId, role: 'supplier', grossFen: e.grossFen, sealedAt: new Date(e.sealedAt) },
  ]);
}

/**
 * 工资月报 from the wage rule's monthly close (`wages.month_recorded`, in its transaction): one row per contract and
 * month with workers on site, paid or not.
 */
export async function recordWageMonth(tx: DbOrTx, e: WageMonthRecorded): Promise<void> {
  await repo.recordWageMonths(
    tx,
    e.contracts.map((c) => ({ orgId: e.orgId, contractId: c.contractId, month: e.month, paid: c.paid })),
  );
}

/** 融资逾期 from finance's daily overdue job, in its transaction (once per loan). */
export async function recordLoanOverdue(tx: DbOrTx, e: DomainEvents['finance.loan_overdue']): Promise<void> {
  await repo.recordLoanOverdue(tx, {
    applicationId: e.applicationId,
    orgId: e.borrowerOrgId,
    dueDate: e.dueDate,
    detectedAt: new Date(e.detectedAt),
  });
}

/** 纠纷结果: the claimant wins when the outcome favours it, the respondent loses, and the other way round. */
export async function recordDisputeResolved(tx: DbOrTx, e: DisputeResolved): Promise<void> {
  const resultFor = (side: 'claimant' | 'respondent') =>
    e.outcome === 'split' || e.outcome === 'withdrawn' ? e.outcome : e.outcome === side ? 'won' : 'lost';
  const decidedAt = new Date(e.decidedAt);
  await repo.recordDisputes(tx, [
    { disputeId: e.disputeId, orgId: e.claimantOrgId, result: resultFor('claimant'), level: e.level, decidedAt },
    { disputeId: e.disputeId, orgId: e.respondentOrgId, result: resultFor('respondent'), level: e.level, decidedAt },
  ]);
}

// ── 行业口碑 ratings ────────────────────────────────────────────────────────

/** A party of a signed contract rates the other party: 1–5 stars per aspect and a text, once per contract. */
export async function rateCounterparty(ctx: AppContext, actor: Actor, orgId: string, input: RatingBody) {
  for (const aspect of RATING_ASPECTS) {
    const stars = input.stars[aspect];
    if (!Number.isInteger(stars) || stars < 1 || stars > 5) throw creditErrors.raise('CREDIT_STARS_OUT_OF_RANGE');
  }
  const contract = await repo.findContract(ctx.db, input.contractId);
  const parties = contract ? [contract.buyerOrgId, contract.supplierOrgId] : [];
  if (!contract || !parties.includes(orgId) || !parties.includes(input.ratedOrgId) || input.ratedOrgId === orgId)
    throw creditErrors.raise('CREDIT_NO_CONTRACT');
  return ctx.db.transaction(async (tx) => {
    const saved = await repo.insertRating(tx, {
      id: newId(),
      contractId: input.contractId,
      raterOrgId: orgId,
      ratedOrgId: input.ratedOrgId,
      ...input.stars,
      comment: input.comment,
      createdBy: actor.userId,
    });
    if (!saved) throw creditErrors.raise('CREDIT_ALREADY_RATED');
    await appendAuditInTx(tx, {
      actorUserId: actor.userId,
      orgId,
      action: 'credit.rating',
      target: `${input.contractId} → ${input.ratedOrgId}`,
      digest: sha256Hex(JSON.stringify(input)),
      ip: null,
    });
    return saved;
  });
}

export async function ratingsOfContract(ctx: AppContext, orgId: string, contractId: string) {
  const contract = await repo.findContract(ctx.db, contractId);
  if (!contract || (contract.buyerOrgId !== orgId && contract.supplierOrgId !== orgId))
    throw creditErrors.raise('CREDIT_CONTRACT_NOT_FOUND');
  return repo.ratingsFor(ctx.db, { contractId });
}

// ── 纳税记录 tax records: an adapter ──────────────────────────────────────────

/**
 * Where tax records come from. The built-in source is what the organisation declares itself; a connection to the
 * tax bureau (金税) would implement the same interface.
 */
export interface TaxRecordSource {
  name: string;
  yearsOf(orgIds: string[], upToYear: number): Promise<Map<string, { year: number; paidOnTime: boolean }[]>>;
}

export function declaredTaxRecords(ctx: AppContext): TaxRecordSource {
  return {
    name: 'declared',
    async yearsOf(orgIds, upToYear) {
      const out = new Map<string, { year: number; paidOnTime: boolean }[]>();
      for (const r of await repo.taxDeclarations(ctx.db, orgIds, upToYear))
        out.set(r.orgId, [...(out.get(r.orgId) ?? []), { year: r.year, paidOnTime: r.paidOnTime }]);
      return out;
    },
  };
}

export async function declareTaxYear(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: { year: number; paidOnTime: boolean },
) {
  await repo.upsertTaxDeclaration(ctx.db, { orgId, ...input, declaredBy: actor.userId });
}

// ── 评级政策 the policy, changed under dual control ─────────────────────────────

export async function currentPolicy(db: DbOrTx): Promise<CreditPolicy> {
  const row = await repo.latestPolicy(db);
  if (!row) return DEFAULT_POLICY;
  return {
    version: row.version,
    weights: row.weights as CreditPolicy['weights'],
    thresholds: row.thresholds as CreditPolicy['thresholds'],
    priorStrength: row.priorStrength,
  };
}

function assertPolicy(p: CreditPolicyBody) {
  const problem = policyProblem(p);
  if (problem?.code === 'CREDIT_WEIGHTS_NOT_100') throw creditErrors.raise(problem.code, { sum: problem.sum });
  if (problem) throw creditErrors.raise(problem.code);
}

type PolicyPayload = CreditPolicyBody & { requestedBy: string };

/** 双人复核: a new policy version runs only after a second staff member (admin or risk) approves it. */
export const changeCreditPolicy = defineSensitiveAction<PolicyPayload>({
  name: 'credit.policy.change',
  roles: ['admin', 'risk'],
  summary: (p) => ({
    'zh-CN': `信用评级政策：权重 履约${p.weights.performance}/交易${p.weights.transactions}/口碑${p.weights.reputation}/资质${p.weights.qualification}/社会责任${p.weights.social}，AAA≥${p.thresholds.AAA}`,
    en: `Credit policy: weights ${p.weights.performance}/${p.weights.transactions}/${p.weights.reputation}/${p.weights.qualification}/${p.weights.social}, AAA ≥ ${p.thresholds.AAA}`,
  }),
  async validate(_ctx, p) {
    assertPolicy(p);
  },
  async execute(tx, p, meta) {
    const current = await repo.latestPolicy(tx);
    await repo.insertPolicy(tx, {
      version: (current?.version ?? 0) + 1,
      weights: p.weights,
      thresholds: p.thresholds,
      priorStrength: p.priorStrength,
      note: p.note,
      requestedBy: p.requestedBy,
      approvedBy: meta.approvedBy,
      dualControlRequestId: meta.requestId,
    });
  },
});

export async function requestCreditPolicyChange(ctx: AppContext, actor: Actor, input: CreditPolicyBody) {
  assertPolicy(input);
  const payload: PolicyPayload = { ...input, requestedBy: actor.userId };
  const request = await requestSensitiveAction(ctx, actor, changeCreditPolicy.name, payload);
  return { requestId: request.id, status: 'pending' as const, summary: changeCreditPolicy.summary(payload) };
}

// ── 人工复核 manual review under dual control ─────────────────────────────────

type ReviewPayload = { orgId: string; grade: CreditGrade; reason: string; expiresOn: string; requestedBy: string };

export const reviewCreditGrade = defineSensitiveAction<ReviewPayload>({
  name: 'credit.grade.review',
  roles: ['admin', 'risk'],
  summary: (p) => ({
    'zh-CN': `人工复核信用等级为 ${p.grade}（至 ${p.expiresOn}）：${p.reason}`,
    en: `Manual review: credit grade ${p.grade} until ${p.expiresOn}: ${p.reason}`,
  }),
  async validate(ctx, p) {
    await getOrganisation(ctx, p.orgId).catch(() => {
      throw creditErrors.raise('CREDIT_ORG_NOT_FOUND');
    });
    if (p.expiresOn <= shanghaiDate(new Date())) throw creditErrors.raise('CREDIT_REVIEW_EXPIRY_PAST');
  },
  async execute(tx, p, meta) {
    await repo.insertOverride(tx, {
      id: newId(),
      orgId: p.orgId,
      grade: p.grade,
      reason: p.reason,
      expiresOn: p.expiresOn,
      requestedBy: p.requestedBy,
      approvedBy: meta.approvedBy,
      dualControlRequestId: meta.requestId,
    });
    await appendAuditInTx(tx, {
      actorUserId: meta.approvedBy,
      orgId: p.orgId,
      action: 'credit.review',
      target: `${p.grade} until ${p.expiresOn}`,
      digest: sha256Hex(JSON.stringify(p)),
      ip: null,
    });
  },
});

export async function requestCreditReview(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: { grade: CreditGrade; reason: string; expiresOn: string },
) {
  const payload: ReviewPayload = { orgId, ...input, requestedBy: actor.userId };
  const request = await requestSensitiveAction(ctx, actor, reviewCreditGrade.name, payload);
  return { requestId: request.id, status: 'pending' as const, summary: reviewCreditGrade.summary(payload) };
}

// ── 月度评级 the monthly recalculation ──────────────────────────────────────────

/** The instant the month ends (Shanghai), or now for the running month. */
export function monthEnd(month: string, now = new Date()): Date {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const end = new Date(Date.UTC(y, m, 1) - OFFSET_MS - 1);
  return end < now ? end : now;
}

export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 2, 1));
  return d.toISOString().slice(0, 7);
}

export function monthOfInstant(at: Date): string {
  return shanghaiDate(at).slice(0, 7);
}

/** Everything the rating knows about each organisation at `until`. */
export async function creditFacts(
  ctx: AppContext,
  orgIds: string[],
  until: Date,
  tax: TaxRecordSource = declaredTaxRecords(ctx),
): Promise<Map<string, CreditFacts>> {
  const facts = new Map(orgIds.map((id) => [id, { ...EMPTY_FACTS, qualificationGrades: [] as string[] }]));
  const [track, tx, disputes, ratings, quals, taxes, payments, loanOverdues] = await Promise.all([
    payeeTrackRecord(ctx, orgIds, until),
    repo.transactionFacts(ctx.db, orgIds, until),
    repo.disputeFacts(ctx.db, orgIds, until),
    repo.ratingFacts(ctx.db, orgIds, until),
    validQualificationsOf(ctx, orgIds, until),
    tax.yearsOf(orgIds, Number(shanghaiDate(until).slice(0, 4))),
    paymentFacts(ctx, orgIds, until),
    repo.loanOverdueFacts(ctx.db, orgIds, until),
  ]);
  const wageMonths = await repo.wageMonthFacts(ctx.db, orgIds, monthOfInstant(until));
  const allDue = [...track.values()].flatMap((t) => t.milestonesDue);
  const sealed = new Map(
    (
      await repo.sealedMilestones(
        ctx.db,
        allDue.map((m) => m.milestoneId),
        until,
      )
    ).map((r) => [r.milestoneId, r.sealedOn]),
  );
  for (const [orgId, t] of track) {
    const f = facts.get(orgId);
    if (!f) continue;
    f.milestonesDue = t.milestonesDue.length;
    for (const m of t.milestonesDue) {
      const on = sealed.get(m.milestoneId);
      if (on === undefined) continue;
      f.milestonesCompleted += 1;
      if (on <= m.dueDate) f.milestonesOnTime += 1;
    }
    f.logsAccepted = t.logsAccepted;
    f.logsSentBack = t.logsSentBack;
  }
  for (const r of tx) {
    const f = facts.get(r.orgId);
    if (f) Object.assign(f, { transactions: r.n, volumeFen: r.volumeFen });
  }
  for (const r of disputes) {
    const f = facts.get(r.orgId);
    if (!f) continue;
    if (r.result === 'lost') f.disputesLost += r.n;
    else if (r.result === 'won') f.disputesWon += r.n;
    else if (r.result === 'split') f.disputesSplit += r.n;
  }
  for (const r of ratings) {
    const f = facts.get(r.orgId);
    if (f) Object.assign(f, { ratings: r.n, ratingStarsSum: r.starsSum });
  }
  for (const [orgId, list] of quals) {
    const f = facts.get(orgId);
    if (f) f.qualificationGrades = list.map((q) => q.grade);
  }
  for (const [orgId, p] of payments) {
    const f = facts.get(orgId);
    if (f) Object.assign(f, p);
  }
  // 农民工工资按月发放: the months with workers on site, as the wage rule recorded them (`wages.month_recorded`)
  for (const r of wageMonths) {
    const f = facts.get(r.orgId);
    if (f) Object.assign(f, { labourShares: r.n, labourPaidOut: r.paid });
  }
  // a financed receivable's repayment missed: one more scheduled payment, not made on time
  for (const r of loanOverdues) {
    const f = facts.get(r.orgId);
    if (f) f.scheduleDue += r.n;
  }
  for (const [orgId, years] of taxes) {
    const f = facts.get(orgId);
    if (f)
      Object.assign(f, { taxYearsDeclared: years.length, taxYearsOnTime: years.filter((y) => y.paidOnTime).length });
  }
  return facts;
}

/**
 * Organisations whose facts are read at once: each fact query runs once per 10,000 organisations, with the ids as
 * one array parameter, instead of once per 2,000 (fewer round trips and plans; the first read, which nothing
 * overlaps, stays short).
 */
const READ_CHUNK = 10_000;
/** Organisations per write transaction: the month rows and their outbox deliveries. */
const WRITE_BATCH = 2000;

/**
 * 月度重算: rates every organisation the platform knows anything about (or the given ones) for `month`, keeps the
 * result per month, explains it against the previous month and publishes `credit.rated` for each.
 */
export async function recalculateMonth(
  ctx: AppContext,
  month: string,
  options: { orgIds?: string[]; now?: Date; tax?: TaxRecordSource } = {},
): Promise<{ rated: number; month: string }> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw creditErrors.raise('CREDIT_MONTH_INVALID');
  const now = options.now ?? ctx.clock.now();
  const until = monthEnd(month, now);
  const policy = await currentPolicy(ctx.db);
  const population = options.orgIds ?? (await repo.ratedPopulation(ctx.db));
  let rated = 0;
  // A pipeline: the next chunk's facts are read while this chunk is scored and written, one write transaction at
  // a time, in order (reads outside the write transactions; a batch's writes are this month's rows, which no fact
  // query reads).
  const load = (orgIds: string[]) => {
    const loading = Promise.all([
      creditFacts(ctx, orgIds, until, options.tax),
      repo.monthOf(ctx.db, orgIds, previousMonth(month)),
    ]);
    loading.catch(() => undefined); // awaited below; this only keeps a failure while a write runs from going unhandled
    return loading;
  };
  let next = population.length > 0 ? load(population.slice(0, READ_CHUNK)) : null;
  let writing: Promise<void> | null = null;
  for (let c = 0; c < population.length && next; c += READ_CHUNK) {
    const chunk = population.slice(c, c + READ_CHUNK);
    const [facts, previous] = await next;
    next = c + READ_CHUNK < population.length ? load(population.slice(c + READ_CHUNK, c + 2 * READ_CHUNK)) : null;
    const prevByOrg = new Map(previous.map((p) => [p.orgId, p]));
    for (let i = 0; i < chunk.length; i += WRITE_BATCH) {
      const rows = chunk.slice(i, i + WRITE_BATCH).map((orgId) => {
        const r = rate(facts.get(orgId) ?? EMPTY_FACTS, policy);
        const prev = prevByOrg.get(orgId);
        return {
          row: {
            orgId,
            month,
            score: r.score,
            grade: r.grade,
            policyVersion: policy.version,
            thin: r.thin,
            dimensions: r.dimensions,
            computedAt: now,
          },
          event: {
            orgId,
            month,
            grade: r.grade,
            previousGrade: (prev?.grade as CreditRated['previousGrade']) ?? null,
            score: r.score,
          } satisfies CreditRated,
        };
      });
      await writing;
      writing = ctx.db.transaction(async (tx) => {
        await repo.upsertMonth(
          tx,
          rows.map((r) => r.row),
        );
        await ctx.events.publishAll(
          tx,
          'credit.rated',
          rows.map((r) => r.event),
        );
      });
      writing.catch(() => undefined); // awaited on the next turn or below
      rated += rows.length;
    }
  }
  await writing;
  return { rated, month };
}

// ── what other modules read ─────────────────────────────────────────────────

/**
 * The grade in force for each organisation that has one: a manual review still in force, else the latest
 * computed month, else a grade staff recorded from an outside assessment.
 */
export async function creditGradeOf(ctx: AppContext, orgIds: readonly string[]): Promise<Map<string, CreditGradeInfo>> {
  const today = shanghaiDate(ctx.clock.now());
  const [overrides, months, outside] = await Promise.all([
    repo.overridesInForce(ctx.db, orgIds, today),
    repo.latestMonths(ctx.db, orgIds),
    repo.gradesOf(ctx.db, orgIds),
  ]);
  const out = new Map<string, CreditGradeInfo>();
  for (const r of outside)
    out.set(r.orgId, { orgId: r.orgId, grade: r.grade as CreditGrade, assessedAt: r.assessedAt, source: r.source });
  for (const m of months)
    out.set(m.orgId, {
      orgId: m.orgId,
      grade: m.grade as CreditGrade,
      assessedAt: m.computedAt,
      source: `平台评级 platform rating ${m.month}`,
    });
  for (const o of overrides)
    out.set(o.orgId, {
      orgId: o.orgId,
      grade: o.grade as CreditGrade,
      assessedAt: o.createdAt,
      source: `人工复核 manual review: ${o.reason}`,
    });
  return out;
}

/** The latest computed total score (0–100) of each rated organisation (tiers: certified → VIP at ≥ 90). */
export async function creditScoresOf(ctx: AppContext, orgIds: readonly string[]): Promise<Map<string, number>> {
  return new Map((await repo.latestMonths(ctx.db, orgIds)).map((m) => [m.orgId, m.score]));
}

/** 利率优惠 the finance rate discount the grade earns, basis points (CREDIT-3: AAA gets the discount). */
export async function rateDiscountBp(ctx: AppContext, orgId: string): Promise<number> {
  const grade = (await creditGradeOf(ctx, [orgId])).get(orgId)?.grade;
  return grade === 'AAA' ? 50 : grade === 'AA' ? 20 : 0;
}

/** Staff record a grade from an outside assessment (or the demo); below the computed rating and any review. */
export async function setCreditGrade(
  ctx: AppContext,
  actor: { userId: string } | null,
  orgId: string,
  input: { grade: CreditGrade; source: string; assessedAt?: Date },
): Promise<CreditGradeInfo> {
  await getOrganisation(ctx, orgId).catch(() => {
    throw creditErrors.raise('CREDIT_ORG_NOT_FOUND');
  });
  const row = await repo.upsertGrade(ctx.db, {
    orgId,
    grade: input.grade,
    assessedAt: input.assessedAt ?? new Date(),
    source: input.source,
    setByUserId: actor?.userId ?? null,
  });
  return { orgId: row.orgId, grade: row.grade as CreditGrade, assessedAt: row.assessedAt, source: row.source };
}

/** 信用档案 what the organisation's credit page shows (404 for an unknown organisation). */
export async function creditProfile(ctx: AppContext, orgId: string) {
  await getOrganisation(ctx, orgId).catch(() => {
    throw creditErrors.raise('CREDIT_ORG_NOT_FOUND');
  });
  const [grades, history, overrides, received, disputes] = await Promise.all([
    creditGradeOf(ctx, [orgId]),
    repo.historyOf(ctx.db, orgId),
    repo.overridesInForce(ctx.db, [orgId], shanghaiDate(ctx.clock.now())),
    repo.ratingsFor(ctx.db, { ratedOrgId: orgId }, 1000),
    repo.disputeResultsOf(ctx.db, orgId, 10),
  ]);
  // the explanation is derived from this month's and the month before's dimensions when it is read, not stored:
  // stored, it doubled each month row past PostgreSQL's 2 kB TOAST threshold and was most of the batch's write cost
  const previous = history[1]?.month === (history[0] ? previousMonth(history[0].month) : null) ? history[1] : null;
  const latest = history[0]
    ? {
        ...history[0],
        explanation: explain(
          history[0].dimensions as Dimension[],
          previous ? (previous.dimensions as Dimension[]) : null,
        ),
      }
    : null;
  const grade = grades.get(orgId) ?? null;
  const override = overrides[0] ?? null;
  const source: 'review' | 'computed' | 'outside' | 'none' = override
    ? 'review'
    : latest
      ? 'computed'
      : grade
        ? 'outside'
        : 'none';
  return {
    orgId,
    grade: grade?.grade ?? null,
    source,
    latest,
    history: [...history].reverse().map((h) => ({ month: h.month, score: h.score, grade: h.grade as CreditGrade })),
    override,
    ratingsReceived: received.length,
    // recorded when the case is decided; the month's rating counts them (交易历史 dispute rate)
    disputeResults: disputes.map((d) => ({ ...d, countsInMonth: monthOfInstant(d.decidedAt) })),
    advice: latest ? advice(latest.dimensions as Dimension[]) : [],
  };
}
