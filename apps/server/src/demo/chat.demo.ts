import { OrgDemandListQuery } from '@zhuhe/contracts';
import type { PlatformModules } from '../composition';
import type { AppContext } from '../infra/context';
import { type ChatActor, markRead, openConversation, postMessage } from '../modules/chat';
import { listContracts } from '../modules/contracts';
import { listOrgDemands } from '../modules/demands';
import type { DemoLogin } from './foundation.demo';
import { demoActor } from './reserve.demo';

/**
 * 消息: gc@ and sup@ talk about their signed rebar purchase contract (every message in the evidence log; sup@'s last
 * one unread by gc@) and about one of gc@'s published demands, where sup@ has two unread replies.
 */
export async function seedChatDemo(ctx: AppContext, modules: PlatformModules): Promise<DemoLogin[]> {
  const fanout = modules.chat.api.fanout;
  const gcActor = await demoActor(ctx, 'gc@example.com');
  const supActor = await demoActor(ctx, 'sup@example.com');
  const gc: ChatActor = { userId: gcActor.userId, orgId: gcActor.activeOrgId as string };
  const sup: ChatActor = { userId: supActor.userId, orgId: supActor.activeOrgId as string };

  const contract = (await listContracts(ctx, gc.orgId)).find((c) => c.counterparty.orgId === sup.orgId);
  if (contract) {
    const conversation = await openConversation(ctx, gc, { kind: 'contract', contextId: contract.contract.id });
    const say = (who: ChatActor, body: string) => postMessage(ctx, fanout, who, conversation.id, { body });
    await say(gc, '第一批 HRB400E Φ25 钢筋请于本周五前到场，卸货点在 3# 塔吊下。');
    await say(sup, '收到，周四下午发车，随车附质保书和复检报告。');
    await say(gc, '好的，进场验收按合同第 6 条，抽检不合格整批退回。');
    // unread for gc@
    await say(sup, '明白，已安排。');
  }

  const demands = await listOrgDemands(
    ctx,
    { userId: gc.userId, orgIds: [gc.orgId] },
    gc.orgId,
    OrgDemandListQuery.parse({ status: 'published', limit: 5 }),
  );
  const demand = demands.items[0];
  if (demand) {
    const conversation = await openConversation(ctx, sup, { kind: 'demand', contextId: demand.id });
    const first = await postMessage(ctx, fanout, sup, conversation.id, {
      body: '您好，这个需求的材料可以分批供货吗？我司在嘉兴有库存。',
    });
    await markRead(ctx, fanout, gc, conversation.id, first.seq);
    // two unread for sup@
    await postMessage(ctx, fanout, gc, conversation.id, { body: '可以分两批，第一批需在开工前一周到场。' });
    await postMessage(ctx, fanout, gc, conversation.id, { body: '请把报价和近三个月的检测报告发过来。' });
  }
  return [];
}
