import { createHash } from 'node:crypto';
import type {
  CreditGrade,
  InsuranceClaimBody,
  InsuranceClaimDecisionBody,
  InsuranceProductBody,
  InsurancePurchaseBody,
} from '@zhuhe/contracts';
import { shanghaiDate } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import type { DbOrTx } from '../../infra/db/client';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { creditGradeOf } from '../credit';
import { acceptBondPolicy, type EscrowStatus, escrowStatus, isEscrowParty } from '../escrow';
import { appendEvidence } from '../evidence';
import { getFile, storeFile } from '../files';
import {
  type AccountSpec,
  applyInTx,
  ensureAccounts,
  findAccountByCode,
  ledgerTransaction,
  orgWallet,
} from '../ledger';
import { notify } from '../notifications';
import { getOrganisation, getOrganisations } from '../organisation';
import { insuranceErrors } from './insurance.errors';
import { renderPolicyPdf } from './insurance.render';
import * as repo from './insurance.repository';
import {
  assertInsuredAmount,
  assertProductTerms,
  ineligibility,
  maxInsuredOn,
  premiumFen,
  yuan,
} from './insurance.rules';
import type { ClaimEvidence } from './insurance.tables';

export type { ClaimRow, PolicyRow, ProductRow } from './insurance.repository';

const DAY = 86_400_000;

/**
 * 保险账户 the insurer's account: premiums are credited to it and claims paid from it. It may go negative: what the
 * insurer pays beyond the premiums it collected is its own capital, from outside the ledger (like a lending account).
 */
export const insurancePool = (insurerOrgId: string): AccountSpec => ({
  code: `org:${insurerOrgId}:insurance`,
  kind: 'insurance_pool',
  ownerOrgId: insurerOrgId,
  floor: 'none',
});

// ── products ────────────────────────────────────────────────────────────────

/** 发布产品 a FIN organisation publishes a 履约保证险 product within the platform's premium and coverage limits. */
export async function publishProduct(
  ctx: AppContext,
  insurerOrgId: string,
  body: InsuranceProductBody,
  now = new Date(),
) {
  assertProductTerms(body);
  const row: repo.ProductRow = {
    id: newId(),
    insurerOrgId,
    name: body.name,
    premiumBp: body.premiumBp,
    coverageBp: body.coverageBp,
    maxInsuredFen: BigInt(body.maxInsuredFen),
    minGrade: body.minGrade,
    regions: body.regions,
    termDays: body.termDays,
    active: true,
    createdAt: now,
  };
  await repo.insertProduct(ctx.db, row);
  return row;
}

export const productsOfInsurer = (ctx: AppContext, insurerOrgId: string) =>
  repo.productsOfInsurer(ctx.db, insurerOrgId);

/** 暂停 / 恢复 a paused product sells no new policies; the policies it issued stay in force. */
export async function setProductActive(ctx: AppContext, insurerOrgId: string, productId: string, active: boolean) {
  const product = await repo.findProduct(ctx.db, productId);
  if (!product || product.insurerOrgId !== insurerOrgId) throw insuranceErrors.raise('INSURANCE_PRODUCT_NOT_FOUND');
  await repo.setProductActive(ctx.db, productId, active);
  return { ...product, active };
}

// ── the bond of a contract, as its parties see it ───────────────────────────

type ReaderRole = 'holder' | 'beneficiary' | 'insurer';

/** The escrow of the contract, if the organisation is its payee (holder), payer (beneficiary) or the insurer. */
async function bondOf(ctx: AppContext, orgId: string, contractId: string) {
  const policy = await repo.latestPolicyOfContract(ctx.db, contractId);
  if (!(await isEscrowParty(ctx, contractId, orgId)) && policy?.insurerOrgId !== orgId)
    throw insuranceErrors.raise('INSURANCE_BOND_NOT_FOUND');
  const status = await escrowStatus(ctx, contractId);
  const role: ReaderRole | null =
    status.payeeOrgId === orgId
      ? 'holder'
      : status.payerOrgId === orgId
        ? 'beneficiary'
        : policy?.insurerOrgId === orgId
          ? 'insurer'
          : null;
  if (!role || status.bondRequiredFen === 0) throw insuranceErrors.raise('INSURANCE_BOND_NOT_FOUND');
  return { status, policy, role };
}

