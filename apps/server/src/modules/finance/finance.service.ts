import type {
  CreditGrade,
  FinanceApplicationBody,
  FinanceDecisionBody,
  FinanceProductBody,
  FinanceProductType,
} from '@zhuhe/contracts';
import { addWorkingDays, shanghaiDate } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import type { DbOrTx } from '../../infra/db/client';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { creditGradeOf } from '../credit';
import { type FinanceableAsset, financeableAssets } from '../escrow';
import { type AccountSpec, applyInTx, ensureAccounts, ledgerTransaction, orgWallet } from '../ledger';
import { getOrganisation, getOrganisations } from '../organisation';
import { openWarning } from '../risk';
import { sealedStatementsOf } from '../settlement';
import { financeErrors } from './finance.errors';
import type { FinanceLoanOverdue } from './finance.events';
import * as repo from './finance.repository';
import {
  amountRange,
  assertAmount,
  assertProductTerms,
  assetKey,
  dailyPenaltyFen,
  discountedFeeBp,
  FEE_MAX_BP,
  FEE_MIN_BP,
  feeFen,
  gradeMeets,
  splitRelease,
  TYPE_LIMITS,
  yuan,
} from './finance.rules';
import type { EvidenceSnapshot } from './finance.tables';

export type { ApplicationRow } from './finance.repository';

/** 放款账户 the FIN organisation's lending account: it may go negative (the money comes from the lender's bank). */
export const lendingAccount = (finOrgId: string): AccountSpec => ({
  code: `org:${finOrgId}:lending`,
  kind: 'finance_lending',
  ownerOrgId: finOrgId,
  floor: 'none',
});

const ROLE_NAMES: Record<string, { zh: string; en: string }> = {
  GC: { zh: '总包', en: 'general contractors' },
  SUB: { zh: '分包', en: 'subcontractors' },
  SUP: { zh: '供应商', en: 'suppliers' },
};

// ── products ────────────────────────────────────────────────────────────────

/** 发布产品 a FIN organisation publishes a product within the platform's limits for its type. */
export async function publishProduct(ctx: AppContext, finOrgId: string, body: FinanceProductBody, now = new Date()) {
  assertProductTerms(body);
  const row: repo.ProductRow = {
    id: newId(),
    finOrgId,
    name: body.name,
    type: body.type,
    minRatioBp: body.type === 'order' ? body.minRatioBp : 0,
    maxRatioBp: body.maxRatioBp,
    feeBp: body.feeBp,
    feeBasis: body.feeBasis,
    minGrade: body.minGrade,
    regions: body.regions,
    categories: body.categories,
    aaaDiscountBp: body.aaaDiscountBp,
    decisionDays: body.decisionDays,
    maxTermDays: body.maxTermDays,
    penaltyBpPerDay: body.penaltyBpPerDay,
    active: true,
    createdAt: now,
  };
  await repo.insertProduct(ctx.db, row);
  return row;
}

export const productsOfLender = (ctx: AppContext, finOrgId: string) => repo.productsOfLender(ctx.db, finOrgId);
export const activeProducts = (ctx: AppContext) => repo.activeProducts(ctx.db);

// ── assets and eligibility ──────────────────────────────────────────────────

export interface AssetOption {
  kind: FinanceProductType;
  contractId: string;
  milestoneId: string | null;
  title: string;
  counterpartyOrgId: string;
  baseFen: bigint;
  dueDate: string | null;
  settled: boolean;
  key: string;
  source: FinanceableAsset;
  statement: { settlementId: string; sha256: string; evidenceIndex: number | null } | null;
}

