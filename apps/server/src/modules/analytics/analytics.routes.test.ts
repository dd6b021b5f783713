import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validCreditCode } from '../../test/credit-codes';
import { createOrg, createTestApp, registeredClient, type TestApp } from '../../test/test-app';
import { listProductEvents, recordProductEvent } from './index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('product events', () => {
  it('records registration and organisation creation with who and which organisation', async () => {
    const { client, userId } = await registeredClient(t.app);
    const org = await createOrg(client, { creditCode: validCreditCode('440300'), businessRoles: ['SUP'] });
    const events = await listProductEvents(t.ctx, { limit: 50 });
    expect(events.find((e) => e.name === 'user.registered' && e.userId === userId)).toMatchObject({
      properties: { via: 'email' },
    });
    expect(events.find((e) => e.name === 'organisation.created' && e.orgId === org.id)).toMatchObject({
      userId,
      properties: { businessRoles: ['SUP'] },
    });
  });

  it('lets modules record their own events and filters by name', async () => {
    await recordProductEvent(t.ctx, { name: 'demand.published', orgId: null, properties: { category: '钢结构' } });
    const events = await listProductEvents(t.ctx, { name: 'demand.published', limit: 10 });
    expect(events).toHaveLength(1);
    expect(events[0]?.properties).toEqual({ category: '钢结构' });
  });
});
