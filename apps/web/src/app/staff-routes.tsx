import { Navigate, useRoutes } from 'react-router';
import { lazyPage } from './lazy-page';

// one import site per page file (each import() carries its own preload list)
const automationPages = () => import('../pages/automation-pages');
const growthPages = () => import('../pages/growth-pages');
const experimentsPages = () => import('../pages/experiments-pages');
const communityPages = () => import('../pages/community-pages');
const creditPage = () => import('../pages/credit-page');
const disputesPages = () => import('../pages/disputes-pages');
const escrowPages = () => import('../pages/escrow-pages');
const libraryPages = () => import('../pages/library-pages');
const matchingPages = () => import('../pages/matching-pages');
const onboardingPages = () => import('../pages/onboarding-pages');
const operationsPages = () => import('../pages/operations-pages');
const policiesPages = () => import('../pages/policies-pages');
const expertsPages = () => import('../pages/experts-pages');
const reserveFeesPages = () => import('../pages/reserve-fees-pages');
const rewardsPages = () => import('../pages/rewards-pages');
const riskPages = () => import('../pages/risk-pages');
const staffPages = () => import('../pages/staff-pages');
const ticketsPages = () => import('../pages/tickets-pages');
const StaffHomePage = lazyPage(() => import('../pages/staff-home-page'), 'StaffHomePage');
const StaffUsersPage = lazyPage(staffPages, 'StaffUsersPage');
const StaffOrganisationsPage = lazyPage(staffPages, 'StaffOrganisationsPage');
const StaffDualControlPage = lazyPage(staffPages, 'StaffDualControlPage');
const StaffFinancePage = lazyPage(escrowPages, 'StaffFinancePage');
const StaffAuditPage = lazyPage(staffPages, 'StaffAuditPage');
const StaffProductEventsPage = lazyPage(staffPages, 'StaffProductEventsPage');
const StaffMerchantBoardPage = lazyPage(onboardingPages, 'StaffMerchantBoardPage');
const StaffMerchantReviewPage = lazyPage(onboardingPages, 'StaffMerchantReviewPage');
const StaffVerificationsPage = lazyPage(onboardingPages, 'StaffVerificationsPage');
const StaffCommissionPage = lazyPage(onboardingPages, 'StaffCommissionPage');
const StaffCompliancePage = lazyPage(onboardingPages, 'StaffCompliancePage');
const StaffTiersPage = lazyPage(onboardingPages, 'StaffTiersPage');
const StaffDemandReviewsPage = lazyPage(libraryPages, 'StaffDemandReviewsPage');
const StaffDemandReviewPage = lazyPage(libraryPages, 'StaffDemandReviewPage');
const StaffPromisesPage = lazyPage(() => import('../pages/promises-pages'), 'StaffPromisesPage');
const StaffMatchingPage = lazyPage(matchingPages, 'StaffMatchingPage');
const StaffDisputeBoardPage = lazyPage(disputesPages, 'StaffDisputeBoardPage');
const StaffCreditPage = lazyPage(creditPage, 'StaffCreditPage');
const StaffDisputeRoomPage = lazyPage(disputesPages, 'StaffDisputeRoomPage');
const StaffTicketDeskPage = lazyPage(ticketsPages, 'StaffTicketDeskPage');
const StaffTicketPage = lazyPage(ticketsPages, 'StaffTicketPage');
const StaffRiskBoardPage = lazyPage(riskPages, 'StaffRiskBoardPage');
const StaffEvidencePage = lazyPage(() => import('../pages/staff-evidence-page'), 'StaffEvidencePage');
const StaffReservePage = lazyPage(reserveFeesPages, 'StaffReservePage');
const StaffFeesPage = lazyPage(reserveFeesPages, 'StaffFeesPage');
const StaffPoliciesPage = lazyPage(policiesPages, 'StaffPoliciesPage');
const StaffExpertsPage = lazyPage(expertsPages, 'StaffExpertsPage');
const StaffCommunityPage = lazyPage(communityPages, 'StaffCommunityPage');
const StaffRewardsPage = lazyPage(rewardsPages, 'StaffRewardsPage');
const StaffStatusPage = lazyPage(() => import('../pages/status-page'), 'StaffStatusPage');
const StaffJourneysPage = lazyPage(automationPages, 'StaffJourneysPage');
const StaffJourneyNewPage = lazyPage(automationPages, 'StaffJourneyNewPage');
const StaffJourneyPage = lazyPage(automationPages, 'StaffJourneyPage');
const StaffFollowUpTasksPage = lazyPage(automationPages, 'StaffFollowUpTasksPage');
const StaffGrowthFunnelPage = lazyPage(growthPages, 'StaffGrowthFunnelPage');
const StaffGrowthChannelsPage = lazyPage(growthPages, 'StaffGrowthChannelsPage');
const StaffGrowthCohortsPage = lazyPage(growthPages, 'StaffGrowthCohortsPage');
const StaffGrowthRfmPage = lazyPage(growthPages, 'StaffGrowthRfmPage');
const StaffGrowthKpiPage = lazyPage(growthPages, 'StaffGrowthKpiPage');
const StaffGrowthMarketPage = lazyPage(growthPages, 'StaffGrowthMarketPage');
const StaffGrowthLifecyclePage = lazyPage(growthPages, 'StaffGrowthLifecyclePage');
const StaffExperimentsPage = lazyPage(experimentsPages, 'StaffExperimentsPage');
const StaffExperimentNewPage = lazyPage(experimentsPages, 'StaffExperimentNewPage');
const StaffExperimentResultsPage = lazyPage(experimentsPages, 'StaffExperimentResultsPage');
const StaffOpsOverviewPage = lazyPage(operationsPages, 'StaffOpsOverviewPage');
const StaffOpsLeadsPage = lazyPage(operationsPages, 'StaffOpsLeadsPage');
const StaffOpsSuccessPage = lazyPage(operationsPages, 'StaffOpsSuccessPage');
const StaffOpsReportsPage = lazyPage(operationsPages, 'StaffOpsReportsPage');
const NotFoundPage = lazyPage(() => import('../pages/not-found-page'), 'NotFoundPage');