/** Every asset of the organisation that one of the three product types could lend against. */
async function assetOptions(ctx: AppContext, orgId: string, contractId?: string, tx?: DbOrTx) {
  const out: AssetOption[] = [];
  for (const a of await financeableAssets(ctx, orgId, contractId, tx)) {
    if (a.frozen) continue;
    const statements = new Map(
      (await sealedStatementsOf(ctx, a.contractId)).filter((s) => !s.released).map((s) => [s.milestoneId, s]),
    );
    for (const item of a.scheduled) {
      const statement = statements.get(item.milestoneId) ?? null;
      out.push({
        kind: 'receivable',
        contractId: a.contractId,
        milestoneId: item.milestoneId,
        title: item.title,
        counterpartyOrgId: a.payerOrgId,
        baseFen: item.amountFen,
        dueDate: item.dueDate,
        settled: Boolean(statement),
        key: assetKey('receivable', a.contractId, item.milestoneId),
        source: a,
        statement: statement
          ? { settlementId: statement.settlementId, sha256: statement.sha256, evidenceIndex: statement.evidenceIndex }
          : null,
      });
    }
    // 订单融资 only before any money was released: a won contract not yet performed
    if (a.releases === 0)
      out.push({
        kind: 'order',
        contractId: a.contractId,
        milestoneId: null,
        title: '',
        counterpartyOrgId: a.payerOrgId,
        baseFen: a.contractAmountFen,
        dueDate: null,
        settled: false,
        key: assetKey('order', a.contractId, null),
        source: a,
        statement: null,
      });
    // a bond replaced by a 履约保证险 policy is no longer due, so there is nothing to advance
    const bondDue = a.bondPolicyId ? 0n : a.bondRequiredFen - a.bondPostedFen;
    if (bondDue > 0n)
      out.push({
        kind: 'bond_advance',
        contractId: a.contractId,
        milestoneId: null,
        title: '',
        counterpartyOrgId: a.payerOrgId,
        baseFen: a.bondRequiredFen,
        dueDate: null,
        settled: false,
        key: assetKey('bond_advance', a.contractId, null),
        source: a,
        statement: null,
      });
  }
  return out;
}

interface Applicant {
  orgId: string;
  regionCode: string | null;
  roles: string[];
  grade: CreditGrade | null;
  gradeSource: string | null;
}

async function applicantOf(ctx: AppContext, orgId: string): Promise<Applicant> {
  const [org, grades] = await Promise.all([getOrganisation(ctx, orgId), creditGradeOf(ctx, [orgId])]);
  const info = grades.get(orgId);
  return {
    orgId,
    regionCode: org.regionCode,
    roles: org.businessRoles,
    grade: info?.grade ?? null,
    gradeSource: info?.source ?? null,
  };
}

/** Why the applicant may not borrow under the product, or null: grade, region, role (the product's eligibility). */
function ineligibility(product: repo.ProductRow, applicant: Applicant, role: string | null) {
  if (!gradeMeets(applicant.grade, product.minGrade as CreditGrade))
    return financeErrors.raise('FINANCE_GRADE_TOO_LOW', {
      required: product.minGrade,
      grade: applicant.grade ?? '—',
    });
  const regions = product.regions;
  if (regions.length > 0 && !regions.some((r) => (applicant.regionCode ?? '').startsWith(r)))
    return financeErrors.raise('FINANCE_REGION_NOT_SERVED');
  const roles = role ? [role] : applicant.roles;
  if (product.categories.length > 0 && !roles.some((r) => product.categories.includes(r))) {
    const r = product.categories[0] ?? '';
    const name = ROLE_NAMES[role ?? r] ?? { zh: r, en: r };
    return financeErrors.raise('FINANCE_ROLE_NOT_SERVED', { role: name.zh, roleEn: name.en });
  }
  return null;
}

