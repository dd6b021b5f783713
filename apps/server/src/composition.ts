import type { AppContext } from './infra/context';
import type { ReadReplica } from './infra/db/replica';
import type { ActorResolver } from './infra/http/access';
import { TrafficWindow } from './infra/http/traffic-window';
import type { PlatformModule } from './infra/module';
import type { SmsSender } from './infra/sms/sms';
import { createAnalyticsModule } from './modules/analytics';
import { createAutomationModule } from './modules/automation';
import { createBoardsModule } from './modules/boards';
import { createChatModule } from './modules/chat';
import { createCommissionModule } from './modules/commission';
import { createCommunityModule } from './modules/community';
import { createComplianceModule } from './modules/compliance';
import { createContractsModule } from './modules/contracts';
import { createCooperationModule } from './modules/cooperation';
import { createCreditModule } from './modules/credit';
import { createDemandsModule, demandsByRegion } from './modules/demands';
import { createDeveloperModule } from './modules/developer';
import { createDisputesModule } from './modules/disputes';
import { type BankAdapter, createEscrowModule } from './modules/escrow';
import { createEvidenceModule } from './modules/evidence';
import { createExecutionModule } from './modules/execution';
import { createExperimentsModule } from './modules/experiments';
import { createExpertsModule } from './modules/experts';
import { createFeesModule } from './modules/fees';
import { createFilesModule } from './modules/files';
import { createFinanceModule } from './modules/finance';
import { createIdentityModule } from './modules/identity';
import { createInquiriesModule } from './modules/inquiries';
import { createInsuranceModule } from './modules/insurance';
import { createLedgerModule } from './modules/ledger';
import { createMatchingModule } from './modules/matching';
import { createMerchantsModule } from './modules/merchants';
import { createMonitoringModule } from './modules/monitoring';
import { createNotificationsModule, notify } from './modules/notifications';
import { createOperationsModule } from './modules/operations';
import { createOrganisationModule, getOrganisations } from './modules/organisation';
import { createPoliciesModule } from './modules/policies';
import { createPricesModule } from './modules/prices';
import { createProcurementModule } from './modules/procurement';
import { createProjectsModule } from './modules/projects';
import { createPromisesModule } from './modules/promises';
import { createRegionsModule } from './modules/regions';
import { createReserveModule } from './modules/reserve';
import { createResourcesModule } from './modules/resources';
import { createRewardsModule } from './modules/rewards';
import { createRiskModule } from './modules/risk';
import { createSearchModule, keywordSearchers } from './modules/search';
import { createSettlementModule } from './modules/settlement';
import { createSigningModule } from './modules/signing';
import { createStaffModule, staffEmailsWithRoles } from './modules/staff';
import { createTenderingModule } from './modules/tendering';
import { createTicketsModule } from './modules/tickets';
import { createTiersModule } from './modules/tiers';
import { createVerificationModule } from './modules/verification';
import { createWagesModule } from './modules/wages';
import { createWebhooksModule } from './modules/webhooks';
import { createWorkspaceModule } from './modules/workspace';

/**
 * The composition root's wiring: every module is created here, and only here, with what it needs from the
 * others; then each registers its jobs and subscribes its event handlers. `app.ts` adds the HTTP layer; service
 * tests (`test/test-context.ts`) use this without Fastify. The order of the list is the order routes register.
 */
