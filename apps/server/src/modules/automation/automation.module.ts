import type { AppContext } from '../../infra/context';
import { JobDeferred } from '../../infra/jobs/job-queue';
import { defineModule } from '../../infra/module';
import { DependencyUnavailable } from '../../infra/resilience/breaker';
import type { SmsSender } from '../../infra/sms/sms';
import { getUser } from '../identity';
import { AUTOMATION_SMS_JOB, tick } from './automation.engine';
import { automationRoutes } from './automation.routes';

const TICK_JOB = 'automation.tick';

/**
 * 自动化营销 (GROW-5): journeys of segment, trigger, waits, conditions and actions, run by the business clock
 * every five minutes. Reads product events through the analytics module, sends through the notifications module
 * (its preferences, quiet hours and unsubscribe links) and SMS through the identity module's guarded adapter.
 */
export function createAutomationModule(ctx: AppContext, deps: { sms: SmsSender }) {
  return defineModule({
    name: 'automation',
    routes: [automationRoutes(ctx)],
    jobs: () => {
      ctx.jobs.schedule(TICK_JOB, '*/5 * * * *', async () => {
        await tick(ctx);
      });
      ctx.jobs.register(AUTOMATION_SMS_JOB, async (payload) => {
        const to = (await getUser(ctx, payload.userId as string))?.phone;
        if (!to) return;
        try {
          await deps.sms.send({ to, text: payload.text as string });
        } catch (error) {
          if (error instanceof DependencyUnavailable)
            throw new JobDeferred(`SMS unavailable (${error.reason}); message kept queued`, error.retryAt, {
              cause: error,
            });
          throw error;
        }
      });
    },
    api: {},
  });
}
