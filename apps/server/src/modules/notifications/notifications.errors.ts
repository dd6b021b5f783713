import { defineErrors } from '../../infra/errors';

export const notificationErrors = defineErrors({
  NOTIFICATION_NOT_FOUND: { kind: 'not_found', 'zh-CN': '通知不存在', en: 'Notification not found' },
  NOTIFICATION_NO_RECIPIENT: {
    kind: 'invalid',
    'zh-CN': '通知须指定接收的用户或组织',
    en: 'A notification needs a user or an organisation to go to',
  },
  /** 强制通知: money movements and security events reach the user in-app and by e-mail whatever the preferences */
  NOTIFICATION_CHANNEL_LOCKED: {
    kind: 'invalid',
    'zh-CN': '资金变动与账户安全为必收通知，其站内与邮件通知不能关闭（{category}/{channel}）',
    en: 'Money movements and security are mandatory: their in-app and e-mail notifications cannot be switched off ({category}/{channel})',
  },
  /** the unsubscribe link was altered, or is not one of ours */
  NOTIFICATION_UNSUBSCRIBE_INVALID: {
    kind: 'invalid',
    'zh-CN': '退订链接无效（可能被修改或不完整），未做任何更改',
    en: 'This unsubscribe link is not valid (it may have been altered or cut short); nothing was changed',
  },
  NOTIFICATION_UNSUBSCRIBE_EXPIRED: {
    kind: 'invalid',
    'zh-CN': '退订链接已过期，未做任何更改；请登录后在通知设置中修改',
    en: 'This unsubscribe link has expired; nothing was changed. Sign in and change it in notification settings',
  },
});
