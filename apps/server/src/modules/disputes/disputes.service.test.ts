import type { StaffRole } from '@zhuhe/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { actorOf, type BuiltOrg, buildOrg, buildSignedContract, buildUser } from '../../test/builders';
import { tinyPdf } from '../../test/test-app';
import { createTestContext, type TestContext } from '../../test/test-context';
import { fundEscrowByDeposit, openContractEscrow, verifyMoney } from '../escrow';
import { storeFile } from '../files';
import { accountByCode, orgWallet } from '../ledger';
import { seedStaffRoles } from '../staff';
import type { DisputeResolved } from './disputes.events';
import { castVote, disputeForParty, disputeForStaff, fileDispute, recordMediation } from './index';

let tc: TestContext;
let gc: BuiltOrg;
let sub: BuiltOrg;
let contractId: string;
const resolved: DisputeResolved[] = [];

async function staff(roles: StaffRole[], name: string, memberOf?: BuiltOrg): Promise<Actor> {
  const userId = memberOf ? memberOf.userId : (await buildUser(tc.ctx, name)).userId;
  await seedStaffRoles(tc.ctx, userId, roles);
  return {
    ...(memberOf ? actorOf(memberOf) : actorOf({ orgId: newId(), userId, name, email: '' })),
    memberships: memberOf ? actorOf(memberOf).memberships : [],
    activeOrgId: null,
    staffRoles: roles,
  };
}

let service: Actor;
let arbitrators: Actor[];
let conflicted: Actor[];

beforeAll(async () => {
  tc = await createTestContext();
  tc.ctx.events.onTransaction('dispute.resolved', 'test-spy', async (event) => {
    resolved.push(event.payload);
  });
  gc = await buildOrg(tc.ctx, { roles: ['GC'] });
  sub = await buildOrg(tc.ctx, { roles: ['SUB'] });
  contractId = await buildSignedContract(tc.ctx, gc, sub, { amountFen: 1_000_000_00 });
  await openContractEscrow(tc.ctx, {
    contractId,
    payerOrgId: gc.orgId,
    payeeOrgId: sub.orgId,
    contractAmountFen: 1_000_000_00,
    advanceRatioPct: 0,
    retentionPct: 3,
    labourSharePct: 30,
    bondPct: null,
  });
  await fundEscrowByDeposit(tc.ctx, { contractId, amountFen: 500_000_00, reference: 'dep', clientId: newId() });
  service = await staff(['service'], '客服王敏');
  await staff(['finance'], '资金专员李强');
  // conflicts: the GC's owner, and the owner of a firm that has a contract with the SUB
  const contractor = await buildOrg(tc.ctx, { roles: ['GC'] });
  await buildSignedContract(tc.ctx, contractor, sub, { amountFen: 10_000_00 });
  conflicted = [await staff(['arbitrator'], '', gc), await staff(['arbitrator'], '', contractor)];
  arbitrators = [
    await staff(['arbitrator'], '仲裁员甲'),
    await staff(['arbitrator'], '仲裁员乙'),
    await staff(['arbitrator'], '仲裁员丙'),
  ];
});
afterAll(async () => {
  await tc?.close();
});

const escrowAccount = () => accountByCode(tc.ctx.db, `contract:${contractId}:escrow`);

