import type { AppContext } from '../infra/context';
import { newId } from '../infra/ids';
import { createEndpoint, recordPastDelivery } from '../modules/webhooks';
import type { DemoLogin } from './foundation.demo';
import { demoActor } from './reserve.demo';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

/**
 * gc@'s ERP receives webhooks: one endpoint with a delivered demand and bid count, a signed contract whose
 * delivery is failing (its next attempt queued) and a statement given up after three days (a dead letter to
 * redeliver). The receiver's host is in the reserved `.example` domain, which no resolver answers: the demo
 * resolver stands in for the company's DNS when the endpoint is saved; real attempts then fail, as the failed
 * delivery shows.
 */
export async function seedWebhooksDemo(ctx: AppContext): Promise<DemoLogin[]> {
  const gc = await demoActor(ctx, 'gc@example.com');
  const orgId = gc.activeOrgId as string;
  const { endpoint } = await createEndpoint(
    ctx,
    { lookup: async () => [{ address: '47.96.0.10', family: 4 }] },
    gc,
    orgId,
    {
      url: 'https://erp.gc-demo.example/zhuhe/webhooks',
      description: '公司 ERP 系统（演示）',
      eventTypes: ['demand.published', 'tender.bid_received', 'contract.signed', 'settlement.sealed'],
    },
  );
  await recordPastDelivery(ctx, endpoint.id, {
    eventType: 'demand.published',
    data: { demandId: newId() },
    status: 'delivered',
    attempts: 1,
    lastResponseStatus: 200,
    lastError: null,
    createdAt: minutesAgo(2 * 24 * 60),
    deliveredAt: minutesAgo(2 * 24 * 60),
  });
  await recordPastDelivery(ctx, endpoint.id, {
    eventType: 'tender.bid_received',
    data: { tenderId: newId(), bidCount: 3 },
    status: 'delivered',
    attempts: 2,
    lastResponseStatus: 200,
    lastError: null,
    createdAt: minutesAgo(26 * 60),
    deliveredAt: minutesAgo(26 * 60 - 1),
  });
  await recordPastDelivery(ctx, endpoint.id, {
    eventType: 'contract.signed',
    data: { contractId: newId(), title: '钢结构分包合同', versionNo: 1, amendment: false },
    status: 'failed',
    attempts: 3,
    lastResponseStatus: 502,
    lastError: 'HTTP 502',
    createdAt: minutesAgo(8),
    nextAttemptAt: new Date(Date.now() + 4 * 60_000),
  });
  await recordPastDelivery(ctx, endpoint.id, {
    eventType: 'settlement.sealed',
    data: { settlementId: newId(), contractId: newId(), grossFen: 128_000_000 },
    status: 'dead',
    attempts: 20,
    lastResponseStatus: null,
    lastError: 'timeout after 10 s',
    createdAt: minutesAgo(4 * 24 * 60),
  });
  return [];
}
