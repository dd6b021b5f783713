import type { PolicyParams } from '@zhuhe/contracts';
import { shanghaiDate } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import type { DbOrTx } from '../../infra/db/client';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { getUsers } from '../identity';
import { activeMerchantOrgIds, merchantFacts } from '../merchants';
import { getOrganisations } from '../organisation';
import { defineSensitiveAction, requestSensitiveAction } from '../staff';
import { boostAt, calculateMonth, type PolicyVersion, platformFeeBpOn } from './commission.calculator';
import { commissionErrors } from './commission.errors';
import * as repo from './commission.repository';

export type { PolicyVersionRow } from './commission.repository';

type ChangePayload = {
  policyId: string | null;
  name: string;
  params: PolicyParams;
  active: boolean;
  effectiveFrom: string;
  effectiveTo: string | null;
  note: string | null;
  requestedBy: string;
};

const KIND_NAMES: Record<PolicyParams['kind'], string> = {
  base_rate: '基础佣金率',
  entry_fee: '入驻费',
  entry_fee_waiver: '入驻费减免',
  sales_tier_discount: '阶梯佣金优惠',
  category_promotion: '品类专项扶持',
  new_merchant_boost: '新商家流量扶持',
  platform_fee: '平台服务费',
};

/** 双人复核 a policy change runs only after a second staff member (operator or admin) approves it. */
export const changePolicy = defineSensitiveAction<ChangePayload>({
  name: 'commission.policy.change',
  roles: ['operator', 'admin'],
  summary: (p) => ({
    'zh-CN': `${p.policyId ? '修改' : '新增'}政策「${p.name}」（${KIND_NAMES[p.params.kind]}，${p.active ? '启用' : '停用'}，自 ${p.effectiveFrom} 起）`,
    en: `${p.policyId ? 'Change' : 'Add'} policy “${p.name}” (${p.params.kind}, ${p.active ? 'active' : 'inactive'}, from ${p.effectiveFrom})`,
  }),
  async validate(ctx, p) {
    if (p.policyId && !(await repo.policyExists(ctx.db, p.policyId, p.params.kind)))
      throw commissionErrors.raise('COMMISSION_POLICY_NOT_FOUND');
  },
  async execute(tx, p, meta) {
    const policyId = p.policyId ?? newId();
    await repo.insertVersion(tx, {
      policyId,
      version: await repo.nextVersion(tx, policyId),
      name: p.name,
      kind: p.params.kind,
      params: p.params,
      active: p.active,
      effectiveFrom: p.effectiveFrom,
      effectiveTo: p.effectiveTo,
      note: p.note,
      recordedAt: new Date(),
      requestedBy: p.requestedBy,
      approvedBy: meta.approvedBy,
      dualControlRequestId: meta.requestId,
    });
  },
});

export async function requestPolicyChange(
  ctx: AppContext,
  actor: Actor,
  input: Omit<ChangePayload, 'requestedBy' | 'policyId' | 'note'> & {
    policyId?: string | undefined;
    note?: string | undefined;
  },
) {
  const payload: ChangePayload = {
    ...input,
    policyId: input.policyId ?? null,
    note: input.note ?? null,
    requestedBy: actor.userId,
  };
  const request = await requestSensitiveAction(ctx, actor, changePolicy.name, payload);
  return { requestId: request.id, status: 'pending' as const, summary: changePolicy.summary(payload) };
}

export async function currentPolicies(ctx: AppContext, asOf = new Date()) {
  return withPeople(ctx, await repo.versionsAsOf(ctx.db, asOf));
}

export async function policyHistory(ctx: AppContext, policyId: string) {
  const rows = await repo.versionsOf(ctx.db, policyId);
  if (rows.length === 0) throw commissionErrors.raise('COMMISSION_POLICY_NOT_FOUND');
  return withPeople(ctx, rows);
}

async function withPeople(ctx: AppContext, rows: repo.PolicyVersionRow[]) {
  const ids = rows.flatMap((r) => [r.requestedBy, r.approvedBy]).filter((v): v is string => Boolean(v));
  const people = new Map((await getUsers(ctx, ids)).map((u) => [u.id, u.displayName]));
  return rows.map((row) => ({ row, people }));
}

function asVersions(rows: repo.PolicyVersionRow[]): PolicyVersion[] {
  return rows.map((r) => ({
    policyId: r.policyId,
    version: r.version,
    name: r.name,
    params: r.params,
    active: r.active,
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
  }));
}

/**
 * 佣金计算器 what a merchant pays for a month, from the policy versions recorded up to `asOf` (default now), so
 * a past month's bill can be reproduced exactly after policies changed. Monthly sales are an input: orders do not
 * exist on the platform yet (the settlement module will supply them).
 */
export async function calculate(
  ctx: AppContext,
  input: { orgId: string; month: string; salesFen: number; asOf?: string | undefined },
) {
  const [org] = await getOrganisations(ctx, [input.orgId]);
  if (!org) throw commissionErrors.raise('COMMISSION_ORG_NOT_FOUND');
  const asOf = input.asOf ? new Date(input.asOf) : new Date();
  const facts = (await merchantFacts(ctx, [input.orgId])).get(input.orgId);
  const versions = asVersions(await repo.versionsAsOf(ctx.db, asOf));
  const result = calculateMonth(
    input.month,
    input.salesFen,
    facts ? { activatedOn: shanghaiDate(facts.activatedAt), categoryCode: facts.categoryCode } : null,
    versions,
  );
  return {
    orgId: org.id,
    orgName: org.name,
    month: input.month,
    salesFen: input.salesFen,
    asOf: asOf.toISOString(),
    ...result,
  };
}

/**
 * 新商家流量扶持 ranking multipliers for search and matching: 1 for no boost, e.g. 1.2 within the first 3 months
 * after activation while the boost policy is in effect. Every requested organisation has an entry.
 */
export async function rankingBoosts(
  ctx: AppContext,
  orgIds: string[],
  at: Date = new Date(),
): Promise<Map<string, number>> {
  const versions = asVersions(await repo.versionsAsOf(ctx.db, at));
  const facts = await merchantFacts(ctx, orgIds);
  const today = shanghaiDate(at);
  return new Map(
    orgIds.map((id) => {
      const f = facts.get(id);
      return [id, f && f.stage === 'active' ? boostAt(shanghaiDate(f.activatedAt), today, versions) : 1];
    }),
  );
}

/**
 * 流量扶持 the organisations boosted right now (factor > 1), for search and matching. Search asks on every query,
 * so the commission module's instance keeps the answer for a minute (see commission.module.ts): a policy change or
 * a new merchant shows in ranking within that minute.
 */
export async function activeRankingBoosts(ctx: AppContext, at: Date = new Date()): Promise<Map<string, number>> {
  const all = await rankingBoosts(ctx, await activeMerchantOrgIds(ctx), at);
  return new Map([...all].filter(([, factor]) => factor > 1));
}

/**
 * 平台服务费 the fee rate escrow charges on a release at `at`, from the policy versions recorded up to then (read
 * in the caller's transaction, so the release and the rate it used agree). Refused when no policy is in force.
 */
export async function platformFeeInForce(db: DbOrTx, at: Date = new Date()) {
  const found = platformFeeBpOn(shanghaiDate(at), asVersions(await repo.versionsAsOf(db, at)));
  if (!found) throw commissionErrors.raise('COMMISSION_PLATFORM_FEE_MISSING');
  return found;
}