/** A bond is due while it is required, not fully posted in cash, not replaced by a policy and the escrow not frozen. */
const bondDue = (s: EscrowStatus) => !s.bondSatisfied && !s.frozen;

async function holderOf(ctx: AppContext, orgId: string) {
  const [org, grades] = await Promise.all([getOrganisation(ctx, orgId), creditGradeOf(ctx, [orgId])]);
  return { regionCode: org.regionCode, grade: (grades.get(orgId)?.grade ?? null) as CreditGrade | null };
}

async function availableFen(ctx: AppContext, orgId: string): Promise<bigint> {
  const wallet = await findAccountByCode(ctx.db, orgWallet(orgId).code);
  return wallet ? wallet.posted - wallet.pendingDebits : 0n;
}

export async function orgNames(ctx: AppContext, orgIds: string[]): Promise<Map<string, string>> {
  return new Map((await getOrganisations(ctx, orgIds)).map((o) => [o.id, o.name]));
}

/**
 * 保证金视图 the bond of one contract: to the contractor, while the bond is due, every product's offer with its
 * premium and eligibility; to all three parties, the policy and its claims.
 */
export async function bondView(ctx: AppContext, orgId: string, contractId: string) {
  const { status, policy, role } = await bondOf(ctx, orgId, contractId);
  const due = bondDue(status);
  const bond = BigInt(status.bondRequiredFen);
  const offers = [];
  if (role === 'holder' && due) {
    const [products, holder] = await Promise.all([repo.activeProducts(ctx.db), holderOf(ctx, orgId)]);
    const names = await orgNames(
      ctx,
      products.map((p) => p.insurerOrgId),
    );
    for (const p of products.filter((x) => x.insurerOrgId !== orgId)) {
      const why = ineligibility(p, holder) ?? (maxInsuredOn(p, bond) < bond ? belowBond(p, bond) : null);
      offers.push({
        product: p,
        insurerName: names.get(p.insurerOrgId) ?? '',
        premiumFen: premiumFen(bond, p.premiumBp),
        reason: why?.messages() ?? null,
      });
    }
  }
  return {
    status,
    role,
    bondDue: due,
    walletFen: role === 'holder' ? await availableFen(ctx, orgId) : null,
    offers,
    policy: policy ?? null,
  };
}

const belowBond = (p: repo.ProductRow, bond: bigint) =>
  insuranceErrors.raise('INSURANCE_INSURED_BELOW_BOND', { insured: yuan(maxInsuredOn(p, bond)), required: yuan(bond) });

/** The policies the organisation holds, benefits from or insures: nobody else sees them. */
export const policiesOf = (ctx: AppContext, orgId: string) => repo.policiesOfOrg(ctx.db, orgId);

export async function policyFor(ctx: AppContext, orgId: string, policyId: string) {
  const policy = await repo.findPolicy(ctx.db, policyId);
  if (!policy || ![policy.holderOrgId, policy.beneficiaryOrgId, policy.insurerOrgId].includes(orgId))
    throw insuranceErrors.raise('INSURANCE_POLICY_NOT_FOUND');
  return policy;
}

export const claimsOf = (ctx: AppContext, policyIds: string[]) => repo.claimsOf(ctx.db, policyIds);

export function readerRole(policy: repo.PolicyRow, orgId: string): ReaderRole {
  if (policy.holderOrgId === orgId) return 'holder';
  return policy.beneficiaryOrgId === orgId ? 'beneficiary' : 'insurer';
}

// ── buying a policy in place of the cash bond ───────────────────────────────

const policyNumber = (id: string, now: Date) =>
  `LYBX${shanghaiDate(now).replaceAll('-', '')}${id.slice(-8).toUpperCase()}`;

/**
 * 投保 the contractor buys a policy in place of the cash bond. Eligibility, the insured amount and the wallet are
 * checked before anything is written; then one transaction takes the premium (wallet → insurer), stores the policy
 * PDF, appends its SHA-256 to the evidence log, and has escrow accept the policy as the bond.
 */
