import type { AppContext } from '../../infra/context';
import { defineModule } from '../../infra/module';
import { inquiriesRoutes } from './inquiries.routes';

/**
 * 收藏与询价 (MERCH-6): a buyer's favourites (listings, merchants, projects), and inquiries sent to one or many
 * merchants for a listing or a bill of quantities; each merchant quotes or declines before the deadline and sees
 * only its own quote; the buyer compares the quotes and accepts one, which records an order (the others lose) and
 * can become a purchase contract draft through the contracts module. Notifies through the notifications module.
 */
export function createInquiriesModule(ctx: AppContext) {
  return defineModule({ name: 'inquiries', routes: [inquiriesRoutes(ctx)], api: {} });
}
