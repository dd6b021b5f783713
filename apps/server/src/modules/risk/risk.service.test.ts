import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../infra/calendar/working-days';
import { queryRows } from '../../infra/db/client';
import { newId } from '../../infra/ids';
import {
  actorOf,
  type BuiltOrg,
  buildOrg,
  buildSignedContract,
  buildSlippingContract,
  buildStaff,
} from '../../test/builders';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createLog, executionAccess, setPlan } from '../execution';
import { addDays } from './risk.rules';
import { runRiskScan, transitionWarning, warningsOfOrg } from './risk.service';

/** Use cases of the risk warnings on a real database: scan, delivery, deduplication, states and their audit. */
let t: TestContext;
let gc: BuiltOrg;
let sub: BuiltOrg;
let outsider: BuiltOrg;
let contractId: string;
const now = new Date();
const today = shanghaiDate(now);

beforeAll(async () => {
  t = await createTestContext();
  gc = await buildOrg(t.ctx, { roles: ['GC'], name: '浙江风控建工有限公司' });
  sub = await buildOrg(t.ctx, { roles: ['SUB'], name: '安徽风控劳务有限公司' });
  outsider = await buildOrg(t.ctx, { roles: ['GC'], name: '江苏无关建设有限公司' });
  await buildStaff(t.ctx, ['risk'], '风控专员 陈立');
  contractId = await buildSlippingContract(t.ctx, gc, sub, '3# 楼主体结构劳务分包', today);
});
afterAll(async () => t?.close());

describe('the daily scan', () => {
  it('opens an early warning 4 days before the due date of the slipping milestone, for both parties', async () => {
    const result = await runRiskScan(t.ctx, now);
    expect(result.opened).toBeGreaterThanOrEqual(1);
    const [w] = await warningsOfOrg(t.ctx, sub.orgId, { type: 'early_delay' });
    expect(w?.warning).toMatchObject({ state: 'open', contractId, ownerOrgId: sub.orgId });
    expect(w?.warning.evidence.facts).toMatchObject({ daysLeft: 4, dueDate: addDays(today, 4), milestoneSeq: 1 });
    expect(Number(w?.warning.evidence.facts.probabilityPercent)).toBeGreaterThanOrEqual(60);
    expect(w?.warning.title['zh-CN']).toContain('基础及地下室完成');
    expect(w?.partyOrgIds.sort()).toEqual([gc.orgId, sub.orgId].sort());
    // the buyer sees the same warning; an organisation that is no party sees none
    expect((await warningsOfOrg(t.ctx, gc.orgId, {})).map((x) => x.warning.id)).toContain(w?.warning.id);
    expect(await warningsOfOrg(t.ctx, outsider.orgId, {})).toEqual([]);
  });

  it('delivers it in-app to both parties and to risk staff, and by e-mail', async () => {
    const rows = await queryRows<{ org_id: string | null; user_id: string | null; link: string }>(
      t.ctx.db,
      sql`select org_id, user_id, link from notifications where kind = 'risk.warning'`,
    );
    expect(rows.filter((r) => r.org_id === gc.orgId || r.org_id === sub.orgId)).toHaveLength(2);
    await t.drain();
    const staff = await queryRows<{ user_id: string | null }>(
      t.ctx.db,
      sql`select user_id from notifications where kind = 'risk.warning' and link = '/staff/risk'`,
    );
    expect(staff.length).toBeGreaterThanOrEqual(1);
    const subjects = t.mailer.sent.map((m) => `${m.to} ${m.subject}`);
    expect(subjects.some((s) => s.startsWith(sub.email) && s.includes('风险预警'))).toBe(true);
  });

  it('does not open a second warning for the same milestone and type', async () => {
    const again = await runRiskScan(t.ctx, now);
    expect(again.opened).toBe(0);
    expect(await warningsOfOrg(t.ctx, sub.orgId, { type: 'early_delay' })).toHaveLength(1);
  });

  it('leaves a contract that keeps to its plan alone', async () => {
    const other = await buildOrg(t.ctx, { roles: ['SUB'] });
    const id = await buildSignedContract(t.ctx, gc, other, { title: '地库防水专业分包' });
    await setPlan(t.ctx, actorOf(gc), gc.orgId, id, {
      startDate: addDays(today, -20),
      retentionBp: 300,
      advanceBp: 0,
      labourShareBp: 3000,
      bondBp: null,
      milestones: [
        { title: '底板防水', deliverables: '', dueDate: addDays(today, 4), shareBp: 5000 },
        { title: '侧墙防水', deliverables: '', dueDate: addDays(today, 30), shareBp: 5000 },
      ],
      boqLines: [{ code: '010904001', name: '防水卷材', unit: 'm²', quantityMilli: 1_000_000, unitPriceFen: 10_000 }],
      plannedCurve: [],
    });
    const { lines } = await executionAccess(t.ctx, gc.orgId, id);
    for (let d = -19; d <= -1; d += 2)
      await createLog(t.ctx, actorOf(other, ['SUB']), other.orgId, id, {
        logDate: addDays(today, d),
        workersOnSite: 8,
        weather: '晴',
        issues: '',
        work: [{ lineId: lines[0]?.id as string, quantityMilli: 48_000, note: '' }],
        photoFileIds: [],
      });
    await runRiskScan(t.ctx, now);
    expect(await warningsOfOrg(t.ctx, other.orgId, {})).toEqual([]);
  });
});

