import type { BusinessRole, MerchantTier, StaffRole } from '@zhuhe/contracts';
import { shanghaiDate } from '../infra/calendar/working-days';
import type { AppContext } from '../infra/context';
import type { Actor } from '../infra/http/access';
import { newId } from '../infra/ids';
import { createContract, signVersion } from '../modules/contracts';
import { fundEscrowByDeposit, openContractEscrow, releaseMilestone, setPaymentSchedule } from '../modules/escrow';
import { createLog, executionAccess, setPlan } from '../modules/execution';
import { storeFile } from '../modules/files';
import { createUserDirect } from '../modules/identity';
import { applyInTx, ensureAccounts, ledgerTransaction, orgWallet, SYSTEM_ACCOUNTS } from '../modules/ledger';
import { acceptAgreement, apply, decide, MERCHANT_AGREEMENT } from '../modules/merchants';
import { createOrganisationDirect, getOrganisation } from '../modules/organisation';
import { seedStaffRoles } from '../modules/staff';
import { validCreditCode } from './credit-codes';
import { idNumber } from './onboarding';
import { PASSWORD, tinyPdf, tinyPng } from './test-app';

let seq = 0;
const next = () => {
  seq += 1;
  return `${process.pid}-${seq}`;
};

export interface BuiltOrg {
  orgId: string;
  /** the owner */
  userId: string;
  name: string;
  email: string;
}

/** A user who can log in with the test password. */
export async function buildUser(ctx: AppContext, name = '测试用户') {
  const email = `user-${next()}@example.com`;
  const user = await createUserDirect(ctx, { identifier: email, password: PASSWORD, displayName: name });
  return { userId: user.id, email };
}

/** An organisation of the given business roles with its owner (verified unless told otherwise). */
export async function buildOrg(
  ctx: AppContext,
  options: { roles?: BusinessRole[]; name?: string; regionCode?: string; verification?: string } = {},
): Promise<BuiltOrg> {
  const n = next();
  const name = options.name ?? `测试${n}建设有限公司`;
  const owner = await buildUser(ctx, `${name}负责人`);
  const org = await createOrganisationDirect(ctx, owner.userId, {
    name,
    creditCode: validCreditCode(options.regionCode ?? '330100'),
    businessRoles: options.roles ?? ['GC'],
    regionCode: options.regionCode ?? '330106',
    verification: options.verification ?? 'verified',
  });
  return { orgId: org.id, userId: owner.userId, name, email: owner.email };
}

/** The owner as a logged-in actor with 2FA and a fresh step-up, acting for the organisation. */
export function actorOf(org: BuiltOrg, roles: BusinessRole[] = ['GC']): Actor {
  return {
    userId: org.userId,
    sessionId: `session-${org.userId}`,
    csrfToken: 'test',
    mfa: true,
    pendingMfa: false,
    stepUpAt: new Date(),
    activeOrgId: org.orgId,
    activeRole: roles[0] ?? null,
    staffRoles: [],
    memberships: [{ orgId: org.orgId, orgName: org.name, membershipRole: 'owner', businessRoles: roles }],
  };
}

/** The variables of the demo-style 1# 楼 subcontract (劳务分包) template. */
export function subcontractVariables(amountFen: number) {
  return {
    projectName: '杭州未来科技城 A3 地块住宅项目',
    projectLocation: '杭州市余杭区',
    scope: '1# 楼主体结构钢筋、模板、混凝土浇筑劳务作业',
    amountFen,
    startDate: '2026-10-01',
    endDate: '2027-03-31',
    advanceBp: 1000,
    retentionBp: 300,
    paymentTerms: '按节点计量，经监理确认后支付',
    qualityStandard: '合格（GB 50300-2013）',
    disputeVenue: '杭州仲裁委员会',
  };
}