/** 工程e贷 the borrower's page: its assets with every product's offer on them, and its applications. */
export async function borrowerView(ctx: AppContext, orgId: string) {
  const [assets, products, applicant, applications] = await Promise.all([
    assetOptions(ctx, orgId),
    repo.activeProducts(ctx.db),
    applicantOf(ctx, orgId),
    repo.applicationsOfApplicant(ctx.db, orgId),
  ]);
  const live = await repo.liveAssetKeys(
    ctx.db,
    assets.map((a) => a.key),
  );
  const lenders = await lenderNames(
    ctx,
    products.map((p) => p.finOrgId),
  );
  return {
    assets: assets.map((a) => ({
      ...a,
      financed: live.has(a.key),
      offers: products
        .filter((p) => p.type === a.kind && p.finOrgId !== orgId)
        .map((p) => {
          const range = amountRange({ ...p, type: p.type as FinanceProductType }, a.baseFen);
          const why = ineligibility(p, applicant, null);
          return {
            product: p,
            finOrgName: lenders.get(p.finOrgId) ?? '',
            minFen: range.minFen,
            maxFen: range.maxFen,
            feeBp: discountedFeeBp(p.feeBp, applicant.grade, p.aaaDiscountBp),
            reason: why ? why.messages() : null,
          };
        }),
    })),
    applications,
  };
}

export async function lenderNames(ctx: AppContext, orgIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of new Set(orgIds)) out.set(id, (await getOrganisation(ctx, id)).name);
  return out;
}

// ── applications ────────────────────────────────────────────────────────────

/**
 * 申请融资 against one asset of the applicant's. The limits, the product's eligibility and the platform's
 * evidence are checked and gathered before anything is written; the partial unique index on the asset is the
 * lock against financing it twice (two concurrent applications: one row, the other refused).
 */
export async function applyForFinance(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  body: FinanceApplicationBody,
  now = ctx.clock.now(),
) {
  const product = await repo.findProduct(ctx.db, body.productId);
  if (!product?.active || product.finOrgId === orgId) throw financeErrors.raise('FINANCE_PRODUCT_NOT_FOUND');
  const type = product.type as FinanceProductType;
  if (body.asset.kind !== type)
    throw financeErrors.raise('FINANCE_ASSET_KIND_MISMATCH', {
      type: TYPE_LIMITS[type].zh,
      typeEn: TYPE_LIMITS[type].en,
    });
  const asset = (await assetOptions(ctx, orgId, body.asset.contractId)).find(
    (a) => a.key === assetKey(body.asset.kind, body.asset.contractId, body.asset.milestoneId),
  );
  if (!asset) throw financeErrors.raise('FINANCE_ASSET_NOT_FOUND');
  const applicant = await applicantOf(ctx, orgId);
  const refusal = ineligibility(product, applicant, actor.activeRole);
  if (refusal) throw refusal;
  assertAmount({ ...product, type }, asset.baseFen, BigInt(body.amountFen));
  if (body.termDays > product.maxTermDays)
    throw financeErrors.raise('FINANCE_TERM_TOO_LONG', { term: body.termDays, max: product.maxTermDays });
  const evidence: EvidenceSnapshot = {
    contract: {
      contractId: asset.contractId,
      amountFen: Number(asset.source.contractAmountFen),
      counterpartyOrgId: asset.counterpartyOrgId,
    },
    statement: asset.statement,
    credit: { grade: applicant.grade, source: applicant.gradeSource },
    paymentHistory: { releases: asset.source.releases, releasedFen: Number(asset.source.releasedFen) },
  };
  const id = newId();
  const inserted = await repo.insertApplication(ctx.db, {
    id,
    productId: product.id,
    finOrgId: product.finOrgId,
    applicantOrgId: orgId,
    applicantUserId: actor.userId,
    assetKind: type,
    assetKey: asset.key,
    contractId: asset.contractId,
    milestoneId: asset.milestoneId,
    baseFen: asset.baseFen,
    requestedFen: BigInt(body.amountFen),
    termDays: body.termDays,
    evidence,
    consentAt: now,
    status: 'submitted',
    submittedAt: now,
    decisionDueAt: addWorkingDays(now, product.decisionDays),
  });
  if (!inserted) throw financeErrors.raise('FINANCE_ALREADY_FINANCED');
  return (await repo.findApplication(ctx.db, id)) as repo.ApplicationRow;
}