describe('a sudden stop of logs', () => {
  it('opens a suspension warning after 15 silent days, and the scan resolves it once logs resume', async () => {
    const quiet = await buildOrg(t.ctx, { roles: ['SUB'] });
    const id = await buildSignedContract(t.ctx, gc, quiet, { title: '6# 楼砌体劳务分包' });
    await setPlan(t.ctx, actorOf(gc), gc.orgId, id, {
      startDate: addDays(today, -50),
      retentionBp: 300,
      advanceBp: 0,
      labourShareBp: 3000,
      bondBp: null,
      milestones: [{ title: '砌体完成', deliverables: '', dueDate: addDays(today, 60), shareBp: 10_000 }],
      boqLines: [{ code: '010401001', name: '砖砌体', unit: 'm³', quantityMilli: 1_000_000, unitPriceFen: 10_000 }],
      plannedCurve: [],
    });
    const { lines } = await executionAccess(t.ctx, gc.orgId, id);
    const log = (d: number) =>
      createLog(t.ctx, actorOf(quiet, ['SUB']), quiet.orgId, id, {
        logDate: addDays(today, d),
        workersOnSite: 12,
        weather: '晴',
        issues: '',
        work: [{ lineId: lines[0]?.id as string, quantityMilli: 50_000, note: '' }],
        photoFileIds: [],
      });
    for (const d of [-43, -36, -29, -22, -15]) await log(d);
    await runRiskScan(t.ctx, now);
    const [w] = await warningsOfOrg(t.ctx, quiet.orgId, { type: 'log_suspension' });
    expect(w?.warning).toMatchObject({ state: 'open', ownerOrgId: quiet.orgId });
    expect(w?.warning.evidence.facts).toMatchObject({ lastLogDate: addDays(today, -15), daysSilent: 15 });
    await log(0);
    await runRiskScan(t.ctx, now);
    const [after] = await warningsOfOrg(t.ctx, quiet.orgId, { type: 'log_suspension' });
    expect(after?.warning.state).toBe('resolved');
    expect(after?.transitions.at(-1)).toMatchObject({ actorKind: 'system', note: '已恢复提交施工日志 / logs resumed' });
  });
});

