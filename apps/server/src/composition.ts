import type { AppContext } from './infra/context';
import type { ActorResolver } from './infra/http/access';
import type { PlatformModule } from './infra/module';
import { createAnalyticsModule } from './modules/analytics';
import { createCommissionModule } from './modules/commission';
import { createComplianceModule } from './modules/compliance';
import { createContractsModule } from './modules/contracts';
import { createCooperationModule } from './modules/cooperation';
import { createCreditModule } from './modules/credit';
import { createDemandsModule } from './modules/demands';
import { createDisputesModule } from './modules/disputes';
import { createEscrowModule } from './modules/escrow';
import { createEvidenceModule } from './modules/evidence';
import { createExecutionModule } from './modules/execution';
import { createFilesModule } from './modules/files';
import { createIdentityModule } from './modules/identity';
import { createLedgerModule } from './modules/ledger';
import { createMatchingModule } from './modules/matching';
import { createMerchantsModule } from './modules/merchants';
import { createNotificationsModule } from './modules/notifications';
import { createOrganisationModule } from './modules/organisation';
import { createProjectsModule } from './modules/projects';
import { createRegionsModule } from './modules/regions';
import { createResourcesModule } from './modules/resources';
import { createRiskModule } from './modules/risk';
import { createSearchModule } from './modules/search';
import { createSettlementModule } from './modules/settlement';
import { createSigningModule } from './modules/signing';
import { createStaffModule } from './modules/staff';
import { createTenderingModule } from './modules/tendering';
import { createTicketsModule } from './modules/tickets';
import { createTiersModule } from './modules/tiers';
import { createVerificationModule } from './modules/verification';

/**
 * The composition root's wiring: every module is created here, and only here, with what it needs from the
 * others; then each registers its jobs and subscribes its event handlers. `app.ts` adds the HTTP layer; service
 * tests (`test/test-context.ts`) use this without Fastify. The order of the list is the order routes register.
 */
export function composeModules(ctx: AppContext, deps: { resolver: ActorResolver }) {
  const commission = createCommissionModule(ctx);
  const merchants = createMerchantsModule(ctx);
  const settlement = createSettlementModule(ctx);
  // 信用评级: the grade in force (manual review over the monthly rating over an outside grade) and the score.
  const credit = createCreditModule(ctx);
  // 流量扶持: new merchants' listings rank first for the months the commission policy says (MERCH-3).
  const boost = { activeBoosts: () => commission.api.activeRankingBoosts() };
  const modules = {
    identity: createIdentityModule(ctx, deps),
    organisation: createOrganisationModule(ctx, deps),
    staff: createStaffModule(ctx),
    analytics: createAnalyticsModule(ctx),
    files: createFilesModule(ctx),
    evidence: createEvidenceModule(ctx),
    signing: createSigningModule(ctx),
    contracts: createContractsModule(ctx),
    escrow: createEscrowModule(ctx),
    ledger: createLedgerModule(ctx),
    execution: createExecutionModule(ctx, { settlementStatuses: settlement.api.settlementStatuses }),
    settlement,
    verification: createVerificationModule(ctx),
    compliance: createComplianceModule(ctx, { takedownSubjects: { merchant_profile: merchants.api.profileTitle } }),
    merchants,
    commission,
    // ORG-3: certified → VIP when the credit score is at least 90.
    tiers: createTiersModule(ctx, { creditScores: credit.api.creditScores }),
    regions: createRegionsModule(),
    projects: createProjectsModule(ctx),
    resources: createResourcesModule(ctx),
    demands: createDemandsModule(ctx),
    credit,
    tendering: createTenderingModule(ctx),
    search: createSearchModule(ctx, { rankingBoost: boost }),
    notifications: createNotificationsModule(ctx),
    cooperation: createCooperationModule(ctx),
    disputes: createDisputesModule(ctx),
    // 工单: 7×24 intake (web, API, e-mail), three support lines, SLA clocks, the ticket desk's board.
    tickets: createTicketsModule(ctx),
    // 风险预警: reads execution, escrow and tendering through their public API and reacts to their events.
    risk: createRiskModule(ctx),
    // 智能匹配: the same boost; C is excluded and AAA goes first (CREDIT-3) with the credit module's grades.
    matching: createMatchingModule(ctx, {
      boost,
      credit: {
        grades: async (_c, orgIds) =>
          new Map([...(await credit.api.grades(orgIds))].map(([orgId, info]) => [orgId, info.grade])),
      },
    }),
  } satisfies Record<string, PlatformModule<object>>;
  for (const m of Object.values(modules) as PlatformModule<object>[]) m.jobs?.();
  for (const m of Object.values(modules) as PlatformModule<object>[]) m.subscribe?.();
  return modules;
}

export type PlatformModules = ReturnType<typeof composeModules>;
