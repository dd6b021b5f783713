import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { expertsRoutes } from './experts.routes';

/**
 * 专家智库 (DATA-6): expert applications verified by reviewers, public and private questions, answers by verified
 * experts, acceptance and ratings. Publishes `experts.decided`, `experts.question_asked`, `experts.answered`,
 * `experts.answer_accepted`; notifies the expert of a private consultation and the asker of an answer through the
 * notifications module, in the same transaction.
 */
export function createExpertsModule(ctx: AppContext) {
  return defineModule({
    name: 'experts',
    routes: [expertsRoutes(ctx)],
    api: {},
  });
}
