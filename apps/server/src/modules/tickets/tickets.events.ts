/** What the tickets module publishes (see infra/events.ts). */

/** 工单受理 a ticket arrived from the web, the API or e-mail. */
export interface TicketOpened {
  ticketId: string;
  orgId: string | null;
  channel: 'web' | 'api' | 'email';
  category: string;
  priority: string;
  /** ISO instant */
  openedAt: string;
}

/** 工单升级 a ticket moved to the next support line, by an agent or by its SLA clock. */
export interface TicketEscalated {
  ticketId: string;
  fromLine: number;
  toLine: number;
  automatic: boolean;
  /** ISO instant */
  escalatedAt: string;
}

/** 工单解决 an agent resolved a ticket. */
export interface TicketResolved {
  ticketId: string;
  orgId: string | null;
  line: number;
  /** ISO instant */
  resolvedAt: string;
}

/** 工单评价 the requester rated the resolution. */
export interface TicketRated {
  ticketId: string;
  orgId: string | null;
  stars: number;
}

declare module '../../infra/events' {
  interface DomainEvents {
    'ticket.opened': TicketOpened;
    'ticket.escalated': TicketEscalated;
    'ticket.resolved': TicketResolved;
    'ticket.rated': TicketRated;
  }
}
