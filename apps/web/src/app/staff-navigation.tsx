import {
  AccountBookOutlined,
  AlertOutlined,
  ApartmentOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CommentOutlined,
  CrownOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FundOutlined,
  HomeOutlined,
  KeyOutlined,
  NodeIndexOutlined,
  PercentageOutlined,
  SafetyOutlined,
  ShopOutlined,
  SolutionOutlined,
  StopOutlined,
  TrophyOutlined,
  UserOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { NavGroup } from './navigation';

/**
 * The staff console's navigation, a chunk of its own: its icons and entries are fetched when a staff member opens
 * the console, not with every signed-in first page.
 */
export const STAFF_NAV: NavGroup[] = [
  {
    key: 'staff',
    label: null,
    items: [
      { key: 'staff-home', label: 'home', icon: <HomeOutlined />, path: '/staff' },
      { key: 'staff-users', label: 'staffUsers', icon: <UserOutlined />, path: '/staff/users' },
      { key: 'staff-orgs', label: 'staffOrganisations', icon: <ApartmentOutlined />, path: '/staff/organisations' },
      { key: 'staff-dual', label: 'staffDualControl', icon: <SafetyOutlined />, path: '/staff/dual-control' },
      { key: 'staff-finance', label: 'staffFinance', icon: <BankOutlined />, path: '/staff/finance' },
      { key: 'staff-audit', label: 'staffAudit', icon: <FileSearchOutlined />, path: '/staff/audit' },
      { key: 'staff-events', label: 'staffProductEvents', icon: <BarChartOutlined />, path: '/staff/product-events' },
      { key: 'staff-merchants', label: 'staffMerchants', icon: <ShopOutlined />, path: '/staff/merchants' },
      {
        key: 'staff-verifications',
        label: 'staffVerifications',
        icon: <SolutionOutlined />,
        path: '/staff/verifications',
      },
      { key: 'staff-commission', label: 'staffCommission', icon: <PercentageOutlined />, path: '/staff/commission' },
      { key: 'staff-compliance', label: 'staffCompliance', icon: <StopOutlined />, path: '/staff/compliance' },
      { key: 'staff-tiers', label: 'staffTiers', icon: <CrownOutlined />, path: '/staff/tiers' },
      {
        key: 'staff-demand-reviews',
        label: 'staffDemandReviews',
        icon: <FileDoneOutlined />,
        path: '/staff/demand-reviews',
      },
      { key: 'staff-matching', label: 'staffMatching', icon: <NodeIndexOutlined />, path: '/staff/matching' },
      { key: 'staff-disputes', label: 'staffDisputes', icon: <WarningOutlined />, path: '/staff/disputes' },
      { key: 'staff-credit', label: 'staffCredit', icon: <TrophyOutlined />, path: '/staff/credit' },
      { key: 'staff-tickets', label: 'staffTickets', icon: <CustomerServiceOutlined />, path: '/staff/tickets' },
      { key: 'staff-risk', label: 'staffRisk', icon: <AlertOutlined />, path: '/staff/risk' },
      { key: 'staff-evidence', label: 'staffEvidence', icon: <KeyOutlined />, path: '/staff/evidence' },
      { key: 'staff-reserve', label: 'staffReserve', icon: <FundOutlined />, path: '/staff/reserve' },
      { key: 'staff-fees', label: 'staffFees', icon: <AccountBookOutlined />, path: '/staff/fees' },
      { key: 'staff-policies', label: 'staffPolicies', icon: <BookOutlined />, path: '/staff/policies' },
      { key: 'staff-community', label: 'staffCommunity', icon: <CommentOutlined />, path: '/staff/community' },
      { key: 'staff-status', label: 'staffStatus', icon: <DashboardOutlined />, path: '/staff/status' },
    ],
  },
];
