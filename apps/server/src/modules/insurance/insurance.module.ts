import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { insuranceRoutes } from './insurance.routes';

/**
 * 履约保证险 performance-bond insurance (FUND-4, FUND-2): FIN organisations' products, policies a contractor buys in
 * place of the cash bond (premium through the ledger, PDF in the evidence log, accepted through escrow's
 * `acceptBondPolicy`), the beneficiary's claims and the insurer's decisions. Reads escrow, credit, organisation,
 * files and evidence through their public face; no jobs and no subscriptions.
 */
export function createInsuranceModule(ctx: AppContext) {
  return defineModule({ name: 'insurance', routes: [insuranceRoutes(ctx)], api: {} });
}
