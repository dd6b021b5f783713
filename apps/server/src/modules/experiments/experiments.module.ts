import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { experimentsRoutes } from './experiments.routes';

/**
 * 实验与功能开关 experiments and feature flags (GROW-4): variants on a product surface assigned by hash of the
 * experiment key and the unit (user or organisation), exposures logged once per unit, goal and guardrail metrics
 * from the analytics module's product events, and the statistics of ADR 0116 (SRM, CUPED, mSPRT, decision rule).
 */
export function createExperimentsModule(ctx: AppContext) {
  return defineModule({ name: 'experiments', routes: [experimentsRoutes(ctx)], api: {} });
}
