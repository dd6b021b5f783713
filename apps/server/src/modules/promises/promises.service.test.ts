import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../infra/clock';
import type { AppContext } from '../../infra/context';
import { newId } from '../../infra/ids';
import { actorOf, type BuiltOrg, buildOrg, subcontractVariables } from '../../test/builders';
import { createTestContext, type TestContext } from '../../test/test-context';
import { createContract, signVersion } from '../contracts';
import { createDemandsDirect } from '../demands';
import { computeBoard, type PromiseSources, platformSources } from './index';

/** An instant given in Beijing time. */
const bj = (local: string) => new Date(`${local}+08:00`);
const fixed = (at: Date): Clock => ({ now: () => at, advance: () => false, adjustable: false });

let tc: TestContext;
let gc: BuiltOrg;
let sup: BuiltOrg;
const at = (local: string): AppContext => ({ ...tc.ctx, clock: fixed(bj(local)) });

beforeAll(async () => {
  tc = await createTestContext();
  gc = await buildOrg(tc.ctx, { roles: ['GC'] });
  sup = await buildOrg(tc.ctx, { roles: ['SUB'] });
});
afterAll(async () => {
  await tc.close();
});

function demand(title: string, submitted: string, decided: string | null) {
  return {
    orgId: gc.orgId,
    orgName: gc.name,
    createdBy: gc.userId,
    createdAt: bj(submitted),
    approvedAt: decided ? bj(decided) : null,
    reviewerId: null,
    type: 'subcontract' as const,
    title,
    projectName: '杭州未来科技城 A3 地块住宅项目',
    category: '主体结构劳务',
    items: [{ name: '主体结构劳务', spec: '钢筋、模板、混凝土', unit: '平方米', quantity: 12_000 }],
    budgetFen: 360_000_000,
    qualificationKind: '',
    qualificationGrade: '不限' as const,
    regionCode: '330110',
    siteAddress: '杭州市余杭区文一西路 1 号',
    deadline: '2026-12-31',
    description: '1#–6# 楼主体结构劳务，按期保质完成。',
    tags: ['主体结'],
    feasibilityFileId: newId(),
    fundsProofFileId: newId(),
  };
}

async function contractSignedAt(title: string, proposed: string, gcSigns: string, supSigns: string) {
  const id = await createContract(at(proposed), actorOf(gc), gc.orgId, {
    kind: 'subcontract',
    counterpartyOrgId: sup.orgId,
    title,
    variables: subcontractVariables(88_000_000),
  });
  await signVersion(at(gcSigns), actorOf(gc), gc.orgId, id, 1);
  await signVersion(at(supSigns), actorOf(sup, ['SUB']), sup.orgId, id, 1);
  return id;
}

describe('the promises board on the platform’s own records', () => {
  it('reads review and signing clocks from the demands and contracts modules, on the official calendar', async () => {
    await createDemandsDirect(tc.ctx, [
      demand('按时审核的需求', '2026-10-13T09:00:00', '2026-10-14T15:00:00'),
      // Friday 16:00 + 2 working days: Saturday 10 October (调休) and Monday → due Monday 16:00; decided at 18:00
      demand('调休日后超时审核的需求', '2026-10-09T16:00:00', '2026-10-12T18:00:00'),
      demand('仍在等待审核的需求', '2026-10-15T09:00:00', null),
    ]);
    // proposed Wednesday 30 September 10:00 → due Thursday 8 October 10:00 (National Day in between): on time
    await contractSignedAt('国庆前定稿的劳务分包', '2026-09-30T10:00:00', '2026-09-30T11:00:00', '2026-10-08T09:00:00');
    // proposed Friday 9 October 10:00 → due Saturday 10 October 10:00 (调休): signed Monday → late
    const late = await contractSignedAt(
      '调休日超时签署的劳务分包',
      '2026-10-09T10:00:00',
      '2026-10-09T10:30:00',
      '2026-10-12T09:00:00',
    );

    const board = await computeBoard(platformSources(tc.ctx), bj('2026-10-20T12:00:00'));
    const row = (key: string) => board.rows.find((r) => r.key === key);
    // the waiting review (due 19 October 09:00) is now past its deadline too
    expect(row('demand_review')).toMatchObject({ status: 'missed', cases: 3, breaches: 2 });
    expect(row('demand_review')?.figure).toBeCloseTo(1 / 3, 3);
    const reviewBreaches = board.breaches.filter((b) => b.key === 'demand_review');
    expect(reviewBreaches.map((b) => b.label).sort()).toEqual(['仍在等待审核的需求', '调休日后超时审核的需求']);
    expect(reviewBreaches.every((b) => b.link?.startsWith('/staff/demand-reviews/'))).toBe(true);

    expect(row('signing')).toMatchObject({ status: 'missed', cases: 2, breaches: 1, figure: 0.5 });
    const signing = board.breaches.filter((b) => b.key === 'signing');
    expect(signing).toEqual([
      expect.objectContaining({
        caseKind: 'contract',
        caseId: late,
        dueAt: bj('2026-10-10T10:00:00').toISOString(),
        endedAt: bj('2026-10-12T09:00:00').toISOString(),
      }),
    ]);
    expect(board.rows.find((r) => r.key === 'availability')).toMatchObject({ status: 'no_data', figure: null });
  });

  it('a promise whose module is not on the platform says 未上线 instead of a number', async () => {
    const { finance: _absent, ...withoutFinance } = platformSources(tc.ctx);
    const sources: PromiseSources = withoutFinance;
    const board = await computeBoard(sources, bj('2026-10-20T12:00:00'));
    expect(board.rows.find((r) => r.key === 'finance_decision')).toMatchObject({
      status: 'not_live',
      figure: null,
      cases: 0,
      reason: 'module_not_live',
    });
    // the others are still measured
    expect(board.rows.find((r) => r.key === 'demand_review')?.status).toBe('missed');
  });
});
