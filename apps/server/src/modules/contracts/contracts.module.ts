import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { contractRoutes } from './contracts.routes';
import { sendSigningReminders } from './contracts.signing-clock';

/** The contracts module, wired by the composition root (app.ts). */
export function createContractsModule(ctx: AppContext) {
  return defineModule({
    name: 'contracts',
    routes: [contractRoutes(ctx)],
    jobs: () => {
      // FLOW-4: remind the parties that have not signed, half-way through the 1-working-day signing window
      ctx.jobs.schedule('contracts.signing-reminders', '*/10 * * * *', async () => {
        await sendSigningReminders(ctx);
      });
    },
    api: {},
  });
}
