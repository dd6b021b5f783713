import {
  type DemandMatches,
  type MatchedSupplier,
  type MatchingCapacity,
  type MatchingCapacityBody,
  type MatchingFigures,
  type PushAnswer,
  RESOURCE_KINDS,
  type SupplierPush,
} from '@zhuhe/contracts';
import { shanghaiDate } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import { newId } from '../../infra/ids';
import { openContractAmountsOf } from '../contracts';
import {
  categoryLevels,
  demandCategoryCode,
  firmsOfOrganisations,
  type SupplierHistory,
  supplierHistory,
} from '../cooperation';
import { type DemandRow, findDemandRow } from '../demands';
import { releasedFenByContract } from '../escrow';
import { notify } from '../notifications';
import { getOrganisation, getOrganisations } from '../organisation';
import { listingOffers } from '../resources';
import { validQualificationsOf } from '../verification';
import { matchingErrors } from './matching.errors';
import { gradeSatisfies, qualificationCovers } from './matching.grades';
import { defaultModel, type MatchingModel } from './matching.model';
import {
  type CreditGradeProvider,
  type MerchantBoostProvider,
  noCreditGrades,
  noMerchantBoost,
} from './matching.providers';
import { type PolicySignal, rank } from './matching.ranking';
import * as repo from './matching.repository';

/** 推送 3–5 suppliers per demand (INFO-4): at most 5, and fewer than 3 only when fewer qualify. */
export const PUSH_MAX = 5;
export const PUSH_MIN = 3;
/** candidates read from history and from listings, each */
const CANDIDATES = 150;
/** 距离 is given as a reason up to this distance from the project (km). */
const NEAR_KM = 200;
/** how far down the ranking the qualification filter looks for 5 qualified suppliers */
const QUALIFICATION_CHECKS = 40;
/** Roles that can supply: 材料供应商, 分包商, 设计, 监理 */
const SUPPLYING_ROLES = ['SUP', 'SUB', 'DES', 'SVR'];

export interface MatchingProviders {
  credit: CreditGradeProvider;
  boost: MerchantBoostProvider;
}

/** Offline use (the benchmark, evaluation): no credit grades, no boosts. */
export const NO_PROVIDERS: MatchingProviders = { credit: noCreditGrades, boost: noMerchantBoost };

interface Candidate extends SupplierHistory {
  orgId: string;
  offer: { listings: number; minPriceFen: number; km: number } | null;
}

function km(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

const blank = (orgId: string): SupplierHistory => ({
  firmId: orgId,
  orgId,
  name: '',
  town: '',
  country: 'CN',
  fromBuyer: 0,
  fromBuyerDivision: 0,
  sameCode: 0,
  sameGroup: 0,
  sameDivision: 0,
  sameRegion: 0,
  fromSimilarBuyers: 0,
  lastOn: null,
  meanLogAmount: null,
  meanRating: null,
  titles: '',
});

const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 });

export interface MatchOutcome {
  demandId: string;
  candidates: number;
  pushed: MatchedSupplier[];
}

/**
 * 智能匹配 for one published demand: candidates from the cooperation history (same category division and
 * province, and this buyer's suppliers) and from active listings serving the region; hard filters (a supplying
 * organisation, not the buyer, not credit grade C, within its declared capacity, the required qualification held
 * and valid); the learned score plus policy signals; the best 5 pushed, each supplier told in-app and by e-mail.
 */
