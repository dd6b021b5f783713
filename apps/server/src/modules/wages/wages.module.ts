import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { runWageRule } from './wages.service';

/**
 * 农民工工资按月发放 FUND-5. Closes each month on the first working day after it (official calendar; days 1–10 at
 * 05:30 Asia/Shanghai, so a missed run catches up): construction logs (execution) against payouts from the wage
 * account (escrow), read through their public API; publishes `wages.month_recorded`, which risk (alerts) and credit
 * (the social-responsibility dimension) subscribe to.
 */
export function createWagesModule(ctx: AppContext) {
  return defineModule({
    name: 'wages',
    jobs: () =>
      ctx.jobs.schedule('wages.month-close', '30 5 1-10 * *', async () => {
        await runWageRule(ctx);
      }),
    api: {
      runWageRule: (now?: Date) => runWageRule(ctx, now),
    },
  });
}
