import { definePermission } from '../../infra/http/access';

/**
 * Requesters: any member of the organisation opens, reads, replies, rates and reopens the organisation's tickets
 * (another organisation's ticket is a 404, checked by the service). Staff: the three support lines and platform
 * admins; whether an agent works the ticket's line is checked by the service.
 */
const agents = ['service', 'support_technical', 'support_expert', 'admin'] as const;

export const ticketPermissions = {
  read: definePermission('tickets.read', { kind: 'org', param: 'orgId' }),
  open: definePermission('tickets.open', { kind: 'org', param: 'orgId' }),
  reply: definePermission('tickets.reply', { kind: 'org', param: 'orgId' }),
  /** 工单台 the queue, the board and a ticket */
  desk: definePermission('tickets.desk', { kind: 'staff', roles: [...agents] }),
  /** answer, note, escalate, resolve (the line is checked by the service) */
  handle: definePermission('tickets.handle', { kind: 'staff', roles: [...agents] }),
  /** 快捷回复 maintained by customer service and admins */
  canned: definePermission('tickets.canned', { kind: 'staff', roles: ['service', 'admin'] }),
};