export async function matchDemand(
  ctx: AppContext,
  providers: MatchingProviders,
  demandId: string,
  options: { model?: MatchingModel; at?: Date } = {},
): Promise<DemandMatches> {
  const model = options.model ?? defaultModel();
  const demand = await findDemandRow(ctx, demandId);
  if (!demand) throw matchingErrors.raise('MATCHING_DEMAND_NOT_FOUND');
  if (demand.status !== 'published') throw matchingErrors.raise('MATCHING_NOT_PUBLISHED');
  const now = options.at ?? new Date();
  const proposed = await proposeSuppliers(ctx, demand, { model, at: now, providers });
  const { chosen, eligible, buyerName } = proposed;
  const { capacityExcluded } = proposed;
  const notes = [
    chosen.length < PUSH_MIN ? `only ${chosen.length} of ${eligible} candidates qualify` : null,
    capacityExcluded > 0 ? `capacity excluded ${capacityExcluded}` : null,
  ].filter(Boolean);
  const note = notes.length > 0 ? notes.join('; ') : null;
  const pushedAt = now;
  await ctx.db.transaction(async (tx) => {
    await repo.saveRun(tx, {
      orgId: demand.orgId,
      demandId: demand.id,
      computedAt: pushedAt,
      candidates: eligible,
      model: model.training.sha256,
      note,
    });
    const fresh = await repo.insertPushes(
      tx,
      chosen.map((r, i) => ({
        orgId: r.candidate.orgId,
        id: newId(pushedAt.getTime()),
        demandId: demand.id,
        buyerOrgId: demand.orgId,
        rank: i + 1,
        score: r.score,
        reasons: r.reasons.slice(0, 6),
        budgetFen: demand.budgetFen,
        createdAt: pushedAt,
      })),
    );
    for (const push of fresh)
      await notify(
        ctx,
        {
          orgId: push.orgId,
          kind: 'matching.push',
          title: `新需求推荐：${demand.title}`,
          body: `${buyerName} 发布的需求「${demand.title}」与贵司匹配（第 ${push.rank} 位）。请在截止日期 ${demand.deadline} 前回复是否有意向。`,
          link: '/workspace/pushes',
          email: true,
        },
        tx,
      );
  });
  return getMatches(ctx, demand);
}

/**
 * The read-only half of matching: the best (at most 5) qualified suppliers for a demand, with their reasons, and
 * how many candidates passed the hard filters. Nothing is written except, on first use, the buyer's firm.
 */
