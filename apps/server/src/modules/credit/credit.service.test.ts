import { SetPlanBody } from '@zhuhe/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../infra/errors';
import { newId } from '../../infra/ids';
import { actorOf, type BuiltOrg, buildOrg, buildSignedContract, buildStaff } from '../../test/builders';
import { planBody } from '../../test/execution';
import { createTestContext, type TestContext } from '../../test/test-context';
import { payeeTrackRecord, setPlan } from '../execution';
import { approveRequest } from '../staff';
import {
  creditGradeOf,
  creditProfile,
  type DisputeResolved,
  rateCounterparty,
  recalculateMonth,
  requestCreditPolicyChange,
  requestCreditReview,
} from '.';
import { currentPolicy } from './credit.service';

/** What the domain error carries in both languages, or the thrown value itself. */
async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, ...e.messages() };
    throw e;
  }
  throw new Error('expected a refusal');
}

const stars = (n: number) => ({ quality: n, timeliness: n, cooperation: n, payment: n });
/** January 2027 is rated on 1 February; the first milestone (due 2026-11-10) is then long due. */
const NOW = new Date('2027-02-01T02:00:00Z');

describe('credit rating on platform data', () => {
  let tc: TestContext;
  let gc: BuiltOrg;
  let punctual: BuiltOrg;
  let late: BuiltOrg;
  let stranger: BuiltOrg;
  let contractPunctual: string;
  let contractLate: string;

  /** The settlement module's event when the statement of `milestoneId` is sealed on `on`. */
  const seal = (supplier: BuiltOrg, contractId: string, milestoneId: string, on: string) =>
    tc.ctx.db.transaction(async (tx) => {
      await tc.ctx.events.publish(tx, 'settlement.sealed', {
        settlementId: newId(),
        contractId,
        milestoneId,
        buyerOrgId: gc.orgId,
        supplierOrgId: supplier.orgId,
        supervisorOrgId: null,
        grossFen: 42_406_000,
        sealedAt: `${on}T08:00:00.000Z`,
      });
    });

  const firstMilestone = async (org: BuiltOrg) =>
    (await payeeTrackRecord(tc.ctx, [org.orgId], NOW)).get(org.orgId)?.milestonesDue[0]?.milestoneId as string;

  const latestMonth = async (org: BuiltOrg) => (await creditProfile(tc.ctx, org.orgId)).latest;
  const indicator = async (org: BuiltOrg, key: string) =>
    (await latestMonth(org))?.dimensions
      .flatMap((d) => (d as { indicators: { key: string; score: number }[] }).indicators)
      .find((i) => i.key === key)?.score;
  const dimension = async (org: BuiltOrg, key: string) =>
    (await latestMonth(org))?.dimensions.find((d) => (d as { key: string }).key === key) as
      | { score: number }
      | undefined;

  beforeAll(async () => {
    tc = await createTestContext();
    gc = await buildOrg(tc.ctx, { roles: ['GC'] });
    punctual = await buildOrg(tc.ctx, { roles: ['SUB'] });
    late = await buildOrg(tc.ctx, { roles: ['SUB'] });
    stranger = await buildOrg(tc.ctx, { roles: ['SUB'] });
    contractPunctual = await buildSignedContract(tc.ctx, gc, punctual);
    contractLate = await buildSignedContract(tc.ctx, gc, late);
    for (const id of [contractPunctual, contractLate])
      await setPlan(tc.ctx, actorOf(gc), gc.orgId, id, SetPlanBody.parse(planBody()));
  });
  afterAll(async () => tc?.close());

  describe('行业口碑 ratings', () => {
    it('refuses stars outside 1–5 in both languages and stores nothing', async () => {
      const r = await refusal(
        rateCounterparty(tc.ctx, actorOf(gc), gc.orgId, {
          contractId: contractPunctual,
          ratedOrgId: punctual.orgId,
          stars: { ...stars(5), quality: 6 },
          comment: '',
        }),
      );
      expect(r).toMatchObject({ code: 'CREDIT_STARS_OUT_OF_RANGE', 'zh-CN': '每项评分须为 1 至 5 星' });
      expect(r.en).toContain('1 to 5');
      expect((await creditProfile(tc.ctx, punctual.orgId)).ratingsReceived).toBe(0);
    });

    it('refuses rating a firm you never contracted with', async () => {
      const r = await refusal(
        rateCounterparty(tc.ctx, actorOf(gc), gc.orgId, {
          contractId: contractPunctual,
          ratedOrgId: stranger.orgId,
          stars: stars(1),
          comment: '从未合作',
        }),
      );
      expect(r.code).toBe('CREDIT_NO_CONTRACT');
      expect(r['zh-CN']).toContain('合同');
      // nor may an outsider rate a party of someone else's contract
      expect(
        (
          await refusal(
            rateCounterparty(tc.ctx, actorOf(stranger), stranger.orgId, {
              contractId: contractPunctual,
              ratedOrgId: gc.orgId,
              stars: stars(1),
              comment: '',
            }),
          )
        ).code,
      ).toBe('CREDIT_NO_CONTRACT');
      expect((await creditProfile(tc.ctx, stranger.orgId)).ratingsReceived).toBe(0);
    });

    it('takes one rating per contract and side, and refuses the second', async () => {
      const input = { contractId: contractPunctual, ratedOrgId: punctual.orgId, stars: stars(5), comment: '工期守约' };
      const saved = await rateCounterparty(tc.ctx, actorOf(gc), gc.orgId, input);
      expect(saved.quality).toBe(5);
      const again = await refusal(rateCounterparty(tc.ctx, actorOf(gc), gc.orgId, { ...input, stars: stars(1) }));
      expect(again.code).toBe('CREDIT_ALREADY_RATED');
      expect(again.en).toContain('one rating per contract');
      // the other side rates back on the same contract
      await rateCounterparty(tc.ctx, actorOf(punctual, ['SUB']), punctual.orgId, {
        contractId: contractPunctual,
        ratedOrgId: gc.orgId,
        stars: stars(4),
        comment: '付款及时',
      });
      expect((await creditProfile(tc.ctx, punctual.orgId)).ratingsReceived).toBe(1);
      expect((await creditProfile(tc.ctx, gc.orgId)).ratingsReceived).toBe(1);
    });
  });

  describe('monthly rating', () => {
    it('a milestone sealed after its due date lowers the on-time rate, and the month explains it', async () => {
      // October: nothing due yet, both rated on the prior. November: the first milestone (due 11-10) is sealed.
      await recalculateMonth(tc.ctx, '2026-10', { orgIds: [punctual.orgId, late.orgId], now: NOW });
      await seal(punctual, contractPunctual, await firstMilestone(punctual), '2026-11-08');
      await seal(late, contractLate, await firstMilestone(late), '2026-11-25');
      await recalculateMonth(tc.ctx, '2026-11', { orgIds: [punctual.orgId, late.orgId], now: NOW });

      const onTimePunctual = (await indicator(punctual, 'on_time')) ?? 0;
      const onTimeLate = (await indicator(late, 'on_time')) ?? 0;
      expect(onTimeLate).toBeLessThan(onTimePunctual);
      const explanation = (await latestMonth(late))?.explanation as { key: string; delta: number }[];
      expect(explanation.find((m) => m.key === 'performance.on_time')?.delta).toBeLessThan(0);
      expect((await creditProfile(tc.ctx, late.orgId)).history.map((h) => h.month)).toEqual(['2026-10', '2026-11']);
    });

    it('marks an organisation with thin data as insufficient and keeps it off the extremes', async () => {
      await recalculateMonth(tc.ctx, '2027-01', { orgIds: [stranger.orgId], now: NOW });
      const m = await latestMonth(stranger);
      expect(m?.thin).toBe(true);
      expect(['A', 'B']).toContain(m?.grade);
    });

    it('a lost dispute (dispute.resolved) lowers the transactions dimension of the loser only', async () => {
      const before = (await dimension(late, 'transactions'))?.score ?? 0;
      const beforeGc = (await dimension(gc, 'transactions'))?.score;
      const event: DisputeResolved = {
        disputeId: newId(),
        subject: { kind: 'contract', id: contractLate },
        claimantOrgId: gc.orgId,
        respondentOrgId: late.orgId,
        outcome: 'claimant',
        level: 2,
        amountInDisputeFen: 5_000_000,
        awardedToClaimantFen: 3_000_000,
        decidedAt: '2027-01-20T06:00:00.000Z',
      };
      await tc.ctx.db.transaction(async (tx) => {
        await tc.ctx.events.publish(tx, 'dispute.resolved', event);
      });
      // both credit pages list the result at once, for the rating of the month it was decided in
      const loser = (await creditProfile(tc.ctx, late.orgId)).disputeResults[0];
      const winner = (await creditProfile(tc.ctx, gc.orgId)).disputeResults[0];
      expect(loser).toMatchObject({ result: 'lost', level: 2, countsInMonth: '2027-01' });
      expect(winner).toMatchObject({ result: 'won', level: 2, countsInMonth: '2027-01' });
      await recalculateMonth(tc.ctx, '2027-01', { orgIds: [late.orgId, gc.orgId], now: NOW });
      expect((await dimension(late, 'transactions'))?.score).toBeLessThan(before);
      if (beforeGc !== undefined) expect((await dimension(gc, 'transactions'))?.score).toBeGreaterThanOrEqual(beforeGc);
    });

    it("a loan left overdue (finance.loan_overdue) counts as a payment missed in the borrower's 按期付款率", async () => {
      const before = await indicator(late, 'payment');
      const overdue = {
        applicationId: newId(),
        borrowerOrgId: late.orgId,
        lenderOrgId: stranger.orgId,
        contractId: contractLate,
        outstandingFen: 12_000_000,
        dueDate: '2027-01-10',
        detectedAt: '2027-01-11T18:00:00.000Z',
      };
      // the finance job publishes once per loan; a second delivery changes nothing
      for (let i = 0; i < 2; i += 1)
        await tc.ctx.db.transaction(async (tx) => {
          await tc.ctx.events.publish(tx, 'finance.loan_overdue', overdue);
        });
      await recalculateMonth(tc.ctx, '2027-01', { orgIds: [late.orgId], now: NOW });
      expect(before).toBeDefined();
      expect(await indicator(late, 'payment')).toBeLessThan(before as number);
      const evidence = (await latestMonth(late))?.dimensions
        .flatMap((d) => (d as { indicators: { key: string; evidence: number }[] }).indicators)
        .find((i) => i.key === 'payment')?.evidence;
      expect(evidence).toBe(1);
    });

    it('publishes credit.rated and the grade feeds creditGradeOf', async () => {
      const grades = await creditGradeOf(tc.ctx, [punctual.orgId]);
      expect(grades.get(punctual.orgId)?.grade).toBe((await latestMonth(punctual))?.grade);
      expect(grades.get(punctual.orgId)?.source).toContain('2026-11');
    });
  });

  describe('dual control', () => {
    it('a manual review changes the grade only after a second staff member approves', async () => {
      const risk = await buildStaff(tc.ctx, ['risk']);
      const admin = await buildStaff(tc.ctx, ['admin']);
      const computed = (await creditGradeOf(tc.ctx, [late.orgId])).get(late.orgId)?.grade;
      const pending = await requestCreditReview(tc.ctx, risk, late.orgId, {
        grade: 'C',
        reason: '项目停工，核实拖欠农民工工资',
        expiresOn: '2099-12-31',
      });
      expect(pending.status).toBe('pending');
      expect((await creditGradeOf(tc.ctx, [late.orgId])).get(late.orgId)?.grade).toBe(computed);
      expect((await refusal(approveRequest(tc.ctx, risk, pending.requestId, null))).code).toBe(
        'STAFF_DUAL_CONTROL_SAME_PERSON',
      );
      await approveRequest(tc.ctx, admin, pending.requestId, '核实属实');
      const now = (await creditGradeOf(tc.ctx, [late.orgId])).get(late.orgId);
      expect(now?.grade).toBe('C');
      expect(now?.source).toContain('人工复核');
      expect((await creditProfile(tc.ctx, late.orgId)).source).toBe('review');
    });

    it('refuses a policy whose weights do not add up to 100, in both languages, and stores nothing', async () => {
      const risk = await buildStaff(tc.ctx, ['risk']);
      const r = await refusal(
        requestCreditPolicyChange(tc.ctx, risk, {
          weights: { performance: 40, transactions: 25, reputation: 20, qualification: 15, social: 10 },
          thresholds: { AAA: 90, AA: 80, A: 70, B: 60 },
          priorStrength: 5,
          note: '',
        }),
      );
      expect(r).toMatchObject({ code: 'CREDIT_WEIGHTS_NOT_100' });
      expect(r['zh-CN']).toContain('110');
      expect(r.en).toContain('add up to 110');
      expect((await currentPolicy(tc.ctx.db)).version).toBe(0);
    });

    it('a valid policy takes effect as version 1 after approval', async () => {
      const risk = await buildStaff(tc.ctx, ['risk']);
      const admin = await buildStaff(tc.ctx, ['admin']);
      const pending = await requestCreditPolicyChange(tc.ctx, risk, {
        weights: { performance: 35, transactions: 25, reputation: 15, qualification: 15, social: 10 },
        thresholds: { AAA: 90, AA: 80, A: 70, B: 60 },
        priorStrength: 8,
        note: '加重履约能力',
      });
      expect((await currentPolicy(tc.ctx.db)).version).toBe(0);
      await approveRequest(tc.ctx, admin, pending.requestId, null);
      const p = await currentPolicy(tc.ctx.db);
      expect(p.version).toBe(1);
      expect(p.weights.performance).toBe(35);
    });
  });

  it('ORG-3: the tiers module sees the credit score', async () => {
    const facts = await tc.modules.tiers.api.data.facts([punctual.orgId, gc.orgId], new Date(0), NOW);
    expect(facts.get(punctual.orgId)?.creditScore).toBe((await latestMonth(punctual))?.score);
  });

  it('the rate discount hook follows the grade', async () => {
    expect(await tc.modules.credit.api.rateDiscountBp(late.orgId)).toBe(0);
  });
});
