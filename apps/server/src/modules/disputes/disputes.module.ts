import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { type ArbitrationInstitution, blobStoreInstitution } from './disputes.institution';
import { disputesRoutes } from './disputes.routes';
import { formPendingTeams } from './disputes.service';

/**
 * 纠纷 disputes (SERV-1). Publishes `dispute.filed`, `dispute.escalated` and `dispute.resolved` (credit rating);
 * holds and releases money through escrow's public API. The outside arbitration institution is an adapter
 * (`deps.institution`; the built-in one writes the bundle to blob storage).
 */
export function createDisputesModule(ctx: AppContext, deps: { institution?: ArbitrationInstitution } = {}) {
  const institution = deps.institution ?? blobStoreInstitution(ctx.blobs);
  return defineModule({
    name: 'disputes',
    routes: [disputesRoutes(ctx, { institution })],
    jobs: () => {
      ctx.jobs.schedule('disputes.form-teams', '*/10 * * * *', async () => {
        await formPendingTeams(ctx);
      });
    },
    api: { institution },
  });
}