export async function proposeSuppliers(
  ctx: AppContext,
  demand: DemandRow,
  options: { model?: MatchingModel; at?: Date; providers?: MatchingProviders } = {},
) {
  const model = options.model ?? defaultModel();
  const providers = options.providers ?? NO_PROVIDERS;
  const buyer = await getOrganisation(ctx, demand.orgId);
  const buyerFirm = (await firmsOfOrganisations(ctx, [{ orgId: buyer.id, name: buyer.name }])).get(buyer.id) ?? null;
  const code = demandCategoryCode({
    category: demand.category,
    title: demand.title,
    itemNames: demand.items.map((i) => i.name),
  });
  const levels = categoryLevels(code) ?? categoryLevels('ZH:other');
  if (!levels) throw matchingErrors.raise('MATCHING_DEMAND_NOT_FOUND');
  const now = options.at ?? new Date();
  const today = shanghaiDate(now);
  const tomorrow = shanghaiDate(new Date(now.getTime() + 86_400_000));

  const candidates = new Map<string, Candidate>();
  for (const h of await supplierHistory(ctx, {
    buyerFirmId: buyerFirm,
    category: levels,
    regionCode: demand.regionCode,
    before: tomorrow,
    limit: CANDIDATES,
  }))
    if (h.orgId) candidates.set(h.orgId, { ...h, orgId: h.orgId, offer: null });
  const kind = RESOURCE_KINDS.find((k) => `ZH:${k.key}` === code);
  if (kind)
    for (const offer of await listingOffers(ctx, {
      kind: kind.key,
      regionCode: demand.regionCode,
      limit: CANDIDATES,
    })) {
      const entry = candidates.get(offer.orgId) ?? { ...blank(offer.orgId), orgId: offer.orgId, offer: null };
      entry.offer = { listings: offer.listings, minPriceFen: offer.minPriceFen, km: km(offer, demand) };
      candidates.set(offer.orgId, entry);
    }

  // hard filters
  const orgs = new Map((await getOrganisations(ctx, [...candidates.keys()])).map((o) => [o.id, o]));
  const grades = await providers.credit.grades(ctx, [...candidates.keys()]);
  const vip = (await providers.credit.vip?.(ctx, [...candidates.keys()])) ?? new Set<string>();
  const passed: Candidate[] = [];
  for (const c of candidates.values()) {
    const org = orgs.get(c.orgId);
    if (!org || org.id === demand.orgId) continue;
    if (!org.businessRoles.some((r) => SUPPLYING_ROLES.includes(r))) continue;
    if (org.verification === 'rejected' || org.verification === 'expired') continue;
    if (grades.get(c.orgId) === 'C') continue;
    // 品类匹配: this very category (or its group) in its past awards, or a listing of it; a division alone
    // (any 材料) is not a fit — a steel trader is not pushed concrete
    if (c.sameCode === 0 && c.sameGroup === 0 && !c.offer) continue;
    passed.push({ ...c, name: org.name, town: (org.regionCode ?? '').slice(0, 4) });
  }
  const overCapacity = await exceedsCapacity(
    ctx,
    passed.map((c) => c.orgId),
    demand.budgetFen,
  );
  const eligible = passed.filter((c) => !overCapacity.has(c.orgId));

  const boosts = await providers.boost.activeBoosts(ctx);
  const stats = await repo.responseStats(
    ctx.db,
    eligible.map((c) => c.orgId),
  );
  const policy = (c: Candidate): PolicySignal[] => {
    const out: PolicySignal[] = [];
    if (c.offer) {
      out.push({
        signal: 'listing',
        label: {
          'zh-CN': `发布了该品类资源 ${c.offer.listings} 条，最低 ¥${yuan(c.offer.minPriceFen)}`,
          en: `Lists this kind (${c.offer.listings} listings, from ¥${yuan(c.offer.minPriceFen)})`,
        },
        contribution: 0.8,
      });
      out.push({
        signal: 'distance',
        label: { 'zh-CN': `距项目约 ${Math.round(c.offer.km)} 公里`, en: `About ${Math.round(c.offer.km)} km away` },
        contribution: 0.5 * Math.exp(-c.offer.km / 100),
        // nearness is a reason within a day's delivery, not at any distance
        shown: c.offer.km <= NEAR_KM,
      });
    }
    const s = stats.get(c.orgId);
    if (s && s.pushes > 0) {
      const rate = (s.answers + 1) / (s.pushes + 2);
      out.push({
        signal: 'response',
        label: {
          'zh-CN': `回复了 ${s.answers}/${s.pushes} 次推送`,
          en: `Answered ${s.answers} of ${s.pushes} pushes`,
        },
        contribution: 0.6 * (rate - 0.5),
      });
    }
    if (grades.get(c.orgId) === 'AAA' || vip.has(c.orgId))
      out.push({
        signal: 'priority',
        label: { 'zh-CN': 'AAA 信用 / VIP 优先', en: 'AAA credit / VIP priority' },
        contribution: 0.6,
      });
    const boost = boosts.get(c.orgId);
    if (boost && boost > 1)
      out.push({
        signal: 'boost',
        label: { 'zh-CN': '新入驻商家流量扶持', en: 'New-merchant support' },
        contribution: 0.3 * Math.min(1, boost - 1),
      });
    return out;
  };
  const text = [demand.title, demand.category, demand.description, ...demand.items.map((i) => `${i.name} ${i.spec}`)];
  const ranked = rank(
    model,
    { title: text.join(' '), amountMinor: demand.budgetFen, on: today, buyerTown: demand.regionCode.slice(0, 4) },
    eligible,
    policy,
  );

  const chosen: typeof ranked = [];
  // the qualification check reads certificates, so it runs on the best-ranked only, not on every candidate
  const checked = demand.qualificationKind
    ? await validQualificationsOf(
        ctx,
        ranked.slice(0, QUALIFICATION_CHECKS).map((r) => r.candidate.orgId),
        now,
      )
    : null;
  for (const r of checked ? ranked.slice(0, QUALIFICATION_CHECKS) : ranked) {
    if (chosen.length >= PUSH_MAX) break;
    const held = checked?.get(r.candidate.orgId);
    if (
      checked &&
      !held?.some(
        (q) => qualificationCovers(q, demand.qualificationKind) && gradeSatisfies(q.grade, demand.qualificationGrade),
      )
    )
      continue;
    chosen.push(r);
  }
  return { chosen, eligible: eligible.length, capacityExcluded: overCapacity.size, buyerName: buyer.name };
}

/**
 * 在手合同 open backlog per organisation: the amounts of its signed contracts (where it performs, not where it
 * initiated) less what escrow has released on them. Two queries for any number of organisations.
 */
async function openBacklogs(ctx: AppContext, orgIds: readonly string[]) {
  const out = new Map<string, { fen: bigint; contracts: number }>();
  if (orgIds.length === 0) return out;
  const open = await openContractAmountsOf(ctx, orgIds);
  const released = await releasedFenByContract(
    ctx,
    open.map((o) => o.contractId),
  );
  for (const o of open) {
    const left = BigInt(o.amountFen) - (released.get(o.contractId) ?? 0n);
    const entry = out.get(o.orgId) ?? { fen: 0n, contracts: 0 };
    if (left > 0n) {
      entry.fen += left;
      entry.contracts += 1;
    }
    out.set(o.orgId, entry);
  }
  return out;
}

