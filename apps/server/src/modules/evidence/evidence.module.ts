import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { evidenceRoutes } from './evidence.routes';
import { createCheckpoint } from './evidence.service';

/**
 * 区块链存证: the log's routes; a checkpoint signed (and witnessed, and mailed to subscribers) right after each
 * contract signing and statement sealing commits, and every hour (recovered by the job runner after a restart).
 */
export function createEvidenceModule(ctx: AppContext) {
  return defineModule({
    name: 'evidence',
    routes: [evidenceRoutes(ctx)],
    subscribe: () => {
      ctx.events.afterCommit('contract.signed', 'evidence.checkpoint', async () => {
        await createCheckpoint(ctx);
      });
      ctx.events.afterCommit('settlement.sealed', 'evidence.checkpoint', async () => {
        await createCheckpoint(ctx);
      });
    },
    jobs: () =>
      ctx.jobs.schedule('evidence.checkpoint', '0 * * * *', async () => {
        await createCheckpoint(ctx);
      }),
    api: {},
  });
}