export async function applicationForLender(ctx: AppContext, finOrgId: string, id: string) {
  const row = await repo.findApplication(ctx.db, id);
  if (!row || row.finOrgId !== finOrgId) throw financeErrors.raise('FINANCE_APPLICATION_NOT_FOUND');
  return row;
}

export const applicationsOfLender = (ctx: AppContext, finOrgId: string) => repo.applicationsOfLender(ctx.db, finOrgId);
export const repaymentsOf = (ctx: AppContext, ids: string[]) => repo.repaymentsOf(ctx.db, ids);

/**
 * 审批 the lender approves (amount ≤ requested, fee rate, term) or rejects. Approval disburses in the same
 * transaction: lending account → the applicant's wallet, or the contract's bond account for a bond advance.
 */
export async function decideApplication(
  ctx: AppContext,
  actor: Actor,
  finOrgId: string,
  id: string,
  body: FinanceDecisionBody,
  now = ctx.clock.now(),
) {
  // reads through other modules' API go before the transaction (they use their own connection)
  const pending = await repo.findApplication(ctx.db, id);
  if (!pending || pending.finOrgId !== finOrgId) throw financeErrors.raise('FINANCE_APPLICATION_NOT_FOUND');
  const grade = (await creditGradeOf(ctx, [pending.applicantOrgId])).get(pending.applicantOrgId)?.grade ?? null;
  return ledgerTransaction(ctx.db, async (tx) => {
    const app = (await repo.findApplication(tx, id, true)) as repo.ApplicationRow;
    if (app.status !== 'submitted') throw financeErrors.raise('FINANCE_NOT_PENDING', { status: app.status });
    if (body.decision === 'reject') {
      await repo.updateApplication(tx, id, {
        status: 'rejected',
        decidedAt: now,
        decidedByUserId: actor.userId,
        rejectReason: body.reason,
      });
      return (await repo.findApplication(tx, id)) as repo.ApplicationRow;
    }
    const product = (await repo.findProduct(tx, app.productId)) as repo.ProductRow;
    const amount = BigInt(body.amountFen);
    if (amount > app.requestedFen)
      throw financeErrors.raise('FINANCE_APPROVAL_OVER_REQUEST', {
        amount: yuan(amount),
        requested: yuan(app.requestedFen),
      });
    const type = app.assetKind as FinanceProductType;
    assertAmount({ ...product, type }, app.baseFen, amount);
    if (body.feeBp < FEE_MIN_BP || body.feeBp > FEE_MAX_BP) throw financeErrors.raise('FINANCE_PRODUCT_FEE');
    if (body.termDays > product.maxTermDays)
      throw financeErrors.raise('FINANCE_TERM_TOO_LONG', { term: body.termDays, max: product.maxTermDays });
    // the asset must still be there (not released, not frozen) when the money goes out
    const [source] = await financeableAssets(ctx, app.applicantOrgId, app.contractId, tx);
    const stillThere =
      source &&
      !source.frozen &&
      (type !== 'receivable' || source.scheduled.some((i) => i.milestoneId === app.milestoneId)) &&
      // a bond replaced by a 履约保证险 policy meanwhile is no longer there to advance
      (type !== 'bond_advance' || !source.bondPolicyId);
    if (!source || !stillThere) throw financeErrors.raise('FINANCE_ASSET_NOT_FOUND');
    const rate = discountedFeeBp(body.feeBp, grade, product.aaaDiscountBp);
    const fee = feeFen(amount, rate, product.feeBasis as 'annual' | 'flat', body.termDays);
    const accounts = await ensureAccounts(tx, [lendingAccount(finOrgId), orgWallet(app.applicantOrgId)]);
    const lending = accounts.get(lendingAccount(finOrgId).code) as { id: string };
    const target =
      type === 'bond_advance'
        ? source.bondAccountId
        : (accounts.get(orgWallet(app.applicantOrgId).code) as { id: string }).id;
    const [transfer] = await applyInTx(
      tx,
      [
        {
          op: 'transfer',
          clientId: `finance:${id}:disburse`,
          debitAccountId: lending.id,
          creditAccountId: target,
          amount,
          code: 'finance.disburse',
          contractId: app.contractId,
          memo: { applicationId: id },
        },
      ],
      now,
    );
    await repo.updateApplication(tx, id, {
      status: 'disbursed',
      decidedAt: now,
      decidedByUserId: actor.userId,
      approvedFen: amount,
      feeBp: rate,
      feeFen: fee,
      termDays: body.termDays,
      disbursedAt: now,
      disbursementTransferId: transfer?.id ?? null,
      targetAccountId: target,
      dueDate: shanghaiDate(new Date(now.getTime() + body.termDays * 86_400_000)),
    });
    return (await repo.findApplication(tx, id)) as repo.ApplicationRow;
  });
}