describe('a payment dispute from filing to the committee’s decision', () => {
  let disputeId: string;

  it('files with evidence and a hold: the team forms at once, the clocks run, the amount is held in escrow', async () => {
    const file = await storeFile(tc.ctx, {
      orgId: sub.orgId,
      userId: sub.userId,
      name: '付款申请.pdf',
      bytes: tinyPdf(),
    });
    disputeId = await fileDispute(tc.ctx, actorOf(sub, ['SUB']), sub.orgId, {
      subject: { kind: 'contract', id: contractId },
      type: 'payment',
      amountInDisputeFen: 200_000_00,
      claim: '第二节点工程款经监理确认后逾期未付，请求支付。',
      evidenceFileIds: [file.id],
      holdInEscrow: true,
    });
    const view = await disputeForParty(tc.ctx, sub.orgId, disputeId);
    expect(view.status).toBe('mediation');
    expect(view.team.ownerName).toBe('客服王敏');
    expect(view.team.specialistName).toBe('资金专员李强');
    expect(view.team.clock.breached).toBe(false);
    expect(view.heldFen).toBe(200_000_00);
    expect(view.evidence).toHaveLength(1);
    expect(view.evidence[0]?.sha256).toBe(file.sha256);
    // the respondent sees the same case and the claimant's evidence
    const other = await disputeForParty(tc.ctx, gc.orgId, disputeId);
    expect(other.viewerSide).toBe('respondent');
    expect(other.evidence).toHaveLength(1);
    const escrow = await escrowAccount();
    expect(escrow.posted).toBe(500_000_00n);
    expect(escrow.pendingDebits).toBe(200_000_00n);
  });

  it('mediation fails: three arbitrators without a conflict of interest sit on the committee', async () => {
    await recordMediation(tc.ctx, service, disputeId, { result: 'failed', note: '双方对付款条件各执一词，调解未成。' });
    const view = await disputeForStaff(tc.ctx, service, disputeId);
    expect(view.status).toBe('arbitration');
    expect(view.level).toBe(2);
    expect([...view.arbitrators].sort()).toEqual(['仲裁员丙', '仲裁员乙', '仲裁员甲'].sort());
    // a conflicted arbitrator cannot vote
    await expect(
      castVote(tc.ctx, conflicted[0] as Actor, disputeId, {
        outcome: 'claimant',
        awardedToClaimantFen: 200_000_00,
        reasons: '我是甲方的人，但这里不应有我的表决。',
      }),
    ).rejects.toThrow('DISPUTE_NOT_FOUND');
  });

  it('two matching votes decide; the decision moves exactly the awarded part of the hold, the rest stays in escrow', async () => {
    const walletBefore = (await accountByCode(tc.ctx.db, orgWallet(sub.orgId).code)).posted;
    const [a, b] = arbitrators as [Actor, Actor];
    await castVote(tc.ctx, a, disputeId, {
      outcome: 'split',
      awardedToClaimantFen: 150_000_00,
      reasons: '监理已确认工程量，扣除未整改部分后应付 15 万元。',
    });
    expect(resolved).toHaveLength(0);
    await castVote(tc.ctx, b, disputeId, {
      outcome: 'split',
      awardedToClaimantFen: 150_000_00,
      reasons: '同意，整改部分 5 万元待复验后另行结算。',
    });
    const view = await disputeForParty(tc.ctx, sub.orgId, disputeId);
    expect(view.status).toBe('resolved');
    expect(view.outcome).toBe('split');
    expect(view.awardedToClaimantFen).toBe(150_000_00);
    expect(view.heldFen).toBe(0);
    expect(view.decisionPdfUrl).toContain('/decision.pdf');
    expect(view.votes).toHaveLength(2);
    const wallet = (await accountByCode(tc.ctx.db, orgWallet(sub.orgId).code)).posted;
    expect(wallet - walletBefore).toBe(150_000_00n);
    const escrow = await escrowAccount();
    expect(escrow.posted).toBe(350_000_00n);
    expect(escrow.pendingDebits).toBe(0n);
    const money = await verifyMoney(tc.ctx.db);
    expect(money.violations).toEqual([]);
    expect(money.ok).toBe(true);
    expect(resolved).toEqual([
      expect.objectContaining({
        disputeId,
        outcome: 'split',
        level: 2,
        claimantOrgId: sub.orgId,
        respondentOrgId: gc.orgId,
        amountInDisputeFen: 200_000_00,
        awardedToClaimantFen: 150_000_00,
      }),
    ]);
    // the third vote comes too late
    await expect(
      castVote(tc.ctx, arbitrators[2] as Actor, disputeId, {
        outcome: 'claimant',
        awardedToClaimantFen: 200_000_00,
        reasons: '应全额支付，理由见卷宗。',
      }),
    ).rejects.toThrow('DISPUTE_WRONG_STAGE');
  });
});

describe('bad filings store nothing', () => {
  it('an amount above the contract, a contract the organisation is not party to, a foreign file', async () => {
    const base = {
      subject: { kind: 'contract' as const, id: contractId },
      type: 'payment' as const,
      amountInDisputeFen: 1_000_000_01,
      claim: '合同外的金额也要求支付，理由如下。',
      evidenceFileIds: [],
      holdInEscrow: false,
    };
    await expect(fileDispute(tc.ctx, actorOf(gc), gc.orgId, base)).rejects.toThrow('DISPUTE_AMOUNT_ABOVE_CONTRACT');
    const third = await buildOrg(tc.ctx, { roles: ['SUB'] });
    await expect(
      fileDispute(tc.ctx, actorOf(third), third.orgId, { ...base, amountInDisputeFen: 100 }),
    ).rejects.toThrow('DISPUTE_SUBJECT_NOT_PARTY');
    const foreign = await storeFile(tc.ctx, { orgId: sub.orgId, userId: sub.userId, name: 'x.pdf', bytes: tinyPdf() });
    await expect(
      fileDispute(tc.ctx, actorOf(gc), gc.orgId, { ...base, amountInDisputeFen: 100, evidenceFileIds: [foreign.id] }),
    ).rejects.toThrow('DISPUTE_EVIDENCE_UNKNOWN');
    expect((await escrowAccount()).pendingDebits).toBe(0n);
  });
});
