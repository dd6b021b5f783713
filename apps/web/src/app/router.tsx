import { createBrowserRouter, Navigate } from 'react-router';
import { GuestOnly, RequireAuth, RequireStaff } from '../modules/identity';
import { RequireActiveContext } from '../modules/organisation';
import { AccountSecurityPage } from '../pages/account-security-page';
import { ContractDetailPage, ContractNewPage, ContractsPage } from '../pages/contracts-pages';
import { CreateOrganisationPage } from '../pages/create-organisation-page';
import { ContractMoneyPage, StaffFinancePage, WalletPage } from '../pages/escrow-pages';
import { ContractProgressPage, ContractSettlementPage, ProgressPage, SettlementsPage } from '../pages/execution-pages';
import { HomeRedirectPage } from '../pages/home-redirect-page';
import {
  ComparePage,
  DemandDetailPage,
  DemandNewPage,
  DemandsPage,
  MapPage,
  ProjectDetailPage,
  ProjectNewPage,
  ProjectsPage,
  ResourceDetailPage,
  ResourceNewPage,
  ResourcesPage,
  StaffDemandReviewsPage,
} from '../pages/library-pages';
import { LoginPage } from '../pages/login-page';
import { LoginTotpPage } from '../pages/login-totp-page';
import { StaffMatchingPage, SupplierPushesPage } from '../pages/matching-pages';
import { MembersPage } from '../pages/members-page';
import { MyInvitationsPage } from '../pages/my-invitations-page';
import { NotFoundPage } from '../pages/not-found-page';
import {
  MerchantPage,
  StaffCommissionPage,
  StaffCompliancePage,
  StaffMerchantBoardPage,
  StaffMerchantReviewPage,
  StaffTiersPage,
  StaffVerificationsPage,
  VerificationPage,
} from '../pages/onboarding-pages';
import { OrgInvitationsPage } from '../pages/org-invitations-page';
import { OrgSettingsPage } from '../pages/org-settings-page';
import { RegisterPage } from '../pages/register-page';
import {
  StaffAuditPage,
  StaffDualControlPage,
  StaffOrganisationsPage,
  StaffProductEventsPage,
  StaffUsersPage,
} from '../pages/staff-pages';
import { PrequalReportPage, TenderDetailPage, TenderNewPage, TendersPage } from '../pages/tendering-pages';
import { VerifyDocumentPage } from '../pages/verify-document-page';
import { WorkspaceHomePage } from '../pages/workspace-home-page';
import { AppShell } from './app-shell';

export function createRouter() {
  return createBrowserRouter([
    // Public: anyone holding a document can check it against the evidence log, without an account.
    { path: '/verify', element: <VerifyDocumentPage /> },
    {
      element: <GuestOnly />,
      children: [
        { path: '/login', element: <LoginPage /> },
        { path: '/login/totp', element: <LoginTotpPage /> },
        { path: '/register', element: <RegisterPage /> },
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
              ],
            },
            {
              path: '/staff',
              element: <RequireStaff />,
              children: [
                { index: true, element: <Navigate to="/staff/users" replace /> },
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
              ],
            },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
