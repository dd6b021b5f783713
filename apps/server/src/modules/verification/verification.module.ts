import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { verificationRoutes } from './verification.routes';
import { registerVerificationJobs } from './verification.service';

/** The verification module, wired by the composition root (app.ts). */
export function createVerificationModule(ctx: AppContext) {
  return defineModule({
    name: 'verification',
    routes: [verificationRoutes(ctx)],
    jobs: () => registerVerificationJobs(ctx),
    api: {},
  });
}