export async function buyPolicy(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  body: InsurancePurchaseBody,
  now = ctx.clock.now(),
) {
  const product = await repo.findProduct(ctx.db, body.productId);
  if (!product?.active || product.insurerOrgId === orgId) throw insuranceErrors.raise('INSURANCE_PRODUCT_NOT_FOUND');
  const { status, role } = await bondOf(ctx, orgId, body.contractId);
  if (role !== 'holder') throw insuranceErrors.raise('INSURANCE_BOND_NOT_FOUND');
  if (!bondDue(status)) throw insuranceErrors.raise('INSURANCE_BOND_NOT_DUE');
  const refusal = ineligibility(product, await holderOf(ctx, orgId));
  if (refusal) throw refusal;
  const bond = BigInt(status.bondRequiredFen);
  const insured = BigInt(body.insuredFen);
  assertInsuredAmount(product, bond, insured);
  const premium = premiumFen(insured, product.premiumBp);
  const available = await availableFen(ctx, orgId);
  if (available < premium)
    throw insuranceErrors.raise('INSURANCE_PREMIUM_OVER_BALANCE', {
      available: yuan(available),
      premium: yuan(premium),
    });

  const id = newId();
  const policyNo = policyNumber(id, now);
  const names = await orgNames(ctx, [product.insurerOrgId, orgId, status.payerOrgId]);
  const startsOn = shanghaiDate(now);
  const endsOn = shanghaiDate(new Date(now.getTime() + product.termDays * DAY));
  const pdf = await renderPolicyPdf({
    policyNo,
    productName: product.name,
    insurerName: names.get(product.insurerOrgId) ?? '',
    holderName: names.get(orgId) ?? '',
    beneficiaryName: names.get(status.payerOrgId) ?? '',
    contractId: body.contractId,
    bondRequiredFen: bond,
    insuredFen: insured,
    premiumBp: product.premiumBp,
    premiumFen: premium,
    startsOn,
    endsOn,
    issuedAt: now,
  });
  return ledgerTransaction(ctx.db, async (tx) => {
    const accounts = await ensureAccounts(tx, [orgWallet(orgId), insurancePool(product.insurerOrgId)]);
    const [transfer] = await applyInTx(
      tx,
      [
        {
          op: 'transfer',
          clientId: `insurance:${id}:premium`,
          debitAccountId: accountId(accounts, orgWallet(orgId)),
          creditAccountId: accountId(accounts, insurancePool(product.insurerOrgId)),
          amount: premium,
          code: 'insurance.premium',
          contractId: body.contractId,
          memo: { policyId: id, policyNo },
        },
      ],
      now,
    );
    const file = await storeFile(
      ctx,
      {
        orgId: product.insurerOrgId,
        userId: actor.userId,
        name: `履约保证保险单-${policyNo}.pdf`,
        bytes: pdf,
        accept: ['pdf'],
      },
      tx,
    );
    const entry = await appendEvidence(
      ctx,
      { kind: 'insurance.policy', subject: `policy:${id}`, sha256: file.sha256, orgId: product.insurerOrgId },
      tx,
    );
    const row: repo.PolicyRow = {
      id,
      policyNo,
      productId: product.id,
      insurerOrgId: product.insurerOrgId,
      holderOrgId: orgId,
      beneficiaryOrgId: status.payerOrgId,
      contractId: body.contractId,
      bondRequiredFen: bond,
      insuredFen: insured,
      premiumBp: product.premiumBp,
      premiumFen: premium,
      premiumTransferId: transfer?.id as string,
      startsOn,
      endsOn,
      status: 'active',
      fileId: file.id,
      pdfSha256: file.sha256,
      evidenceIndex: entry.entryIndex,
      issuedAt: now,
      issuedByUserId: actor.userId,
    };
    if (!(await repo.insertPolicy(tx, row))) throw insuranceErrors.raise('INSURANCE_BOND_NOT_DUE');
    await acceptBondPolicy(
      tx,
      {
        contractId: body.contractId,
        holderOrgId: orgId,
        policyId: id,
        insurerOrgId: product.insurerOrgId,
        insuredFen: insured,
      },
      now,
    );
    await notify(
      ctx,
      {
        orgId: status.payerOrgId,
        kind: 'insurance.policy_issued',
        title: '履约保证金已由保单替代',
        body: `${names.get(orgId) ?? ''}以履约保证保险单 ${policyNo}（保险金额 ¥${yuan(insured)}）替代现金履约保证金，贵方为受益人。`,
        link: '/workspace/insurance',
        email: true,
      },
      tx,
    );
    await ctx.events.publish(
      tx,
      'insurance.policy_issued',
      {
        policyId: id,
        contractId: body.contractId,
        insurerOrgId: product.insurerOrgId,
        holderOrgId: orgId,
        beneficiaryOrgId: status.payerOrgId,
        insuredFen: Number(insured),
        premiumFen: Number(premium),
        issuedAt: now.toISOString(),
      },
      now,
    );
    return row;
  });
}

