export { ticketsEn, ticketsZhCN } from './tickets.i18n';
export { MyTicketDetail, MyTickets, OpenTicketForm, StaffTicketDetail, TicketDesk } from './tickets-views';
