import type { PlatformModules } from '../composition';
import type { AppContext } from '../infra/context';
import { countUsers } from '../modules/identity';
import { seedContractsDemo } from './contracts.demo';
import { seedCreditDemo } from './credit.demo';
import { seedDisputesDemo } from './disputes.demo';
import { seedEscrowDemo } from './escrow.demo';
import { seedEvidenceDemo } from './evidence.demo';
import { seedExecutionDemo } from './execution.demo';
import { type DemoLogin, seedFoundationDemo } from './foundation.demo';
import { seedLibrariesDemo } from './libraries.demo';
import { seedMatchingDemo } from './matching.demo';
import { seedOnboardingDemo } from './onboarding.demo';
import { seedRiskDemo } from './risk.demo';
import { seedTenderingDemo } from './tendering.demo';
import { seedTicketsDemo } from './tickets.demo';
import { seedTiersDemo } from './tiers.demo';

/**
 * Demo data, seeded once into an empty database. Each later module appends its own seeder here, after the
 * ones it builds on.
 */
const SEEDERS: ((ctx: AppContext, modules: PlatformModules) => Promise<DemoLogin[]>)[] = [
  seedFoundationDemo,
  seedOnboardingDemo,
  seedLibrariesDemo,
  seedContractsDemo,
  seedTenderingDemo,
  seedEscrowDemo,
  // after the escrow seeder (finance staff), which goes before it: the freeze it shows mails finance staff
  seedExecutionDemo,
  seedMatchingDemo,
  // three statements sealed by gc2@, sub2@ and svr@: completed transactions for the user tiers
  seedTiersDemo,
  seedDisputesDemo,
  // after every seeder with contracts, statements and dispute outcomes: ratings, tax years, four rated months, one
  // manual review
  seedCreditDemo,
  // after the disputes seeder (service@ is the first support line): tickets in every state and the board's history
  seedTicketsDemo,
  // then the daily scan over everything seeded (execution, payouts, opened tenders), and warnings in every state
  seedRiskDemo,
  // last: a signed, witnessed checkpoint that covers every demo entry
  seedEvidenceDemo,
];

export async function seedDemoIfEmpty(ctx: AppContext, modules: PlatformModules): Promise<DemoLogin[] | null> {
  if ((await countUsers(ctx)) > 0) return null;
  const logins: DemoLogin[] = [];
  for (const seeder of SEEDERS) logins.push(...(await seeder(ctx, modules)));
  return logins;
}
