import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { evidenceRoutes } from './evidence.routes';
import { createCheckpoint } from './evidence.service';

/** 区块链存证: the log's routes, and a checkpoint signed every hour (recovered by the job runner after a restart). */
export function createEvidenceModule(ctx: AppContext) {
  return defineModule({
    name: 'evidence',
    routes: [evidenceRoutes(ctx)],
    jobs: () =>
      ctx.jobs.schedule('evidence.checkpoint', '0 * * * *', async () => {
        await createCheckpoint(ctx);
      }),
    api: {},
  });
}
