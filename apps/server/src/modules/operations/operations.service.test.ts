import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../infra/clock';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { validCreditCode } from '../../test/credit-codes';
import { createOrg, createTestApp, registeredClient, type TestApp } from '../../test/test-app';
import { seedStaffRoles } from '../staff';
import { prepareLastMonth } from './operations.report';
import { addMember, assign, createCentre, inTerritory, listAssignments, monthWindow } from './operations.service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const fixed = (iso: string): Clock => ({ now: () => new Date(iso), advance: () => false, adjustable: false });
const staffActor = (userId: string, staffRoles: Actor['staffRoles']): Actor => ({
  userId,
  sessionId: 's',
  csrfToken: 'c',
  mfa: true,
  pendingMfa: false,
  stepUpAt: null,
  activeOrgId: null,
  activeRole: null,
  staffRoles,
  memberships: [],
});

describe('territories and months', () => {
  it('a province or city code covers the divisions under it, nothing else', () => {
    expect(inTerritory('330106', ['330000'])).toBe(true);
    expect(inTerritory('330106', ['330100'])).toBe(true);
    expect(inTerritory('330206', ['330100'])).toBe(false);
    expect(inTerritory('510104', ['330000', '310000'])).toBe(false);
    expect(inTerritory('310101', ['330000', '310000'])).toBe(true);
  });

  it('a month runs from midnight Shanghai to the next month’s, across the year end', () => {
    const { from, to } = monthWindow('2026-12');
    expect(from.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(to.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
});

describe('monthly report job', () => {
  it('on the 1st prepares last month’s report once, and leaves one made on demand alone', async () => {
    const ctx = { ...t.ctx, clock: fixed('2026-02-01T06:00:00+08:00') };
    expect(await prepareLastMonth(ctx)).toBe('2026-01');
    expect(await prepareLastMonth(ctx)).toBeNull();
    // January's job prepares the previous December
    expect(await prepareLastMonth({ ...t.ctx, clock: fixed('2026-01-01T06:00:00+08:00') })).toBe('2025-12');
  });
});

describe('customer success', () => {
  it('the first escrow payout closes the assignment; a later one changes nothing', async () => {
    const manager = await registeredClient(t.app);
    const successUser = await registeredClient(t.app);
    await seedStaffRoles(t.ctx, manager.userId, ['operator']);
    await seedStaffRoles(t.ctx, successUser.userId, ['success']);
    const centre = await createCentre(t.ctx, { name: '西南运营中心', territories: ['510000', '500000'] });
    await addMember(t.ctx, centre.id, { userId: manager.userId, role: 'manager' });
    await addMember(t.ctx, centre.id, { userId: successUser.userId, role: 'success' });
    const owner = await registeredClient(t.app);
    const org = await createOrg(owner.client, { name: '成都蓉城建设有限公司', creditCode: validCreditCode('510100') });
    const boss = staffActor(manager.userId, ['operator']);
    const opened = await assign(t.ctx, boss, { orgId: org.id, managerUserId: successUser.userId });
    expect(opened.status).toBe('open');

    const release = (releaseId: string) =>
      t.ctx.db.transaction((tx) =>
        t.ctx.events.publish(tx, 'escrow.milestone_released', {
          releaseId,
          contractId: newId(),
          milestoneId: newId(),
          settlementId: newId(),
          payerOrgId: newId(),
          payeeOrgId: org.id,
          grossFen: 100_000,
          netFen: 90_000,
          retentionFen: 5_000,
          labourFen: 5_000,
          dueDate: '2026-12-01',
          releasedAt: new Date().toISOString(),
        }),
      );
    const first = newId();
    await release(first);
    await t.ctx.jobs.runDue();
    await release(newId());
    await t.ctx.jobs.runDue();
    const [closed] = (await listAssignments(t.ctx, boss, 'closed')).items;
    expect(closed).toMatchObject({ id: opened.id, closedBy: { event: 'escrow.milestone_released', reference: first } });
    expect((await listAssignments(t.ctx, boss, 'open')).items).toHaveLength(0);
  });
});