/**
 * 产能 hard filter (INFO-5): the organisations among these that cannot take on a demand of this budget — over
 * their single-project limit, or their open backlog plus the budget over their aggregate limit. Only those that
 * declared an aggregate limit have their backlog read.
 */
async function exceedsCapacity(ctx: AppContext, orgIds: readonly string[], budgetFen: number): Promise<Set<string>> {
  const out = new Set<string>();
  const declared = await repo.capacitiesOf(ctx.db, orgIds);
  if (declared.length === 0) return out;
  const backlogs = await openBacklogs(
    ctx,
    declared.filter((d) => d.aggregateLimitFen !== null).map((d) => d.orgId),
  );
  const budget = BigInt(budgetFen);
  for (const d of declared) {
    if (d.singleProjectLimitFen !== null && budget > BigInt(d.singleProjectLimitFen)) out.add(d.orgId);
    else if (d.aggregateLimitFen !== null && (backlogs.get(d.orgId)?.fen ?? 0n) + budget > BigInt(d.aggregateLimitFen))
      out.add(d.orgId);
  }
  return out;
}

async function presentCapacity(ctx: AppContext, orgId: string, row: repo.CapacityRow | undefined) {
  const backlog = (await openBacklogs(ctx, [orgId])).get(orgId);
  return {
    orgId,
    singleProjectLimitFen: row?.singleProjectLimitFen ?? null,
    aggregateLimitFen: row?.aggregateLimitFen ?? null,
    openBacklogFen: Number(backlog?.fen ?? 0n),
    openContracts: backlog?.contracts ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  } satisfies MatchingCapacity;
}

/** 产能 a supplier's declared capacity and its open backlog. */
export async function getCapacity(ctx: AppContext, orgId: string): Promise<MatchingCapacity> {
  return presentCapacity(ctx, orgId, await repo.findCapacity(ctx.db, orgId));
}

/** 申报产能 replaces the declared limits (null → no limit); matching applies them from its next run. */
export async function declareCapacity(
  ctx: AppContext,
  userId: string,
  orgId: string,
  body: MatchingCapacityBody,
): Promise<MatchingCapacity> {
  const row = await repo.saveCapacity(ctx.db, {
    orgId,
    singleProjectLimitFen: body.singleProjectLimitFen ?? null,
    aggregateLimitFen: body.aggregateLimitFen ?? null,
    updatedAt: new Date(),
    updatedBy: userId,
  });
  return presentCapacity(ctx, orgId, row);
}

function presentPush(push: repo.PushRow, orgName: string): MatchedSupplier {
  return {
    pushId: push.id,
    orgId: push.orgId,
    orgName,
    rank: push.rank,
    score: push.score,
    reasons: push.reasons,
    answer: (push.answer as PushAnswer | null) ?? null,
    answeredAt: push.answeredAt?.toISOString() ?? null,
    pushedAt: push.createdAt.toISOString(),
  };
}

async function getMatches(ctx: AppContext, demand: DemandRow): Promise<DemandMatches> {
  const run = await repo.findRun(ctx.db, demand.id);
  const pushes = await repo.pushesOfDemand(ctx.db, demand.id);
  const names = new Map(
    (
      await getOrganisations(
        ctx,
        pushes.map((p) => p.orgId),
      )
    ).map((o) => [o.id, o.name]),
  );
  return {
    demandId: demand.id,
    state: run ? 'ready' : demand.status === 'published' ? 'pending' : 'not_published',
    computedAt: run?.computedAt.toISOString() ?? null,
    candidates: run?.candidates ?? 0,
    items: pushes.map((p) => presentPush(p, names.get(p.orgId) ?? '')),
  };
}

async function ownDemand(ctx: AppContext, orgId: string, demandId: string): Promise<DemandRow> {
  const demand = await findDemandRow(ctx, demandId);
  if (!demand || demand.orgId !== orgId) throw matchingErrors.raise('MATCHING_DEMAND_NOT_FOUND');
  return demand;
}

/** 匹配结果 the buyer's view: who was pushed, why, and who answered. */
export async function demandMatches(ctx: AppContext, orgId: string, demandId: string): Promise<DemandMatches> {
  return getMatches(ctx, await ownDemand(ctx, orgId, demandId));
}

/** 重新匹配 on the buyer's request: suppliers already pushed are not pushed again. */
export async function rematch(
  ctx: AppContext,
  providers: MatchingProviders,
  orgId: string,
  demandId: string,
): Promise<DemandMatches> {
  const demand = await ownDemand(ctx, orgId, demandId);
  return matchDemand(ctx, providers, demand.id);
}

