import type { AppContext } from '../infra/context';
import { markRead, notify, updatePreferences } from '../modules/notifications';
import type { DemoLogin } from './foundation.demo';
import { demoActor } from './reserve.demo';

/**
 * 通知中心 and 通知设置 for sup@: e-mail off for 匹配, SMS on for 风险, quiet hours 22:00–08:00 and the daily
 * digest on; notifications of several categories (招采 合同 资金 工单 风险 系统) in the centre, some read, some unread.
 */
export async function seedNotificationsDemo(ctx: AppContext): Promise<DemoLogin[]> {
  const sup = await demoActor(ctx, 'sup@example.com');
  const reader = { userId: sup.userId, orgIds: sup.memberships.map((m) => m.orgId) };
  await updatePreferences(ctx, sup.userId, {
    categories: [
      { category: 'matching', channels: { inApp: true, email: false, sms: false } },
      { category: 'risk', channels: { inApp: true, email: true, sms: true } },
    ],
    quietHours: { start: '22:00', end: '08:00' },
    digest: true,
  });
  const items = [
    {
      kind: 'tender.addendum',
      title: '招标文件澄清：杭州东站综合体二期钢筋采购',
      body: '投标截止时间顺延至下周五 17:00。',
      read: true,
    },
    { kind: 'contract.signed', title: '合同已签署：滨江项目钢材供货合同', body: '双方已完成电子签章。', read: true },
    { kind: 'insurance.claim_decided', title: '保证金理赔款已到账', body: '¥12.5 万已划入贵司资金账户。', read: false },
    { kind: 'tickets.answered', title: '工单已回复：发票抬头修改', body: '客服已更新发票信息，请查收。', read: false },
    {
      kind: 'risk.warning',
      title: '风险预警：滨江项目钢材供货节点延误 5 天',
      body: '请尽快与总包确认交货计划。',
      read: false,
    },
    { kind: 'system.maintenance', title: '系统维护通知', body: '本周六 02:00–04:00 进行例行维护。', read: true },
  ];
  for (const item of items) {
    const id = await notify(ctx, { userId: sup.userId, kind: item.kind, title: item.title, body: item.body });
    if (item.read) await markRead(ctx, reader, id);
  }
  return [];
}