describe('states', () => {
  it('moves open → acknowledged → resolved with a note, each step recorded and audited', async () => {
    const [w] = await warningsOfOrg(t.ctx, sub.orgId, { type: 'early_delay' });
    const id = w?.warning.id as string;
    await transitionWarning(t.ctx, { userId: sub.userId }, { kind: 'party', orgId: sub.orgId }, id, {
      to: 'acknowledged',
      note: '',
    });
    await expect(
      transitionWarning(t.ctx, { userId: sub.userId }, { kind: 'party', orgId: sub.orgId }, id, {
        to: 'resolved',
        note: ' ',
      }),
    ).rejects.toMatchObject({ code: 'RISK_NOTE_REQUIRED' });
    await transitionWarning(t.ctx, { userId: gc.userId }, { kind: 'party', orgId: gc.orgId }, id, {
      to: 'resolved',
      note: '已调配钢筋并增加两个班组',
    });
    const [after] = await warningsOfOrg(t.ctx, sub.orgId, { type: 'early_delay' });
    expect(after?.warning.state).toBe('resolved');
    expect(after?.transitions.map((x) => `${x.fromState}→${x.toState}:${x.actorKind}`)).toEqual([
      'none→open:system',
      'open→acknowledged:party',
      'acknowledged→resolved:party',
    ]);
    const audit = await queryRows<{ action: string }>(
      t.ctx.db,
      sql`select action from audit_log where target = ${id} order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(['risk.warning.acknowledged', 'risk.warning.resolved']);
    // resolved is final
    await expect(
      transitionWarning(t.ctx, { userId: sub.userId }, { kind: 'party', orgId: sub.orgId }, id, {
        to: 'false_alarm',
        note: '不是风险',
      }),
    ).rejects.toMatchObject({ code: 'RISK_TRANSITION_INVALID' });
  });

  it('refuses a foreign organisation as if the warning did not exist', async () => {
    const [w] = await warningsOfOrg(t.ctx, sub.orgId, {});
    await expect(
      transitionWarning(
        t.ctx,
        { userId: outsider.userId },
        { kind: 'party', orgId: outsider.orgId },
        w?.warning.id as string,
        { to: 'acknowledged', note: '' },
      ),
    ).rejects.toMatchObject({ code: 'RISK_WARNING_NOT_FOUND' });
  });
});

describe('events', () => {
  it('opens a frequent-amendments warning on the third amendment signed within 90 days, not before', async () => {
    const cid = newId();
    const sign = async (versionNo: number, signedOn: string) =>
      t.ctx.db.transaction((tx) =>
        t.ctx.events.publish(tx, 'contract.signed', {
          contractId: cid,
          kind: 'subcontract',
          title: '4# 楼装修分包',
          buyer: { orgId: gc.orgId, name: gc.name },
          supplier: { orgId: sub.orgId, name: sub.name },
          regionCode: '330106',
          amountFen: 10_000_000,
          signedOn,
          versionNo,
          amendment: versionNo > 1,
        }),
      );
    await sign(1, addDays(today, -80));
    await sign(2, addDays(today, -60));
    await sign(3, addDays(today, -30));
    expect(await warningsOfOrg(t.ctx, gc.orgId, { type: 'frequent_amendments' })).toEqual([]);
    await sign(4, today);
    const [w] = await warningsOfOrg(t.ctx, gc.orgId, { type: 'frequent_amendments' });
    expect(w?.warning).toMatchObject({ state: 'open', contractId: cid, ownerOrgId: gc.orgId });
    expect(w?.warning.evidence.facts.amendmentsInWindow).toBe(3);
  });

  it('opens a round-tripping warning when released money comes back to the payer', async () => {
    const release = (payer: BuiltOrg, payee: BuiltOrg, grossFen: number, daysAgo: number) =>
      t.ctx.db.transaction((tx) =>
        t.ctx.events.publish(tx, 'escrow.milestone_released', {
          releaseId: newId(),
          contractId: newId(),
          milestoneId: newId(),
          settlementId: newId(),
          payerOrgId: payer.orgId,
          payeeOrgId: payee.orgId,
          grossFen,
          netFen: grossFen,
          retentionFen: 0,
          labourFen: 0,
          dueDate: addDays(today, -daysAgo),
          releasedAt: new Date(now.getTime() - daysAgo * 86_400_000).toISOString(),
        }),
      );
    const a = await buildOrg(t.ctx, { roles: ['GC'] });
    const b = await buildOrg(t.ctx, { roles: ['SUB'] });
    await release(a, b, 80_000_000, 20);
    await release(a, b, 30_000_000, 15); // same direction: nothing
    expect(await warningsOfOrg(t.ctx, a.orgId, { type: 'round_tripping' })).toEqual([]);
    await release(b, a, 78_000_000, 2);
    const [w] = await warningsOfOrg(t.ctx, a.orgId, { type: 'round_tripping' });
    expect(w?.warning).toMatchObject({ severity: 'high', state: 'open' });
    expect((await warningsOfOrg(t.ctx, b.orgId, { type: 'round_tripping' }))[0]?.warning.id).toBe(w?.warning.id);
  });
});