/** A subcontract between a buyer (甲方) and a supplier (乙方), signed by both through the contracts use cases. */
export async function buildSignedContract(
  ctx: AppContext,
  buyer: BuiltOrg,
  supplier: BuiltOrg,
  options: { amountFen?: number; title?: string } = {},
): Promise<string> {
  const id = await createContract(ctx, actorOf(buyer), buyer.orgId, {
    kind: 'subcontract',
    counterpartyOrgId: supplier.orgId,
    title: options.title ?? '1# 楼主体结构劳务分包',
    variables: subcontractVariables(options.amountFen ?? 106_015_000),
  });
  await signVersion(ctx, actorOf(buyer), buyer.orgId, id, 1);
  await signVersion(ctx, actorOf(supplier, ['SUB']), supplier.orgId, id, 1);
  return id;
}

/**
 * A steel supplier that went through onboarding (apply → approve with `tier` → agreement) and is an active
 * merchant since `activatedAt`.
 */
export async function buildActiveMerchant(
  ctx: AppContext,
  options: { tier?: MerchantTier; activatedAt?: Date } = {},
): Promise<BuiltOrg> {
  const org = await buildOrg(ctx, { roles: ['SUP'], verification: 'unverified' });
  const reviewer = await buildUser(ctx, '审核员');
  const at = options.activatedAt ?? new Date();
  const file = async (name: string, bytes: Buffer) =>
    (await storeFile(ctx, { orgId: org.orgId, userId: org.userId, name, bytes })).id;
  const { creditCode: code } = await getOrganisation(ctx, org.orgId);
  const application = await apply(
    ctx,
    { userId: org.userId },
    org.orgId,
    {
      categoryCode: 'steel',
      serviceRegions: ['330000'],
      shopName: `${org.name}钢材旗舰店`,
      profile: '螺纹钢、盘螺、型钢，杭州现货',
      verification: {
        licence: {
          creditCode: code,
          companyName: org.name,
          legalRepresentative: '张建国',
          registeredCapitalFen: 1_000_000_000,
          address: '浙江省杭州市西湖区',
          validFrom: '2012-03-01',
          validUntil: null,
          fileId: await file('营业执照.pdf', tinyPdf()),
        },
        idCard: {
          name: '张建国',
          number: idNumber('19750412', '330106', '215'),
          validUntil: shanghaiDate(new Date(at.getTime() + 3650 * 86_400_000)),
          frontFileId: await file('身份证人像面.png', tinyPng()),
          backFileId: await file('身份证国徽面.png', tinyPng()),
        },
        qualifications: [],
      },
    },
    at,
  );
  await decide(
    ctx,
    reviewer,
    application.id,
    { decision: 'approve', reasons: [], tier: options.tier ?? 'potential' },
    at,
  );
  await acceptAgreement(
    ctx,
    { userId: org.userId },
    org.orgId,
    { agreementVersion: MERCHANT_AGREEMENT.version },
    { ip: null },
    at,
  );
  return org;
}

/**
 * What the settlement module publishes when the third party seals a statement (`settlement.sealed`), in its own
 * transaction: for use cases that react to completed transactions without building a whole settlement.
 */
export async function publishSealedSettlement(
  ctx: AppContext,
  buyer: BuiltOrg,
  supplier: BuiltOrg,
  grossFen: number,
  options: { settlementId?: string; at?: Date } = {},
): Promise<void> {
  const at = options.at ?? new Date();
  await ctx.db.transaction(async (tx) => {
    await ctx.events.publish(
      tx,
      'settlement.sealed',
      {
        settlementId: options.settlementId ?? newId(),
        contractId: newId(),
        milestoneId: newId(),
        buyerOrgId: buyer.orgId,
        supplierOrgId: supplier.orgId,
        supervisorOrgId: null,
        grossFen,
        sealedAt: at.toISOString(),
      },
      at,
    );
  });
}

/** A platform staff member with the given roles, as an actor with 2FA (no organisation). */
export async function buildStaff(ctx: AppContext, roles: StaffRole[], name = '风控专员'): Promise<Actor> {
  const user = await buildUser(ctx, name);
  await seedStaffRoles(ctx, user.userId, roles);
  return {
    userId: user.userId,
    sessionId: `session-${user.userId}`,
    csrfToken: 'test',
    mfa: true,
    pendingMfa: false,
    stepUpAt: new Date(),
    activeOrgId: null,
    activeRole: null,
    staffRoles: roles,
    memberships: [],
  };
}

