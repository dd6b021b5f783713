import { Suspense } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { GuestOnly, RequireAuth, RequireStaff } from '../modules/identity';
import { RequireActiveContext } from '../modules/organisation';
import { HomeRedirectPage } from '../pages/home-redirect-page';
import { lazyPage } from './lazy-page';
import { LoadingState } from './page-states';

/**
 * 使用统计授权 the consent banner and the page-view tracker: a chunk of its own, fetched after the first page (its
 * buttons and texts cost the first page 2 kB of its budget); the banner appears a moment later.
 */
const ConsentBanner = lazyPage(() => import('./consent-banner'), 'ConsentBanner');

/** Pages outside the shell (the public verify page, registration) show a spinner while their chunk loads. */
function SuspendedOutlet() {
  return (
    <Suspense fallback={<LoadingState minHeight="100vh" />}>
      <Outlet />
      <Suspense fallback={null}>
        <ConsentBanner />
      </Suspense>
    </Suspense>
  );
}

// One import site per page file: each import() carries its own preload list in the entry (first-load budget).
const accountRecoveryPages = () => import('../pages/account-recovery-pages');
const communityPages = () => import('../pages/community-pages');
const contractsPages = () => import('../pages/contracts-pages');
const creditPage = () => import('../pages/credit-page');
const disputesPages = () => import('../pages/disputes-pages');
const escrowPages = () => import('../pages/escrow-pages');
const executionPages = () => import('../pages/execution-pages');
const inquiriesPages = () => import('../pages/inquiries-pages');
const libraryPages = () => import('../pages/library-pages');
const matchingPages = () => import('../pages/matching-pages');
const notificationsPages = () => import('../pages/notifications-pages');
const onboardingPages = () => import('../pages/onboarding-pages');
const rewardsPages = () => import('../pages/rewards-pages');
const policiesPages = () => import('../pages/policies-pages');
const expertsPages = () => import('../pages/experts-pages');
const reserveFeesPages = () => import('../pages/reserve-fees-pages');
const riskPages = () => import('../pages/risk-pages');
const tenderingPages = () => import('../pages/tendering-pages');
const ticketsPages = () => import('../pages/tickets-pages');
const loadAppShell = () => import('./app-shell');
const loadWorkspaceHome = () => import('../pages/workspace-home-page');
const AppShell = lazyPage(loadAppShell, 'AppShell');
const LoginPage = lazyPage(() => import('../pages/login-page'), 'LoginPage');
const ForgotPasswordPage = lazyPage(accountRecoveryPages, 'ForgotPasswordPage');
const ResetPasswordPage = lazyPage(accountRecoveryPages, 'ResetPasswordPage');
const VerifyEmailPage = lazyPage(accountRecoveryPages, 'VerifyEmailPage');
const LoginTotpPage = lazyPage(() => import('../pages/login-totp-page'), 'LoginTotpPage');
const WorkspaceHomePage = lazyPage(loadWorkspaceHome, 'WorkspaceHomePage');
const StaffRoutes = lazyPage(() => import('./staff-routes'), 'StaffRoutes');

/**
 * Fetches the signed-in shell and home once the first page has painted and the browser is idle, so signing in does
 * not wait for them (the module cache makes the later `lazy()` load instant).
 */