const accountId = (accounts: Map<string, { id: string }>, spec: AccountSpec) =>
  (accounts.get(spec.code) as { id: string }).id;

/** The policy PDF as stored at issue (its SHA-256 is the one in the evidence log). */
export async function policyPdf(ctx: AppContext, orgId: string, policyId: string) {
  const policy = await policyFor(ctx, orgId, policyId);
  return getFile(ctx, policy.insurerOrgId, policy.fileId);
}

// ── claims ──────────────────────────────────────────────────────────────────

/**
 * 理赔申请 the beneficiary claims when the contractor's bond would be forfeited (escrow has no forfeiture of its own:
 * the beneficiary states the breach and its evidence, the insurer judges). The claim's record is hashed into the
 * evidence log.
 */
export async function fileClaim(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  policyId: string,
  body: InsuranceClaimBody,
  now = ctx.clock.now(),
) {
  const policy = await policyFor(ctx, orgId, policyId);
  if (policy.beneficiaryOrgId !== orgId) throw insuranceErrors.raise('INSURANCE_NOT_BENEFICIARY');
  if (policy.status !== 'active' || policy.endsOn < shanghaiDate(now))
    throw insuranceErrors.raise('INSURANCE_POLICY_NOT_ACTIVE');
  const amount = BigInt(body.amountFen);
  if (amount > policy.insuredFen)
    throw insuranceErrors.raise('INSURANCE_CLAIM_OVER_INSURED', {
      amount: yuan(amount),
      insured: yuan(policy.insuredFen),
    });
  const evidence: ClaimEvidence[] = [];
  for (const fileId of new Set(body.evidenceFileIds)) {
    const file = await getFile(ctx, orgId, fileId);
    evidence.push({ fileId: file.id, name: file.name, sha256: file.sha256 });
  }
  const id = newId();
  const record = {
    claimId: id,
    policyId,
    amountFen: body.amountFen,
    reason: body.reason,
    evidence,
    filedAt: now.toISOString(),
  };
  return ctx.db.transaction(async (tx) => {
    const inserted = await repo.insertClaim(tx, {
      id,
      policyId,
      insurerOrgId: policy.insurerOrgId,
      beneficiaryOrgId: orgId,
      amountFen: amount,
      reason: body.reason,
      evidence,
      status: 'submitted',
      filedAt: now,
      filedByUserId: actor.userId,
    });
    if (!inserted) throw insuranceErrors.raise('INSURANCE_CLAIM_OPEN');
    for (const to of [policy.insurerOrgId, policy.holderOrgId])
      await notify(
        ctx,
        {
          orgId: to,
          kind: 'insurance.claim_filed',
          title: '履约保证险理赔申请',
          body: `受益人就保单 ${policy.policyNo} 申请理赔 ¥${yuan(amount)}：${body.reason}`,
          link: '/workspace/insurance',
          email: true,
        },
        tx,
      );
    await appendEvidence(
      ctx,
      {
        kind: 'insurance.claim',
        subject: `policy:${policyId}:claim:${id}`,
        sha256: createHash('sha256').update(JSON.stringify(record)).digest('hex'),
        orgId,
      },
      tx,
    );
    return (await repo.findClaim(tx, id)) as repo.ClaimRow;
  });
}

/**
 * 理赔审核 the insurer approves (the claim is paid from its insurance account to the beneficiary's wallet in the same
 * transaction, and the policy is closed as claimed) or rejects with a reason.
 */
