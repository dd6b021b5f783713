import type { NotificationCategory, NotificationChannel } from '@zhuhe/contracts';

/**
 * 通知类别 the registry of notification kinds: each `kind` a module passes to `notify()` belongs to one
 * user-facing category, by its prefix (`risk.warning` → 风险). A kind no prefix names falls under 系统.
 * A new kind with a new prefix is added here, or it is shown and switched as 系统 (as chat messages and community
 * replies are: the chat has its own unread counts, the community its own page).
 */
const CATEGORY_BY_PREFIX: readonly (readonly [prefix: string, category: NotificationCategory])[] = [
  ['tender.', 'tendering'], // 招采 tenders, bids, addenda
  ['inquiries.', 'tendering'], // 询价 inquiries received, quotes, the accepted and the lost
  ['contract.', 'contracts'], // 合同 signing, versions
  ['disputes.', 'contracts'], // 合同纠纷 disputes over a contract
  ['escrow.', 'funds'], // 资金 escrow deposits and releases
  ['settlement.', 'funds'],
  ['finance.', 'funds'],
  ['insurance.', 'funds'], // 保险 premiums, claims and their payouts move money
  ['matching.', 'matching'], // 匹配 pushes to suppliers and their answers
  ['risk.', 'risk'], // 风险 warnings
  ['boards.cost_warning', 'risk'], // 成本预警 a material of open demands forecast to rise beyond a threshold
  ['tickets.', 'tickets'], // 工单 answers
  ['policies.', 'policies'], // 政策 new policies a user subscribed to
  ['security.', 'security'], // 安全 sign-ins, passwords, second factor
];

export const NOTIFICATION_CATEGORIES: readonly NotificationCategory[] = [
  'tendering',
  'contracts',
  'funds',
  'matching',
  'risk',
  'tickets',
  'policies',
  'security',
  'system',
];

export const NOTIFICATION_CHANNELS: readonly NotificationChannel[] = ['inApp', 'email', 'sms'];

export function categoryOf(kind: string): NotificationCategory {
  for (const [prefix, category] of CATEGORY_BY_PREFIX) if (kind.startsWith(prefix)) return category;
  return 'system';
}

/**
 * 强制通知 money movements (资金) and security events (安全) always reach the user in-app and by e-mail; the user
 * may add SMS but not switch these off.
 */
const MANDATORY: Partial<Record<NotificationCategory, readonly NotificationChannel[]>> = {
  funds: ['inApp', 'email'],
  security: ['inApp', 'email'],
};

export function lockedChannels(category: NotificationCategory): readonly NotificationChannel[] {
  return MANDATORY[category] ?? [];
}

/** Without a preference: in-app and e-mail on, SMS off (it costs per message and needs a verified phone). */
export const DEFAULT_CHANNELS: Readonly<Record<NotificationChannel, boolean>> = {
  inApp: true,
  email: true,
  sms: false,
};
