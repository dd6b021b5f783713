import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { inboundSmtp } from './tickets.inbound';
import { ticketsRoutes } from './tickets.routes';
import { checkClocks } from './tickets.service';

/**
 * 工单 the 7×24 ticket desk (SERV-2): intake from the web, the API and e-mail (a real SMTP listener for the
 * support address, started by `main.ts` when SUPPORT_SMTP_PORT is set), three support lines with escalation,
 * SLA clocks per priority checked by a job, canned answers, ratings and the board. Publishes `ticket.opened`,
 * `ticket.escalated`, `ticket.resolved`, `ticket.rated`.
 */
export function createTicketsModule(ctx: AppContext) {
  const inbound = inboundSmtp(ctx, ctx.config.support.address);
  return defineModule({
    name: 'tickets',
    routes: [ticketsRoutes(ctx)],
    jobs: () => {
      ctx.jobs.schedule('tickets.clocks', '*/5 * * * *', async () => {
        await checkClocks(ctx);
      });
    },
    api: { inbound },
  });
}
