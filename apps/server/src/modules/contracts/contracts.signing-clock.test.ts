import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../infra/clock';
import type { AppContext } from '../../infra/context';
import { actorOf, type BuiltOrg, buildOrg, subcontractVariables } from '../../test/builders';
import { createTestContext, type TestContext } from '../../test/test-context';
import { listNotifications } from '../notifications';
import { presentContract } from './contracts.presenter';
import { getContract } from './contracts.service';
import {
  createContract,
  proposeVersion,
  sendSigningReminders,
  signingClocks,
  signingDueAt,
  signVersion,
} from './index';

/** An instant given in Beijing time. */
const bj = (local: string) => new Date(`${local}+08:00`);
const fixed = (instant: Date): Clock => ({ now: () => instant, advance: () => false, adjustable: false });

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

const draft = (ctx: AppContext, title: string) =>
  createContract(ctx, actorOf(gc), gc.orgId, {
    kind: 'subcontract',
    counterpartyOrgId: sup.orgId,
    title,
    variables: subcontractVariables(66_000_000),
  });

const signingReminders = async (org: BuiltOrg) =>
  (await listNotifications(tc.ctx, { userId: org.userId, orgIds: [org.orgId] })).items.filter(
    (n) => n.kind === 'contract.signing-due',
  );

describe('the signing clock (FLOW-4): 1 working day from the final version to the last signature', () => {
  it('the deadline follows the official calendar: holidays skipped, 调休 Saturdays counted', () => {
    expect(signingDueAt(bj('2026-09-30T10:00:00'))).toEqual(bj('2026-10-08T10:00:00'));
    expect(signingDueAt(bj('2026-10-09T10:00:00'))).toEqual(bj('2026-10-10T10:00:00'));
    expect(signingDueAt(bj('2026-10-16T10:00:00'))).toEqual(bj('2026-10-19T10:00:00'));
  });

  it('the contract shows its deadline; a new version restarts it; signing ends it', async () => {
    const id = await draft(at('2026-10-16T10:00:00'), '截止时间展示的劳务分包');
    const show = async () => presentContract(await getContract(tc.ctx, gc.orgId, id), new Map()).signingDueAt;
    expect(await show()).toBe(bj('2026-10-19T10:00:00').toISOString());
    await proposeVersion(at('2026-10-19T09:00:00'), actorOf(sup, ['SUB']), sup.orgId, id, {
      variables: subcontractVariables(65_000_000),
      note: '总价调整',
    });
    expect(await show()).toBe(bj('2026-10-20T09:00:00').toISOString());
    await signVersion(at('2026-10-20T08:00:00'), actorOf(gc), gc.orgId, id, 2);
    await signVersion(at('2026-10-20T08:30:00'), actorOf(sup, ['SUB']), sup.orgId, id, 2);
    expect(await show()).toBeNull();
    const [clock] = (await signingClocks(tc.ctx, bj('2026-10-01T00:00:00'))).filter((c) => c.contractId === id);
    expect(clock).toMatchObject({ versionNo: 2, endedAt: bj('2026-10-20T08:30:00'), dueAt: bj('2026-10-20T09:00:00') });
  });

  it('reminds the parties that have not signed, once, half-way through the window and before the deadline', async () => {
    // proposed Friday 10:00, due Monday 10:00 (an ordinary weekend): half a working day is gone at Friday 22:00
    const id = await draft(at('2026-10-16T10:00:00'), '提醒签署的劳务分包');
    await signVersion(at('2026-10-16T11:00:00'), actorOf(gc), gc.orgId, id, 1);
    const before = (await signingReminders(sup)).length;

    expect(await sendSigningReminders(at('2026-10-16T21:00:00'))).toBe(0);
    expect(await sendSigningReminders(at('2026-10-17T09:00:00'))).toBe(1);
    const reminders = await signingReminders(sup);
    expect(reminders.length).toBe(before + 1);
    expect(reminders[0]?.title).toContain('提醒签署的劳务分包');
    expect(reminders[0]?.link).toBe(`/workspace/contracts/${id}`);
    // the party that has signed gets none, and nobody gets a second one
    expect((await signingReminders(gc)).filter((n) => n.link?.endsWith(id))).toEqual([]);
    expect(await sendSigningReminders(at('2026-10-19T08:00:00'))).toBe(0);
  });

  it('a contract already past its deadline is not reminded (the board lists it as late instead)', async () => {
    const id = await draft(at('2026-10-12T10:00:00'), '已超时的劳务分包');
    expect(await sendSigningReminders(at('2026-10-14T10:00:00'))).toBe(0);
    expect((await signingReminders(sup)).filter((n) => n.link?.endsWith(id))).toEqual([]);
  });
});