export function preloadSignedInPages(): void {
  const preload = () => {
    void loadAppShell();
    void loadWorkspaceHome();
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(preload, { timeout: 3_000 });
  else setTimeout(preload, 1_000);
}
const AccountSecurityPage = lazyPage(() => import('../pages/account-security-page'), 'AccountSecurityPage');
const ContractDetailPage = lazyPage(contractsPages, 'ContractDetailPage');
const ContractNewPage = lazyPage(contractsPages, 'ContractNewPage');
const ContractsPage = lazyPage(contractsPages, 'ContractsPage');
const CreditPage = lazyPage(creditPage, 'CreditPage');
const CreateOrganisationPage = lazyPage(() => import('../pages/create-organisation-page'), 'CreateOrganisationPage');
const DisputeDetailPage = lazyPage(disputesPages, 'DisputeDetailPage');
const FileDisputePage = lazyPage(disputesPages, 'FileDisputePage');
const ProcurementPlanPage = lazyPage(() => import('../pages/procurement-pages'), 'ProcurementPlanPage');
const boardsPages = () => import('../pages/boards-pages');
const PriceIndicesPage = lazyPage(boardsPages, 'PriceIndicesPage');
const GovBoardPage = lazyPage(boardsPages, 'GovBoardPage');
const CostWarningsPage = lazyPage(boardsPages, 'CostWarningsPage');
const MyDisputesPage = lazyPage(disputesPages, 'MyDisputesPage');
const MyTicketsPage = lazyPage(ticketsPages, 'MyTicketsPage');
const OpenTicketPage = lazyPage(ticketsPages, 'OpenTicketPage');
const TicketDetailPage = lazyPage(ticketsPages, 'TicketDetailPage');
const ContractMoneyPage = lazyPage(escrowPages, 'ContractMoneyPage');
const WalletPage = lazyPage(escrowPages, 'WalletPage');
const ContractProgressPage = lazyPage(executionPages, 'ContractProgressPage');
const ContractSettlementPage = lazyPage(executionPages, 'ContractSettlementPage');
const ProgressPage = lazyPage(executionPages, 'ProgressPage');
const SettlementsPage = lazyPage(executionPages, 'SettlementsPage');
const ComparePage = lazyPage(libraryPages, 'ComparePage');
const DemandDetailPage = lazyPage(libraryPages, 'DemandDetailPage');
const DemandNewPage = lazyPage(libraryPages, 'DemandNewPage');
const DemandsPage = lazyPage(libraryPages, 'DemandsPage');
const MapPage = lazyPage(libraryPages, 'MapPage');
const ProjectDetailPage = lazyPage(libraryPages, 'ProjectDetailPage');
const ProjectNewPage = lazyPage(libraryPages, 'ProjectNewPage');
const ProjectsPage = lazyPage(libraryPages, 'ProjectsPage');
const ResourceDetailPage = lazyPage(libraryPages, 'ResourceDetailPage');
const ResourceNewPage = lazyPage(libraryPages, 'ResourceNewPage');
const ResourcesPage = lazyPage(libraryPages, 'ResourcesPage');
const SupplierPushesPage = lazyPage(matchingPages, 'SupplierPushesPage');
const MembersPage = lazyPage(() => import('../pages/members-page'), 'MembersPage');
const MyInvitationsPage = lazyPage(() => import('../pages/my-invitations-page'), 'MyInvitationsPage');
const MerchantPage = lazyPage(onboardingPages, 'MerchantPage');
const OrgFeesPage = lazyPage(reserveFeesPages, 'OrgFeesPage');
const DeveloperPage = lazyPage(() => import('../pages/developer-page'), 'DeveloperPage');

const ReferralPage = lazyPage(rewardsPages, 'ReferralPage');
const PointsPage = lazyPage(rewardsPages, 'PointsPage');
const FavouritesPage = lazyPage(inquiriesPages, 'FavouritesPage');
const InquiriesPage = lazyPage(inquiriesPages, 'InquiriesPage');
const InquiryNewPage = lazyPage(inquiriesPages, 'InquiryNewPage');
const InquiryDetailPage = lazyPage(inquiriesPages, 'InquiryDetailPage');
const WebhooksPage = lazyPage(() => import('../pages/webhooks-page'), 'WebhooksPage');
const NotificationsPage = lazyPage(notificationsPages, 'NotificationsPage');
const NotificationPreferencesPage = lazyPage(notificationsPages, 'NotificationPreferencesPage');
const UnsubscribePage = lazyPage(notificationsPages, 'UnsubscribePage');
const ChatPage = lazyPage(() => import('../pages/chat-page'), 'ChatPage');
const VerificationPage = lazyPage(onboardingPages, 'VerificationPage');
const NotFoundPage = lazyPage(() => import('../pages/not-found-page'), 'NotFoundPage');
const OrgInvitationsPage = lazyPage(() => import('../pages/org-invitations-page'), 'OrgInvitationsPage');
const OrgSettingsPage = lazyPage(() => import('../pages/org-settings-page'), 'OrgSettingsPage');
const CommunityPage = lazyPage(communityPages, 'CommunityPage');
const CommunityNewPostPage = lazyPage(communityPages, 'CommunityNewPostPage');
const CommunityPostPage = lazyPage(communityPages, 'CommunityPostPage');
const PoliciesPage = lazyPage(policiesPages, 'PoliciesPage');
const ExpertsPage = lazyPage(expertsPages, 'ExpertsPage');
const ExpertProfilePage = lazyPage(expertsPages, 'ExpertProfilePage');
const ExpertQuestionPage = lazyPage(expertsPages, 'ExpertQuestionPage');
const MyExpertQuestionsPage = lazyPage(expertsPages, 'MyExpertQuestionsPage');
const ExpertInboxPage = lazyPage(expertsPages, 'ExpertInboxPage');
const ExpertApplyPage = lazyPage(expertsPages, 'ExpertApplyPage');
const PolicyDetailPage = lazyPage(policiesPages, 'PolicyDetailPage');
const PolicySubscriptionsPage = lazyPage(policiesPages, 'PolicySubscriptionsPage');
const RegisterPage = lazyPage(() => import('../pages/register-page'), 'RegisterPage');
const RiskWarningsPage = lazyPage(riskPages, 'RiskWarningsPage');
const SupplyFinancePage = lazyPage(() => import('../pages/finance-pages'), 'SupplyFinancePage');
const BondInsurancePage = lazyPage(() => import('../pages/insurance-pages'), 'BondInsurancePage');
const PrequalReportPage = lazyPage(tenderingPages, 'PrequalReportPage');
const TenderDetailPage = lazyPage(tenderingPages, 'TenderDetailPage');
const TenderNewPage = lazyPage(tenderingPages, 'TenderNewPage');
const TendersPage = lazyPage(tenderingPages, 'TendersPage');
const MerchantStatsPage = lazyPage(() => import('../pages/growth-pages'), 'MerchantStatsPage');
const VerifyDocumentPage = lazyPage(() => import('../pages/verify-document-page'), 'VerifyDocumentPage');
const PublicPromisesPage = lazyPage(() => import('../pages/promises-pages'), 'PublicPromisesPage');

export function createRouter() {
  return createBrowserRouter([
    {
      element: <SuspendedOutlet />,
      children: [
        // Public: anyone holding a document can check it against the evidence log, without an account.
        { path: '/verify', element: <VerifyDocumentPage /> },
        { path: '/promises', element: <PublicPromisesPage /> },
        // the links in the reset and verification mails: they work with or without a session
        { path: '/reset-password', element: <ResetPasswordPage /> },
        { path: '/verify-email', element: <VerifyEmailPage /> },
        // 退订: the unsubscribe link of every notification e-mail, without signing in
        { path: '/unsubscribe', element: <UnsubscribePage /> },
        {
          element: <GuestOnly />,
          children: [
            { path: '/login', element: <LoginPage /> },
            { path: '/login/totp', element: <LoginTotpPage /> },
            { path: '/register', element: <RegisterPage /> },
            { path: '/forgot-password', element: <ForgotPasswordPage /> },
          ],
        },
        {
          element: <RequireAuth />,
          children: [
            { index: true, element: <HomeRedirectPage /> },
            {
              element: <AppShell />,
              children: [
                { path: '/orgs/new', element: <CreateOrganisationPage /> },
                { path: '/invitations', element: <MyInvitationsPage /> },
                { path: '/account/security', element: <AccountSecurityPage /> },
                // 政策库: every signed-in member reads, searches and subscribes
                { path: '/policies', element: <PoliciesPage /> },
                { path: '/policies/:policyId', element: <PolicyDetailPage /> },
                { path: '/policy-subscriptions', element: <PolicySubscriptionsPage /> },
                // 专家智库: every signed-in user browses, asks in the active organisation's name, applies, answers
                { path: '/experts', element: <ExpertsPage /> },
                { path: '/experts/mine', element: <MyExpertQuestionsPage /> },
                { path: '/experts/inbox', element: <ExpertInboxPage /> },
                { path: '/experts/apply', element: <ExpertApplyPage /> },
                { path: '/experts/questions/:questionId', element: <ExpertQuestionPage /> },
                { path: '/experts/:expertId', element: <ExpertProfilePage /> },
                // 综合单价指数: every signed-in user, as the price series
                { path: '/price-indices', element: <PriceIndicesPage /> },
                // 施工人社区: every signed-in user reads; posting is for verified organisations (checked by the API)
                { path: '/community', element: <CommunityPage /> },
                { path: '/community/new', element: <CommunityNewPostPage /> },
                { path: '/community/posts/:postId', element: <CommunityPostPage /> },
                {
                  path: '/workspace',
                  element: <RequireActiveContext />,
                  children: [
                    { index: true, element: <WorkspaceHomePage /> },
                    { path: 'members', element: <MembersPage /> },
                    { path: 'invitations', element: <OrgInvitationsPage /> },
                    { path: 'settings', element: <OrgSettingsPage /> },
                    { path: 'contracts', element: <ContractsPage /> },
                    { path: 'contracts/new', element: <ContractNewPage /> },
                    { path: 'contracts/:contractId', element: <ContractDetailPage /> },
                    { path: 'contracts/:contractId/money', element: <ContractMoneyPage /> },
                    { path: 'wallet', element: <WalletPage /> },
                    { path: 'progress', element: <ProgressPage /> },
                    { path: 'progress/:contractId', element: <ContractProgressPage /> },
                    { path: 'settlement', element: <SettlementsPage /> },
                    { path: 'settlement/:contractId', element: <ContractSettlementPage /> },
                    { path: 'verification', element: <VerificationPage /> },
                    { path: 'credit', element: <CreditPage /> },
                    { path: 'merchant', element: <MerchantPage /> },
                    { path: 'merchant/stats', element: <MerchantStatsPage /> },
                    { path: 'projects', element: <ProjectsPage /> },
                    { path: 'projects/new', element: <ProjectNewPage /> },
                    { path: 'projects/:projectId', element: <ProjectDetailPage /> },
                    { path: 'resources', element: <ResourcesPage /> },
                    { path: 'resources/new', element: <ResourceNewPage /> },
                    { path: 'resources/compare', element: <ComparePage /> },
                    { path: 'resources/:listingId', element: <ResourceDetailPage /> },
                    { path: 'demands', element: <DemandsPage /> },
                    { path: 'demands/new', element: <DemandNewPage /> },
                    { path: 'demands/:demandId', element: <DemandDetailPage /> },
                    { path: 'map', element: <MapPage /> },
                    { path: 'tenders', element: <TendersPage /> },
                    { path: 'tenders/new', element: <TenderNewPage /> },
                    { path: 'tenders/:tenderId', element: <TenderDetailPage /> },
                    { path: 'tenders/:tenderId/prequalification', element: <PrequalReportPage /> },
                    { path: 'pushes', element: <SupplierPushesPage /> },
                    { path: 'disputes', element: <MyDisputesPage /> },
                    { path: 'fees', element: <OrgFeesPage /> },
                    { path: 'favourites', element: <FavouritesPage /> },
                    { path: 'referrals', element: <ReferralPage /> },
                    { path: 'points', element: <PointsPage /> },
                    { path: 'inquiries', element: <InquiriesPage /> },
                    { path: 'inquiries/new', element: <InquiryNewPage /> },
                    { path: 'inquiries/:inquiryId', element: <InquiryDetailPage /> },
                    { path: 'developer', element: <DeveloperPage /> },

                    { path: 'developer/webhooks', element: <WebhooksPage /> },
                    // 通知中心 and 通知设置, reached from the bell
                    { path: 'notifications', element: <NotificationsPage /> },
                    { path: 'notifications/preferences', element: <NotificationPreferencesPage /> },
                    { path: 'chat', element: <ChatPage /> },
                    { path: 'demands/:demandId/procurement', element: <ProcurementPlanPage /> },
                    // 数据看板: the GOV viewer's regional board; every organisation's cost warnings
                    { path: 'gov-board', element: <GovBoardPage /> },
                    { path: 'cost-warnings', element: <CostWarningsPage /> },
                    { path: 'disputes/new', element: <FileDisputePage /> },
                    { path: 'disputes/:disputeId', element: <DisputeDetailPage /> },
                    { path: 'tickets', element: <MyTicketsPage /> },
                    { path: 'tickets/new', element: <OpenTicketPage /> },
                    { path: 'tickets/:ticketId', element: <TicketDetailPage /> },
                    { path: 'risk', element: <RiskWarningsPage /> },
                    { path: 'finance', element: <SupplyFinancePage /> },
                    { path: 'insurance', element: <BondInsurancePage /> },
                  ],
                },
                // 运营后台: its routes and their preload lists are a chunk of their own, fetched by staff only
                { path: '/staff/*', element: <RequireStaff />, children: [{ path: '*', element: <StaffRoutes /> }] },
                { path: '*', element: <NotFoundPage /> },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