export function composeModules(
  ctx: AppContext,
  deps: {
    resolver: ActorResolver;
    traffic?: TrafficWindow;
    bank?: BankAdapter;
    sms?: SmsSender;
    replica?: ReadReplica | null;
  },
) {
  const commission = createCommissionModule(ctx);
  const merchants = createMerchantsModule(ctx);
  const settlement = createSettlementModule(ctx);
  // 信用评级: the grade in force (manual review over the monthly rating over an outside grade) and the score.
  const credit = createCreditModule(ctx);
  // 流量扶持: new merchants' listings rank first for the months the commission policy says (MERCH-3).
  const boost = { activeBoosts: () => commission.api.activeRankingBoosts() };
  // 数据大脑·材料价格: series, imports and forecasts; the procurement optimiser reads its outlook per material.
  const prices = createPricesModule(ctx);
  const identity = createIdentityModule(ctx, { resolver: deps.resolver, ...(deps.sms ? { sms: deps.sms } : {}) });
  const modules = {
    identity,
    organisation: createOrganisationModule(ctx, deps),
    staff: createStaffModule(ctx),
    // 增长分析: the weekly report's readers and the RFM export's names come from modules that depend on analytics
    analytics: createAnalyticsModule(ctx, {
      staffEmails: (roles) => staffEmailsWithRoles(ctx, roles),
      orgNames: async (ids) => new Map((await getOrganisations(ctx, ids)).map((o) => [o.id, o.name])),
      notify: async (input) => {
        await notify(ctx, input);
      },
      demandsByRegion: (range, level) => demandsByRegion(ctx.db, range, level),
      searchKeywords: (range, limit) => keywordSearchers(ctx.db, range, limit),
    }),
    // 实验: experiments and feature flags on product surfaces, results from analytics' product events (GROW-4).
    experiments: createExperimentsModule(ctx),
    files: createFilesModule(ctx),
    evidence: createEvidenceModule(ctx),
    signing: createSigningModule(ctx),
    contracts: createContractsModule(ctx),
    escrow: createEscrowModule(ctx, deps.bank ? { bank: deps.bank } : {}),
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
    // 通知: in-app, e-mail and SMS by each user's preferences (quiet hours, digest, unsubscribe links).
    notifications: createNotificationsModule(ctx, { sms: identity.api.guardedSms }),
    cooperation: createCooperationModule(ctx),
    disputes: createDisputesModule(ctx),
    // 工单: 7×24 intake (web, API, e-mail), three support lines, SLA clocks, the ticket desk's board.
    tickets: createTicketsModule(ctx),
    // 农民工工资按月发放: closes each month from execution's logs and escrow's wage payouts; risk and credit subscribe.
    wages: createWagesModule(ctx),
    // 风险预警: reads execution, escrow and tendering through their public API and reacts to their events.
    risk: createRiskModule(ctx),
    // 工程e贷: lends against escrow's assets; repays lenders first inside escrow's release transaction.
    finance: createFinanceModule(ctx),
    // 履约保证险: FIN products bought in place of the cash bond; escrow accepts the policy (acceptBondPolicy).
    insurance: createInsuranceModule(ctx),
    // 风险准备金先行赔付: pays claims from the reserve under dual control and records recoveries, through the ledger.
    reserve: createReserveModule(ctx),
    // 收费: the fee schedule, seed-user plan, charges (escrow's platform fee recorded in the release) and receipts.
    fees: createFeesModule(ctx),
    prices,
    // 政策库: policies with interpretations, versions, the policy search and subscriptions (notified after publish).
    policies: createPoliciesModule(ctx),
    // 专家智库: expert applications (verified by reviewers), public Q&A and private consultations, ratings.
    experts: createExpertsModule(ctx),
    // 承诺看板: the seeds' promises measured from the timestamps of demands, merchants, matching, contracts,
    // disputes, tickets, finance, monitoring and procurement (read through their index), public and for staff.
    promises: createPromisesModule(ctx),
    // 采购优化: a demand's bill of materials over the resource library's offers, suppliers' credit scores and the
    // price outlook of each material.
    procurement: createProcurementModule(ctx, {
      creditScores: credit.api.creditScores,
      materialOutlook: prices.api.materialOutlook,
    }),
    // 数据看板: the GOV viewers' regional board and enterprises' cost warnings on the prices module's outlook.
    boards: createBoardsModule(ctx, { materialOutlook: prices.api.materialOutlook }),
    // 智能匹配: the same boost; C is excluded and AAA goes first (CREDIT-3) with the credit module's grades.
    matching: createMatchingModule(ctx, {
      boost,
      credit: {
        grades: async (_c, orgIds) =>
          new Map([...(await credit.api.grades(orgIds))].map(([orgId, info]) => [orgId, info.grade])),
      },
    }),
    // 运行监控: reads the HTTP layer's traffic window (app.ts feeds it from the metrics plugin) and the read
    // replica's lag.
    monitoring: createMonitoringModule(ctx, {
      traffic: deps.traffic ?? new TrafficWindow(),
      replica: deps.replica ?? null,
    }),
    // 开放平台: API keys and the /api/v1 contract over projects, demands, tendering and escrow's public API.
    developer: createDeveloperModule(ctx),

    // Webhooks: signed deliveries of other modules' events to organisations' endpoints (reads only their events).
    webhooks: createWebhooksModule(ctx),
    // 推荐有礼·积分·优惠券: points from community (its recordPointsEarning) and signed contracts; vouchers redeemed
    // against fees through its index; referral rewards on verification's and contracts' events.
    rewards: createRewardsModule(ctx),
    // 施工人社区 community: posts screened by compliance's banned claims; takedowns in compliance's register.
    community: createCommunityModule(ctx),
    // 收藏与询价: favourites, inquiries to merchants, quotes compared side by side, the accepted order (MERCH-6).
    inquiries: createInquiriesModule(ctx),
    // 消息: chat between organisations from a listing, demand, tender Q&A, contract or dispute (reads their index).
    chat: createChatModule(ctx),
    // 自动化营销: journeys over product events; sends through notifications (preferences, quiet hours, unsubscribe).
    automation: createAutomationModule(ctx, { sms: identity.api.guardedSms }),
    // 运营中心: centres, BD leads and targets, customer success to the first transaction (contracts' and escrow's
    // events), the monthly experience report over tickets and analytics.
    operations: createOperationsModule(ctx),
    // 工作台: asks the modules above for their to-dos and figures through their index.
    workspace: createWorkspaceModule(ctx),
  } satisfies Record<string, PlatformModule<object>>;
  for (const m of Object.values(modules) as PlatformModule<object>[]) m.jobs?.();
  for (const m of Object.values(modules) as PlatformModule<object>[]) m.subscribe?.();
  return modules;
}

export type PlatformModules = ReturnType<typeof composeModules>;
