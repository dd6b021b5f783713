import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { executionRoutes } from './execution.routes';
import { type ExecutionDeps, runMissingLogReminders } from './execution.service';

/** 施工执行: plans, logs and progress; a weekly reminder when a week passed without a log. */
export function createExecutionModule(ctx: AppContext, deps: ExecutionDeps) {
  return defineModule({
    name: 'execution',
    routes: [executionRoutes(ctx, deps)],
    // Mondays 09:00 China time: a week without a log is noticed at the start of the next week.
    jobs: () =>
      ctx.jobs.schedule('execution.log-reminders', '0 9 * * 1', async () => {
        await runMissingLogReminders(ctx);
      }),
    api: {},
  });
}