/** What the borrower still owes on a loan: principal + fee + penalty − repaid. */
export function outstandingOf(app: repo.ApplicationRow): bigint {
  if (app.approvedFen === null) return 0n;
  return app.approvedFen + (app.feeFen ?? 0n) + app.penaltyFen - app.repaidFen;
}

// ── repayment from escrow releases (in the release's transaction) ───────────

/**
 * 回款先还 when escrow releases a milestone of a financed contract, the lenders are repaid first out of the net
 * that reached the supplier's wallet (the assigned receivable's milestone; an order or bond loan from any
 * milestone of its contract), the supplier keeps the rest. Runs in escrow's release transaction, so the release and
 * the repayment commit together; a redelivered event finds its repayment row and pays nothing again.
 */
export async function repayFromRelease(
  ctx: AppContext,
  tx: DbOrTx,
  e: { releaseId: string; contractId: string; milestoneId: string; payeeOrgId: string; netFen: number },
  now = new Date(),
) {
  const loans = (await repo.outstandingLoansOnContract(tx, e.contractId)).filter(
    (l) => l.applicantOrgId === e.payeeOrgId && (l.assetKind !== 'receivable' || l.milestoneId === e.milestoneId),
  );
  let left = BigInt(e.netFen);
  for (const loan of loans) {
    const { toLenderFen } = splitRelease(left, outstandingOf(loan));
    if (toLenderFen <= 0n) continue;
    const accounts = await ensureAccounts(tx, [lendingAccount(loan.finOrgId), orgWallet(loan.applicantOrgId)]);
    const fresh = await repo.insertRepayment(tx, {
      id: newId(),
      applicationId: loan.id,
      releaseId: e.releaseId,
      transferId: null,
      source: 'release',
      amountFen: toLenderFen,
      at: now,
    });
    if (!fresh) continue;
    await applyInTx(
      tx,
      [
        {
          op: 'transfer',
          clientId: `finance:${loan.id}:repay:${e.releaseId}`,
          debitAccountId: (accounts.get(orgWallet(loan.applicantOrgId).code) as { id: string }).id,
          creditAccountId: (accounts.get(lendingAccount(loan.finOrgId).code) as { id: string }).id,
          amount: toLenderFen,
          code: 'finance.repay',
          contractId: e.contractId,
          memo: { applicationId: loan.id, releaseId: e.releaseId },
        },
      ],
      now,
    );
    left -= toLenderFen;
    const repaid = loan.repaidFen + toLenderFen;
    const closed = repaid >= (loan.approvedFen ?? 0n) + (loan.feeFen ?? 0n) + loan.penaltyFen;
    await repo.updateApplication(tx, loan.id, {
      repaidFen: repaid,
      ...(closed ? { status: 'repaid', closedAt: now } : {}),
    });
    if (closed)
      await ctx.events.publish(
        tx,
        'finance.loan_repaid',
        {
          applicationId: loan.id,
          borrowerOrgId: loan.applicantOrgId,
          lenderOrgId: loan.finOrgId,
          repaidFen: Number(repaid),
          repaidAt: now.toISOString(),
        },
        now,
      );
  }
}