export async function decideClaim(
  ctx: AppContext,
  actor: Actor,
  insurerOrgId: string,
  claimId: string,
  body: InsuranceClaimDecisionBody,
  now = ctx.clock.now(),
) {
  const found = await repo.findClaim(ctx.db, claimId);
  if (!found || found.insurerOrgId !== insurerOrgId) throw insuranceErrors.raise('INSURANCE_CLAIM_NOT_FOUND');
  return ledgerTransaction(ctx.db, async (tx) => {
    const claim = (await repo.findClaim(tx, claimId, true)) as repo.ClaimRow;
    if (claim.status !== 'submitted') throw insuranceErrors.raise('INSURANCE_CLAIM_DECIDED', { status: claim.status });
    const policy = (await repo.findPolicy(tx, claim.policyId, true)) as repo.PolicyRow;
    let paid = 0n;
    if (body.decision === 'reject') {
      await repo.updateClaim(tx, claimId, {
        status: 'rejected',
        decidedAt: now,
        decidedByUserId: actor.userId,
        rejectReason: body.reason,
      });
    } else {
      if (policy.status !== 'active') throw insuranceErrors.raise('INSURANCE_POLICY_NOT_ACTIVE');
      paid = claim.amountFen;
      const transferId = await payClaim(tx, policy, claim, now);
      await repo.updateClaim(tx, claimId, {
        status: 'approved',
        decidedAt: now,
        decidedByUserId: actor.userId,
        payoutTransferId: transferId,
      });
      await repo.updatePolicy(tx, policy.id, { status: 'claimed' });
    }
    const outcome =
      body.decision === 'reject' ? `已被拒绝：${body.reason}` : `已批准，赔款 ¥${yuan(paid)} 已付至受益人钱包`;
    for (const to of [policy.beneficiaryOrgId, policy.holderOrgId])
      await notify(
        ctx,
        {
          orgId: to,
          kind: 'insurance.claim_decided',
          title: '履约保证险理赔结果',
          body: `保单 ${policy.policyNo} 的理赔申请${outcome}`,
          link: '/workspace/insurance',
          email: true,
        },
        tx,
      );
    await ctx.events.publish(
      tx,
      'insurance.claim_decided',
      {
        claimId,
        policyId: policy.id,
        contractId: policy.contractId,
        holderOrgId: policy.holderOrgId,
        beneficiaryOrgId: policy.beneficiaryOrgId,
        decision: body.decision === 'reject' ? 'rejected' : 'approved',
        paidFen: Number(paid),
        decidedAt: now.toISOString(),
      },
      now,
    );
    return (await repo.findClaim(tx, claimId)) as repo.ClaimRow;
  });
}

/** 赔付 insurer's insurance account → the beneficiary's wallet, one transfer per claim (its client id). */
async function payClaim(tx: DbOrTx, policy: repo.PolicyRow, claim: repo.ClaimRow, now: Date): Promise<string> {
  const pool = insurancePool(policy.insurerOrgId);
  const wallet = orgWallet(policy.beneficiaryOrgId);
  const accounts = await ensureAccounts(tx, [pool, wallet]);
  const [transfer] = await applyInTx(
    tx,
    [
      {
        op: 'transfer',
        clientId: `insurance:${claim.id}:payout`,
        debitAccountId: accountId(accounts, pool),
        creditAccountId: accountId(accounts, wallet),
        amount: claim.amountFen,
        code: 'insurance.claim_payout',
        contractId: policy.contractId,
        memo: { policyId: policy.id, claimId: claim.id },
      },
    ],
    now,
  );
  return transfer?.id as string;
}

/** What a policy view needs besides the row: the parties' and products' names and the claims. */
export async function policyDetails(ctx: AppContext, policies: repo.PolicyRow[]) {
  const [names, claims] = await Promise.all([
    orgNames(
      ctx,
      policies.flatMap((p) => [p.insurerOrgId, p.holderOrgId, p.beneficiaryOrgId]),
    ),
    repo.claimsOf(
      ctx.db,
      policies.map((p) => p.id),
    ),
  ]);
  const productNames = new Map<string, string>();
  for (const id of new Set(policies.map((p) => p.productId)))
    productNames.set(id, (await repo.findProduct(ctx.db, id))?.name ?? '');
  return { names, claims, productNames };
}

/** The claim for its policy's parties (the insurer decides; the beneficiary filed it; the holder watches). */
export async function claimFor(ctx: AppContext, orgId: string, claimId: string) {
  const claim = await repo.findClaim(ctx.db, claimId);
  if (!claim) throw insuranceErrors.raise('INSURANCE_CLAIM_NOT_FOUND');
  return { claim, policy: await policyFor(ctx, orgId, claim.policyId) };
}

/** A file the beneficiary attached to its claim, for the policy's three parties. */
export async function claimEvidenceFile(ctx: AppContext, orgId: string, claimId: string, fileId: string) {
  const { claim } = await claimFor(ctx, orgId, claimId);
  if (!claim.evidence.some((e) => e.fileId === fileId)) throw insuranceErrors.raise('INSURANCE_CLAIM_NOT_FOUND');
  return getFile(ctx, claim.beneficiaryOrgId, fileId);
}