function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/**
 * A contract that slips: started 36 days before `today`, milestone 1 (50%) due 4 days after it; the contractor logs
 * every 3 days but progress stalled at about a fifth of the plan after the first two weeks.
 */
export async function buildSlippingContract(
  ctx: AppContext,
  buyer: BuiltOrg,
  payee: BuiltOrg,
  title: string,
  today: string,
): Promise<string> {
  const id = await buildSignedContract(ctx, buyer, payee, { title });
  await setPlan(ctx, actorOf(buyer), buyer.orgId, id, {
    startDate: addDays(today, -36),
    retentionBp: 300,
    advanceBp: 1000,
    labourShareBp: 3000,
    bondBp: null,
    milestones: [
      { title: '基础及地下室完成', deliverables: '验收记录', dueDate: addDays(today, 4), shareBp: 5000 },
      { title: '主体结构封顶', deliverables: '验收记录', dueDate: addDays(today, 60), shareBp: 5000 },
    ],
    boqLines: [{ code: '010501001', name: 'C30 混凝土', unit: 'm³', quantityMilli: 1_000_000, unitPriceFen: 100_000 }],
    plannedCurve: [],
  });
  const { lines } = await executionAccess(ctx, buyer.orgId, id);
  const lineId = lines[0]?.id as string;
  for (let d = -35; d <= -2; d += 3) {
    const quantityMilli = d < -21 ? 40_000 : 2_000;
    await createLog(ctx, actorOf(payee, ['SUB']), payee.orgId, id, {
      logDate: addDays(today, d),
      workersOnSite: 20,
      weather: '晴',
      issues: d < -21 ? '' : '钢筋未到场，部分班组撤场',
      work: [{ lineId, quantityMilli, note: '' }],
      photoFileIds: [],
    });
  }
  return id;
}

/** Money in the organisation's wallet, as if it arrived from its bank (bank clearing → wallet, one ledger transfer). */
export async function fundWallet(ctx: AppContext, orgId: string, amountFen: number) {
  await ledgerTransaction(ctx.db, async (tx) => {
    const accounts = await ensureAccounts(tx, [SYSTEM_ACCOUNTS.bankClearing, orgWallet(orgId)]);
    await applyInTx(tx, [
      {
        op: 'transfer',
        clientId: newId(),
        debitAccountId: (accounts.get(SYSTEM_ACCOUNTS.bankClearing.code) as { id: string }).id,
        creditAccountId: (accounts.get(orgWallet(orgId).code) as { id: string }).id,
        amount: BigInt(amountFen),
        code: 'test.top-up',
      },
    ]);
  });
}

/**
 * An escrow the application funded and released once (¥100,000 contract, ¥101,000 deposited, ¥50,000 released with
 * retention and labour shares): six ledger transfers for the verify and backup commands to check.
 */
export async function buildReleasedEscrow(ctx: AppContext, contractId = newId()): Promise<string> {
  await openContractEscrow(ctx, {
    contractId,
    payerOrgId: newId(),
    payeeOrgId: newId(),
    contractAmountFen: 100_000_00,
    advanceRatioPct: 10,
    retentionPct: 3,
    labourSharePct: 20,
    bondPct: null,
  });
  await setPaymentSchedule(ctx, {
    contractId,
    items: [{ milestoneId: 'm1', title: '全部', dueDate: '2030-01-01', amountFen: 100_000_00 }],
  });
  await fundEscrowByDeposit(ctx, { contractId, amountFen: 101_000_00, reference: 'r', clientId: newId() });
  await releaseMilestone(ctx, {
    contractId,
    milestoneId: 'm1',
    settlementId: 's1',
    clientId: newId(),
    grossFen: 50_000_00,
    retentionFen: 1_500_00,
    labourFen: 10_000_00,
  });
  return contractId;
}
