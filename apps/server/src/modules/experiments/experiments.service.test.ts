import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../infra/http/access';
import { newId } from '../../infra/ids';
import { createTestContext, type TestContext } from '../../test/test-context';
import { eventCountsByActor, recordProductEvent } from '../analytics';
import { assign, changeStatus, createExperiment, experimentResults, listExperiments, recordExposures } from './index';

/** Experiments as use cases on a real database: user-unit assignment, states that count nobody, the event window. */
let t: TestContext;
const staff = { userId: newId(), activeOrgId: null, memberships: [] } as unknown as Actor;
const userActor = (userId: string) => ({ userId, activeOrgId: null, memberships: [] }) as unknown as Actor;

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

describe('experiments by user', () => {
  it('counts nobody in a draft, assigns users while running, and reads results over [start, stop)', async () => {
    const created = await createExperiment(t.ctx, staff, {
      key: 'user-guidance',
      name: '按用户',
      hypothesis: '按用户随机',
      unit: 'user',
      surface: 'demand_form',
      variants: [
        { key: 'control', name: 'A', weight: 30, content: '' },
        { key: 'b', name: 'B', weight: 70, content: '新提示' },
      ],
      goalMetric: 'demand.submitted',
      guardrailMetrics: [],
      shipThresholdPercent: 12,
    });
    const user = newId();
    // a draft shows the default and logs nothing
    expect(await assign(t.ctx, userActor(user), 'demand_form')).toMatchObject({
      experimentKey: null,
      inExperiment: false,
    });
    await expect(experimentResults(t.ctx, created.id)).rejects.toMatchObject({ code: 'EXPERIMENT_NOT_STARTED' });
    await expect(recordExposures(t.ctx, created.id, [{ unitId: user, at: new Date() }])).rejects.toMatchObject({
      code: 'EXPERIMENT_NOT_RUNNING',
    });

    const start = new Date(Date.now() - 10 * 86_400_000);
    await changeStatus(t.ctx, created.id, { status: 'running' }, start);
    const first = await assign(t.ctx, userActor(user), 'demand_form');
    expect(first).toMatchObject({ experimentKey: 'user-guidance', inExperiment: true });
    expect(await assign(t.ctx, userActor(user), 'demand_form')).toEqual(first);
    expect((await listExperiments(t.ctx)).find((e) => e.id === created.id)?.units).toBe(1);

    // one event before the start (pre-period), one inside, one exactly at the stop (outside: [start, stop))
    const stop = new Date(Date.now() - 86_400_000);
    await recordProductEvent(t.ctx, {
      name: 'demand.submitted',
      userId: user,
      occurredAt: new Date(start.getTime() - 1),
    });
    await recordProductEvent(t.ctx, {
      name: 'demand.submitted',
      userId: user,
      occurredAt: new Date(start.getTime() + 1),
    });
    await recordProductEvent(t.ctx, { name: 'demand.submitted', userId: user, occurredAt: stop });
    await changeStatus(t.ctx, created.id, { status: 'stopped' }, stop);
    const counts = await eventCountsByActor(t.ctx, {
      names: ['demand.submitted'],
      from: start,
      to: stop,
      unit: 'user',
      actorIds: [user],
    });
    expect(counts).toEqual([{ actorId: user, name: 'demand.submitted', count: 1 }]);
    expect(
      await eventCountsByActor(t.ctx, { ...{ names: [], from: start, to: stop, unit: 'user' }, actorIds: [user] }),
    ).toEqual([]);

    const results = await experimentResults(t.ctx, created.id);
    expect(results.window).toMatchObject({ from: start.toISOString(), to: stop.toISOString() });
    expect(results.variants.map((v) => v.weight)).toEqual([30, 70]);
    expect(results.recommendation).toMatchObject({ decision: 'keep_running', reason: 'too_few_units' });
    // a stopped experiment shows the default again and counts nobody
    expect(await assign(t.ctx, userActor(newId()), 'demand_form')).toMatchObject({
      inExperiment: false,
      variant: null,
    });
  });
});
