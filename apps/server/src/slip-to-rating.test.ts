import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from './infra/calendar/working-days';
import { creditProfile, recalculateMonth } from './modules/credit';
import { runRiskScan, transitionWarning, warningsOfOrg } from './modules/risk';
import { type BuiltOrg, buildOrg, buildSlippingContract, buildStaff } from './test/builders';
import { createTestContext, type TestContext } from './test/test-context';

/**
 * The whole chain of issue 13 on one contract, with the clock moved as the days pass: the contract slips → the
 * early warning opens days ahead → the subcontractor acknowledges it → the milestone is missed and the 7-day delay
 * warning opens → the next monthly rating lowers the subcontractor's on-time indicator and names it as the reason.
 */
/** The stored shapes of a month's dimensions and explanation (jsonb), as far as this test reads them. */
type Dimension = { key: string; indicators: { key: string; evidence: number; score: number }[] };
type Move = { key: string; label: { 'zh-CN': string }; delta: number };

describe('from a slipping contract to a lower rating', () => {
  let t: TestContext;
  let gc: BuiltOrg;
  let sub: BuiltOrg;
  let contractId: string;
  const now = new Date();
  const today = shanghaiDate(now);
  const later = (days: number) => new Date(now.getTime() + days * 86_400_000);
  const monthOf = (at: Date) => shanghaiDate(at).slice(0, 7);

  beforeAll(async () => {
    t = await createTestContext();
    gc = await buildOrg(t.ctx, { roles: ['GC'], name: '浙江链路建工有限公司' });
    sub = await buildOrg(t.ctx, { roles: ['SUB'], name: '安徽链路劳务有限公司' });
    await buildStaff(t.ctx, ['risk'], '风控专员 周敏');
    contractId = await buildSlippingContract(t.ctx, gc, sub, '5# 楼主体结构劳务分包', today);
  });
  afterAll(async () => t?.close());

  it('warns ahead, records the acknowledgement, and the missed milestone lowers the next month’s rating', async () => {
    // this month's rating, before the due date: the milestone is not due, the on-time rate is only the prior
    await recalculateMonth(t.ctx, monthOf(now), { orgIds: [sub.orgId], now });
    const before = (await creditProfile(t.ctx, sub.orgId)).latest;
    const onTime = (p: typeof before) =>
      (p?.dimensions as Dimension[] | undefined)
        ?.find((d) => d.key === 'performance')
        ?.indicators.find((i) => i.key === 'on_time');
    expect(onTime(before)?.evidence).toBe(0);

    // 4 days ahead: the early warning, acknowledged by the subcontractor
    await runRiskScan(t.ctx, now);
    const [early] = await warningsOfOrg(t.ctx, sub.orgId, { type: 'early_delay' });
    expect(early?.warning).toMatchObject({ contractId, state: 'open' });
    expect(early?.warning.evidence.facts).toMatchObject({ daysLeft: 4 });
    await transitionWarning(
      t.ctx,
      { userId: sub.userId },
      { kind: 'party', orgId: sub.orgId },
      early?.warning.id ?? '',
      {
        to: 'acknowledged',
        note: '',
      },
    );
    expect((await warningsOfOrg(t.ctx, sub.orgId, { type: 'early_delay' }))[0]?.warning.state).toBe('acknowledged');

    // a month later the milestone (due in 4 days) is 26 days late: the delay warning opens
    const nextMonth = later(30);
    await runRiskScan(t.ctx, nextMonth);
    const [delay] = await warningsOfOrg(t.ctx, sub.orgId, { type: 'milestone_delay' });
    expect(delay?.warning).toMatchObject({ contractId, state: 'open' });

    // the monthly rating counts the missed milestone and explains the fall by the on-time rate
    await recalculateMonth(t.ctx, monthOf(nextMonth), { orgIds: [sub.orgId], now: nextMonth });
    const after = (await creditProfile(t.ctx, sub.orgId)).latest;
    expect(after?.month).toBe(monthOf(nextMonth));
    expect(onTime(after)?.evidence).toBe(1);
    expect(onTime(after)?.score ?? 100).toBeLessThan(onTime(before)?.score ?? 0);
    const reason = (after?.explanation as Move[] | undefined)?.find((m) => m.key.endsWith('on_time'));
    expect(reason?.label['zh-CN']).toContain('按期完成率');
    expect(reason?.delta).toBeLessThan(0);
  });
});
