import { defineErrors } from '../../infra/errors';

export const notificationErrors = defineErrors({
  NOTIFICATION_NOT_FOUND: { kind: 'not_found', 'zh-CN': '通知不存在', en: 'Notification not found' },
  NOTIFICATION_NO_RECIPIENT: {
    kind: 'invalid',
    'zh-CN': '通知须指定接收的用户或组织',
    en: 'A notification needs a user or an organisation to go to',
  },
});