/**
 * 运营后台 the staff area's routes, below `/staff` (RequireStaff guards them in the router). They are a chunk of their
 * own so an organisation's member never downloads the staff pages' route table and preload lists with the first page.
 */
export function StaffRoutes() {
  return useRoutes([
    { index: true, element: <StaffHomePage /> },
    { path: 'users', element: <StaffUsersPage /> },
    { path: 'organisations', element: <StaffOrganisationsPage /> },
    { path: 'dual-control', element: <StaffDualControlPage /> },
    { path: 'finance', element: <StaffFinancePage /> },
    { path: 'audit', element: <StaffAuditPage /> },
    { path: 'product-events', element: <StaffProductEventsPage /> },
    { path: 'merchants', element: <StaffMerchantBoardPage /> },
    { path: 'merchants/:applicationId', element: <StaffMerchantReviewPage /> },
    { path: 'verifications', element: <StaffVerificationsPage /> },
    { path: 'commission', element: <StaffCommissionPage /> },
    { path: 'compliance', element: <StaffCompliancePage /> },
    { path: 'tiers', element: <StaffTiersPage /> },
    { path: 'demand-reviews', element: <StaffDemandReviewsPage /> },
    { path: 'demand-reviews/:reviewId', element: <StaffDemandReviewPage /> },
    { path: 'promises', element: <StaffPromisesPage /> },
    { path: 'matching', element: <StaffMatchingPage /> },
    { path: 'disputes', element: <StaffDisputeBoardPage /> },
    { path: 'credit', element: <StaffCreditPage /> },
    { path: 'disputes/:disputeId', element: <StaffDisputeRoomPage /> },
    { path: 'tickets', element: <StaffTicketDeskPage /> },
    { path: 'tickets/:ticketId', element: <StaffTicketPage /> },
    { path: 'risk', element: <StaffRiskBoardPage /> },
    { path: 'evidence', element: <StaffEvidencePage /> },
    { path: 'reserve', element: <StaffReservePage /> },
    { path: 'fees', element: <StaffFeesPage /> },
    { path: 'policies', element: <StaffPoliciesPage /> },
    { path: 'experts', element: <StaffExpertsPage /> },
    { path: 'community', element: <StaffCommunityPage /> },
    { path: 'rewards', element: <StaffRewardsPage /> },
    { path: 'status', element: <StaffStatusPage /> },
    { path: 'automation', element: <StaffJourneysPage /> },
    { path: 'automation/new', element: <StaffJourneyNewPage /> },
    { path: 'automation/tasks', element: <StaffFollowUpTasksPage /> },
    { path: 'automation/:journeyId', element: <StaffJourneyPage /> },
    { path: 'growth', element: <Navigate to="/staff/growth/funnel" replace /> },
    { path: 'growth/funnel', element: <StaffGrowthFunnelPage /> },
    { path: 'growth/channels', element: <StaffGrowthChannelsPage /> },
    { path: 'growth/cohorts', element: <StaffGrowthCohortsPage /> },
    { path: 'growth/rfm', element: <StaffGrowthRfmPage /> },
    { path: 'growth/kpis', element: <StaffGrowthKpiPage /> },
    { path: 'growth/market', element: <StaffGrowthMarketPage /> },
    { path: 'growth/lifecycle', element: <StaffGrowthLifecyclePage /> },
    { path: 'experiments', element: <StaffExperimentsPage /> },
    { path: 'experiments/new', element: <StaffExperimentNewPage /> },
    { path: 'experiments/:experimentId', element: <StaffExperimentResultsPage /> },
    { path: 'operations', element: <StaffOpsOverviewPage /> },
    { path: 'operations/leads', element: <StaffOpsLeadsPage /> },
    { path: 'operations/success', element: <StaffOpsSuccessPage /> },
    { path: 'operations/reports', element: <StaffOpsReportsPage /> },
    { path: '*', element: <NotFoundPage /> },
  ]);
}