// ── overdue ─────────────────────────────────────────────────────────────────

/**
 * 逾期 the daily job: a loan past its due date pays the product's daily penalty on what is outstanding (once per
 * Shanghai day); the first day it turns overdue opens a risk warning and publishes `finance.loan_overdue`.
 */
export async function runOverdueScan(ctx: AppContext, now = ctx.clock.now()) {
  const today = shanghaiDate(now);
  let charged = 0;
  let turnedOverdue = 0;
  for (const candidate of await repo.loansDueBefore(ctx.db, today)) {
    await ctx.db.transaction(async (tx) => {
      const loan = await repo.findApplication(tx, candidate.id, true);
      if (!loan || (loan.status !== 'disbursed' && loan.status !== 'overdue')) return;
      if (loan.penaltyThrough && loan.penaltyThrough >= today) return;
      const product = (await repo.findProduct(tx, loan.productId)) as repo.ProductRow;
      const outstanding = outstandingOf(loan);
      const penalty = dailyPenaltyFen(outstanding, product.penaltyBpPerDay);
      await repo.updateApplication(tx, loan.id, {
        status: 'overdue',
        penaltyFen: loan.penaltyFen + penalty,
        penaltyThrough: today,
      });
      if (penalty > 0n) {
        charged += 1;
        await repo.insertRepayment(tx, {
          id: newId(),
          applicationId: loan.id,
          releaseId: null,
          transferId: null,
          source: 'penalty',
          amountFen: penalty,
          at: now,
        });
      }
      if (loan.status === 'overdue') return;
      turnedOverdue += 1;
      const payload: FinanceLoanOverdue = {
        applicationId: loan.id,
        borrowerOrgId: loan.applicantOrgId,
        lenderOrgId: loan.finOrgId,
        contractId: loan.contractId,
        outstandingFen: Number(outstanding),
        dueDate: loan.dueDate ?? today,
        detectedAt: now.toISOString(),
      };
      await ctx.events.publish(tx, 'finance.loan_overdue', payload, now);
      const amount = yuan(outstanding);
      await openWarning(
        ctx,
        {
          type: 'finance_overdue',
          severity: 'high',
          subject: { kind: 'contract', id: loan.contractId },
          contractId: loan.contractId,
          ownerOrgId: loan.applicantOrgId,
          partyOrgIds: [loan.applicantOrgId, loan.finOrgId],
          title: { 'zh-CN': '工程e贷逾期', en: 'Supply-chain loan overdue' },
          summary: {
            'zh-CN': `融资于 ${loan.dueDate} 到期未还清，尚欠 ¥${amount}，按日计收罚息`,
            en: `The loan fell due on ${loan.dueDate} and ¥${amount} is unpaid; a daily penalty applies`,
          },
          facts: { applicationId: loan.id, outstandingFen: Number(outstanding), dueDate: loan.dueDate ?? '' },
          links: [{ label: { 'zh-CN': '工程e贷', en: 'Supply-chain finance' }, href: '/workspace/finance' }],
        },
        now,
        tx,
      );
    });
  }
  return { charged, turnedOverdue };
}

/** The product and organisation names the application views show. */
export async function namesOf(ctx: AppContext, apps: repo.ApplicationRow[]) {
  const productIds = [...new Set(apps.map((a) => a.productId))];
  const products = new Map<string, string>();
  for (const id of productIds) products.set(id, (await repo.findProduct(ctx.db, id))?.name ?? '');
  const orgs = new Map(
    (await getOrganisations(ctx, [...apps.map((a) => a.finOrgId), ...apps.map((a) => a.applicantOrgId)])).map((o) => [
      o.id,
      o.name,
    ]),
  );
  return (a: repo.ApplicationRow) => ({
    product: products.get(a.productId) ?? '',
    fin: orgs.get(a.finOrgId) ?? '',
    applicant: orgs.get(a.applicantOrgId) ?? '',
  });
}
