export { ticketErrors } from './tickets.errors';
export type { TicketEscalated, TicketOpened, TicketRated, TicketResolved } from './tickets.events';
export type { InboundSmtp } from './tickets.inbound';
export { createTicketsModule } from './tickets.module';
export {
  board,
  listForOrg,
  monthResolutionClocks,
  queueForStaff,
  ratingsBetween,
  ticketForOrg,
  ticketForStaff,
} from './tickets.queries';
export { FIRST_MONTH_RESOLUTION_TARGET, LINE_ROLE, SLA_POLICY } from './tickets.rules';
export {
  agentReply,
  checkClocks,
  createCannedAnswer,
  escalate,
  intakeEmail,
  openForMember,
  openTicket,
  rate,
  reopen,
  requesterReply,
  resolve,
} from './tickets.service';