async function presentSupplierPush(ctx: AppContext, push: repo.PushRow): Promise<SupplierPush> {
  const demand = await findDemandRow(ctx, push.demandId);
  const buyer = await getOrganisation(ctx, push.buyerOrgId).catch(() => null);
  return {
    id: push.id,
    demandId: push.demandId,
    demandTitle: demand?.title ?? '',
    buyerName: buyer?.name ?? '',
    category: demand?.category ?? '',
    regionCode: demand?.regionCode ?? '',
    budgetFen: push.budgetFen,
    deadline: demand?.deadline ?? '',
    rank: push.rank,
    reasons: push.reasons,
    answer: (push.answer as PushAnswer | null) ?? null,
    answeredAt: push.answeredAt?.toISOString() ?? null,
    pushedAt: push.createdAt.toISOString(),
  };
}

/** 推荐给我的需求 a supplier's pushes, newest first. */
export async function supplierPushes(ctx: AppContext, orgId: string): Promise<SupplierPush[]> {
  const out: SupplierPush[] = [];
  for (const push of await repo.pushesOfSupplier(ctx.db, orgId, 100)) out.push(await presentSupplierPush(ctx, push));
  return out;
}

/** 回复推送 interested / not interested (can be changed while the demand is open); the buyer is told. */
export async function answerPush(
  ctx: AppContext,
  userId: string,
  orgId: string,
  pushId: string,
  answer: PushAnswer,
): Promise<SupplierPush> {
  const push = await repo.findPush(ctx.db, orgId, pushId);
  if (!push) throw matchingErrors.raise('MATCHING_PUSH_NOT_FOUND');
  const demand = await findDemandRow(ctx, push.demandId);
  if (demand?.status !== 'published') throw matchingErrors.raise('MATCHING_PUSH_CLOSED');
  const supplier = await getOrganisation(ctx, orgId);
  const updated = await ctx.db.transaction(async (tx) => {
    const row = await repo.answerPush(tx, orgId, pushId, { answer, answeredAt: new Date(), answeredBy: userId });
    await notify(
      ctx,
      {
        orgId: push.buyerOrgId,
        kind: 'matching.answer',
        title: `${supplier.name}${answer === 'interested' ? '有意向' : '暂无意向'}：${demand.title}`,
        body: `推荐的供应商 ${supplier.name} 回复了需求「${demand.title}」：${answer === 'interested' ? '有意向' : '暂无意向'}。`,
        link: `/workspace/demands/${demand.id}`,
      },
      tx,
    );
    return row;
  });
  return presentSupplierPush(ctx, updated);
}

/** When an award of a demand goes to a pushed supplier (tendering reports it), the figures count it. */
export async function recordAwardToPushed(ctx: AppContext, demandId: string, supplierOrgId: string): Promise<void> {
  await repo.markAwarded(ctx.db, demandId, supplierOrgId, new Date());
}

/** 匹配数据 for staff: per week, pushes, answers, interest and awards going to pushed suppliers. */
export async function matchingFigures(ctx: AppContext, weeks = 26): Promise<MatchingFigures> {
  const since = new Date(Date.now() - weeks * 7 * 86_400_000);
  const rows = (await repo.weeklyFigures(ctx.db, since)).map((r) => ({
    week: r.week,
    demands: Number(r.demands),
    pushes: Number(r.pushes),
    answers: Number(r.answers),
    interested: Number(r.interested),
    awardsToPushed: Number(r.awardsToPushed),
  }));
  const sum = (k: 'demands' | 'pushes' | 'answers' | 'interested' | 'awardsToPushed') =>
    rows.reduce((s, r) => s + r[k], 0);
  const model = defaultModel();
  return {
    weeks: rows,
    totals: {
      demands: sum('demands'),
      pushes: sum('pushes'),
      answers: sum('answers'),
      interested: sum('interested'),
      answerRate: sum('pushes') > 0 ? Math.round((sum('answers') / sum('pushes')) * 1000) / 1000 : 0,
      awardsToPushed: sum('awardsToPushed'),
    },
    model: { trainedOn: model.training.source, examples: model.training.examples, features: model.features },
  };
}

/** 推送时刻 when each demand matched since `since` had its suppliers pushed (the promises board's push clock). */
export async function pushTimes(ctx: AppContext, since: Date): Promise<Map<string, Date>> {
  return new Map((await repo.runsSince(ctx.db, since)).map((r) => [r.demandId, r.computedAt]));
}
