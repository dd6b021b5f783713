import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { riskRoutes } from './risk.routes';
import {
  computeTenderFlags,
  notifyRiskStaff,
  recordAmendment,
  recordRelease,
  recordWageMonth,
  runRiskScan,
} from './risk.service';

/**
 * 风险预警 RISK-1…3. Keeps read models of amendments (`contract.signed`) and escrow releases
 * (`escrow.milestone_released`) in the publishers' transactions and fires the amendment and round-trip rules there
 * (and the unpaid-wage rule on `wages.month_recorded`);
 * computes a tender's red flags after `tender.award_accepted` commits; and scans execution, payouts and opened
 * tenders daily at 06:30 (Asia/Shanghai) through the execution, escrow and tendering modules' public API.
 */
export function createRiskModule(ctx: AppContext) {
  return defineModule({
    name: 'risk',
    routes: [riskRoutes(ctx)],
    jobs: () =>
      ctx.jobs.schedule('risk.scan', '30 6 * * *', async () => {
        await runRiskScan(ctx);
      }),
    subscribe: () => {
      ctx.events.onTransaction('contract.signed', 'risk.amendments', (event, tx) =>
        recordAmendment(ctx, tx, event.payload, new Date(event.occurredAt)),
      );
      ctx.events.onTransaction('escrow.milestone_released', 'risk.money-flows', (event, tx) =>
        recordRelease(ctx, tx, event.payload, new Date(event.occurredAt)),
      );
      ctx.events.onTransaction('wages.month_recorded', 'risk.wage-months', (event, tx) =>
        recordWageMonth(ctx, tx, event.payload, new Date(event.occurredAt)),
      );
      ctx.events.afterCommit('risk.warning_opened', 'risk.notify-staff', (event) =>
        notifyRiskStaff(ctx, event.payload),
      );
      ctx.events.afterCommit('tender.award_accepted', 'risk.tender-flags', async (event) => {
        await computeTenderFlags(ctx, event.payload.tenderId);
      });
    },
    api: {
      scan: (now?: Date) => runRiskScan(ctx, now),
    },
  });
}
