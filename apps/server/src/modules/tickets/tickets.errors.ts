import { defineErrors } from '../../infra/errors';

export const ticketErrors = defineErrors({
  TICKET_NOT_FOUND: { kind: 'not_found', 'zh-CN': '工单不存在或无权访问', en: 'Ticket not found' },
  TICKET_ATTACHMENT_UNKNOWN: {
    kind: 'invalid',
    'zh-CN': '附件不存在或不属于本组织，请重新上传',
    en: 'An attachment does not exist or does not belong to your organisation; upload it again',
  },
  TICKET_ATTACHMENT_TOO_LARGE: {
    kind: 'invalid',
    'zh-CN': '附件「{name}」过大（{sizeMb} MB），工单附件单个不超过 {maxMb} MB',
    en: 'The attachment “{name}” is too large ({sizeMb} MB); a ticket accepts files up to {maxMb} MB',
  },
  TICKET_CLOSED: {
    kind: 'conflict',
    'zh-CN': '工单已关闭，如问题仍未解决请新建工单',
    en: 'The ticket is closed; open a new ticket if the problem remains',
  },
  TICKET_NOT_RESOLVED: {
    kind: 'conflict',
    'zh-CN': '工单尚未解决，解决后才能评价',
    en: 'The ticket is not resolved yet; you can rate it once it is',
  },
  TICKET_ALREADY_RATED: { kind: 'conflict', 'zh-CN': '您已评价过此工单', en: 'You have already rated this ticket' },
  TICKET_REOPEN_EXPIRED: {
    kind: 'conflict',
    'zh-CN': '工单解决已超过 {days} 天，不能重新打开，请新建工单',
    en: 'The ticket was resolved more than {days} days ago and cannot be reopened; open a new ticket',
  },
  TICKET_NOT_YOUR_LINE: {
    kind: 'forbidden',
    'zh-CN': '此工单在第 {line} 线，您不是该支持线的坐席',
    en: 'This ticket is at line {line}; you are not an agent of that support line',
  },
  TICKET_TOP_LINE: {
    kind: 'conflict',
    'zh-CN': '工单已在三线专家，不能再升级',
    en: 'The ticket is already with the expert line and cannot be escalated further',
  },
  TICKET_ALREADY_RESOLVED: {
    kind: 'conflict',
    'zh-CN': '工单已解决',
    en: 'The ticket is already resolved',
  },
});
