import { type ComponentType, lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { GuestOnly, RequireAuth, RequireStaff } from '../modules/identity';
import { RequireActiveContext } from '../modules/organisation';
import { HomeRedirectPage } from '../pages/home-redirect-page';
import { LoadingState } from './page-states';

/**
 * A page loaded with its own chunk the first time its route is visited. Sign-in and the signed-in shell are lazy too:
 * a visitor without a session loads the sign-in form without the shell's menu and icons, a signed-in user the shell
 * and home without the sign-in form. `npm run bench:web` measures both first pages.
 */
function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

/** Pages outside the shell (the public verify page, registration) show a spinner while their chunk loads. */
function SuspendedOutlet() {
  return (
    <Suspense fallback={<LoadingState minHeight="100vh" />}>
      <Outlet />
    </Suspense>
  );
}

const loadAppShell = () => import('./app-shell');
const loadWorkspaceHome = () => import('../pages/workspace-home-page');
const AppShell = lazyPage(loadAppShell, 'AppShell');
const LoginPage = lazyPage(() => import('../pages/login-page'), 'LoginPage');
const ForgotPasswordPage = lazyPage(() => import('../pages/account-recovery-pages'), 'ForgotPasswordPage');
const ResetPasswordPage = lazyPage(() => import('../pages/account-recovery-pages'), 'ResetPasswordPage');
const VerifyEmailPage = lazyPage(() => import('../pages/account-recovery-pages'), 'VerifyEmailPage');
const LoginTotpPage = lazyPage(() => import('../pages/login-totp-page'), 'LoginTotpPage');
const WorkspaceHomePage = lazyPage(loadWorkspaceHome, 'WorkspaceHomePage');

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
const ContractDetailPage = lazyPage(() => import('../pages/contracts-pages'), 'ContractDetailPage');
const ContractNewPage = lazyPage(() => import('../pages/contracts-pages'), 'ContractNewPage');
const ContractsPage = lazyPage(() => import('../pages/contracts-pages'), 'ContractsPage');
const CreditPage = lazyPage(() => import('../pages/credit-page'), 'CreditPage');
const StaffCreditPage = lazyPage(() => import('../pages/credit-page'), 'StaffCreditPage');
const CreateOrganisationPage = lazyPage(() => import('../pages/create-organisation-page'), 'CreateOrganisationPage');
const DisputeDetailPage = lazyPage(() => import('../pages/disputes-pages'), 'DisputeDetailPage');
const FileDisputePage = lazyPage(() => import('../pages/disputes-pages'), 'FileDisputePage');
const ProcurementPlanPage = lazyPage(() => import('../pages/procurement-pages'), 'ProcurementPlanPage');
const MyDisputesPage = lazyPage(() => import('../pages/disputes-pages'), 'MyDisputesPage');
const StaffDisputeBoardPage = lazyPage(() => import('../pages/disputes-pages'), 'StaffDisputeBoardPage');
const StaffDisputeRoomPage = lazyPage(() => import('../pages/disputes-pages'), 'StaffDisputeRoomPage');
const MyTicketsPage = lazyPage(() => import('../pages/tickets-pages'), 'MyTicketsPage');
const OpenTicketPage = lazyPage(() => import('../pages/tickets-pages'), 'OpenTicketPage');
const TicketDetailPage = lazyPage(() => import('../pages/tickets-pages'), 'TicketDetailPage');
const StaffTicketDeskPage = lazyPage(() => import('../pages/tickets-pages'), 'StaffTicketDeskPage');
const StaffTicketPage = lazyPage(() => import('../pages/tickets-pages'), 'StaffTicketPage');
const ContractMoneyPage = lazyPage(() => import('../pages/escrow-pages'), 'ContractMoneyPage');
const StaffFinancePage = lazyPage(() => import('../pages/escrow-pages'), 'StaffFinancePage');
const WalletPage = lazyPage(() => import('../pages/escrow-pages'), 'WalletPage');
const ContractProgressPage = lazyPage(() => import('../pages/execution-pages'), 'ContractProgressPage');
const ContractSettlementPage = lazyPage(() => import('../pages/execution-pages'), 'ContractSettlementPage');
const ProgressPage = lazyPage(() => import('../pages/execution-pages'), 'ProgressPage');
const SettlementsPage = lazyPage(() => import('../pages/execution-pages'), 'SettlementsPage');
const ComparePage = lazyPage(() => import('../pages/library-pages'), 'ComparePage');
const DemandDetailPage = lazyPage(() => import('../pages/library-pages'), 'DemandDetailPage');
const DemandNewPage = lazyPage(() => import('../pages/library-pages'), 'DemandNewPage');
const DemandsPage = lazyPage(() => import('../pages/library-pages'), 'DemandsPage');
const MapPage = lazyPage(() => import('../pages/library-pages'), 'MapPage');
const ProjectDetailPage = lazyPage(() => import('../pages/library-pages'), 'ProjectDetailPage');
const ProjectNewPage = lazyPage(() => import('../pages/library-pages'), 'ProjectNewPage');
const ProjectsPage = lazyPage(() => import('../pages/library-pages'), 'ProjectsPage');
const ResourceDetailPage = lazyPage(() => import('../pages/library-pages'), 'ResourceDetailPage');
const ResourceNewPage = lazyPage(() => import('../pages/library-pages'), 'ResourceNewPage');
const ResourcesPage = lazyPage(() => import('../pages/library-pages'), 'ResourcesPage');
const StaffDemandReviewsPage = lazyPage(() => import('../pages/library-pages'), 'StaffDemandReviewsPage');
const StaffMatchingPage = lazyPage(() => import('../pages/matching-pages'), 'StaffMatchingPage');
const SupplierPushesPage = lazyPage(() => import('../pages/matching-pages'), 'SupplierPushesPage');
const MembersPage = lazyPage(() => import('../pages/members-page'), 'MembersPage');
const MyInvitationsPage = lazyPage(() => import('../pages/my-invitations-page'), 'MyInvitationsPage');
const MerchantPage = lazyPage(() => import('../pages/onboarding-pages'), 'MerchantPage');
const StaffCommissionPage = lazyPage(() => import('../pages/onboarding-pages'), 'StaffCommissionPage');
const StaffReservePage = lazyPage(() => import('../pages/reserve-fees-pages'), 'StaffReservePage');
const StaffFeesPage = lazyPage(() => import('../pages/reserve-fees-pages'), 'StaffFeesPage');
const OrgFeesPage = lazyPage(() => import('../pages/reserve-fees-pages'), 'OrgFeesPage');
const DeveloperPage = lazyPage(() => import('../pages/developer-page'), 'DeveloperPage');

// one import site for the four pages: the shell carries one preload list instead of four (first-load budget)
const inquiriesPages = () => import('../pages/inquiries-pages');
const FavouritesPage = lazyPage(inquiriesPages, 'FavouritesPage');
const InquiriesPage = lazyPage(inquiriesPages, 'InquiriesPage');
const InquiryNewPage = lazyPage(inquiriesPages, 'InquiryNewPage');
const InquiryDetailPage = lazyPage(inquiriesPages, 'InquiryDetailPage');
const WebhooksPage = lazyPage(() => import('../pages/webhooks-page'), 'WebhooksPage');
const NotificationsPage = lazyPage(() => import('../pages/notifications-pages'), 'NotificationsPage');
const NotificationPreferencesPage = lazyPage(
  () => import('../pages/notifications-pages'),
  'NotificationPreferencesPage',
);
const UnsubscribePage = lazyPage(() => import('../pages/notifications-pages'), 'UnsubscribePage');
const ChatPage = lazyPage(() => import('../pages/chat-page'), 'ChatPage');
const StaffCompliancePage = lazyPage(() => import('../pages/onboarding-pages'), 'StaffCompliancePage');
const StaffMerchantBoardPage = lazyPage(() => import('../pages/onboarding-pages'), 'StaffMerchantBoardPage');
const StaffMerchantReviewPage = lazyPage(() => import('../pages/onboarding-pages'), 'StaffMerchantReviewPage');
const StaffTiersPage = lazyPage(() => import('../pages/onboarding-pages'), 'StaffTiersPage');
const StaffEvidencePage = lazyPage(() => import('../pages/staff-evidence-page'), 'StaffEvidencePage');
const StaffVerificationsPage = lazyPage(() => import('../pages/onboarding-pages'), 'StaffVerificationsPage');
const VerificationPage = lazyPage(() => import('../pages/onboarding-pages'), 'VerificationPage');
const NotFoundPage = lazyPage(() => import('../pages/not-found-page'), 'NotFoundPage');
const OrgInvitationsPage = lazyPage(() => import('../pages/org-invitations-page'), 'OrgInvitationsPage');
const OrgSettingsPage = lazyPage(() => import('../pages/org-settings-page'), 'OrgSettingsPage');
const CommunityPage = lazyPage(() => import('../pages/community-pages'), 'CommunityPage');
const CommunityNewPostPage = lazyPage(() => import('../pages/community-pages'), 'CommunityNewPostPage');
const CommunityPostPage = lazyPage(() => import('../pages/community-pages'), 'CommunityPostPage');
const StaffCommunityPage = lazyPage(() => import('../pages/community-pages'), 'StaffCommunityPage');
const PoliciesPage = lazyPage(() => import('../pages/policies-pages'), 'PoliciesPage');
const PolicyDetailPage = lazyPage(() => import('../pages/policies-pages'), 'PolicyDetailPage');
const PolicySubscriptionsPage = lazyPage(() => import('../pages/policies-pages'), 'PolicySubscriptionsPage');
const StaffPoliciesPage = lazyPage(() => import('../pages/policies-pages'), 'StaffPoliciesPage');
const experimentsPages = () => import('../pages/experiments-pages');
const StaffExperimentsPage = lazyPage(experimentsPages, 'StaffExperimentsPage');
const StaffExperimentNewPage = lazyPage(experimentsPages, 'StaffExperimentNewPage');
const StaffExperimentResultsPage = lazyPage(experimentsPages, 'StaffExperimentResultsPage');
const StaffStatusPage = lazyPage(() => import('../pages/status-page'), 'StaffStatusPage');
const RegisterPage = lazyPage(() => import('../pages/register-page'), 'RegisterPage');
const RiskWarningsPage = lazyPage(() => import('../pages/risk-pages'), 'RiskWarningsPage');
const SupplyFinancePage = lazyPage(() => import('../pages/finance-pages'), 'SupplyFinancePage');
const BondInsurancePage = lazyPage(() => import('../pages/insurance-pages'), 'BondInsurancePage');
const StaffRiskBoardPage = lazyPage(() => import('../pages/risk-pages'), 'StaffRiskBoardPage');
const StaffAuditPage = lazyPage(() => import('../pages/staff-pages'), 'StaffAuditPage');
const StaffDualControlPage = lazyPage(() => import('../pages/staff-pages'), 'StaffDualControlPage');
const StaffOrganisationsPage = lazyPage(() => import('../pages/staff-pages'), 'StaffOrganisationsPage');
const StaffProductEventsPage = lazyPage(() => import('../pages/staff-pages'), 'StaffProductEventsPage');
const StaffUsersPage = lazyPage(() => import('../pages/staff-pages'), 'StaffUsersPage');
const StaffHomePage = lazyPage(() => import('../pages/staff-home-page'), 'StaffHomePage');
const PrequalReportPage = lazyPage(() => import('../pages/tendering-pages'), 'PrequalReportPage');
const TenderDetailPage = lazyPage(() => import('../pages/tendering-pages'), 'TenderDetailPage');
const TenderNewPage = lazyPage(() => import('../pages/tendering-pages'), 'TenderNewPage');
const TendersPage = lazyPage(() => import('../pages/tendering-pages'), 'TendersPage');
const VerifyDocumentPage = lazyPage(() => import('../pages/verify-document-page'), 'VerifyDocumentPage');

export function createRouter() {
  return createBrowserRouter([
    {
      element: <SuspendedOutlet />,
      children: [
        // Public: anyone holding a document can check it against the evidence log, without an account.
        { path: '/verify', element: <VerifyDocumentPage /> },
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
                {
                  path: '/staff',
                  element: <RequireStaff />,
                  children: [
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
                    { path: 'experiments', element: <StaffExperimentsPage /> },
                    { path: 'experiments/new', element: <StaffExperimentNewPage /> },
                    { path: 'experiments/:experimentId', element: <StaffExperimentResultsPage /> },
                    { path: 'community', element: <StaffCommunityPage /> },
                    { path: 'status', element: <StaffStatusPage /> },
                  ],
                },
                { path: '*', element: <NotFoundPage /> },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
