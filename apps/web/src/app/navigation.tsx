import {
  AccountBookOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CrownOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  HomeOutlined,
  KeyOutlined,
  LineChartOutlined,
  NodeIndexOutlined,
  PercentageOutlined,
  ProjectOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  SettingOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  SolutionOutlined,
  StopOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserAddOutlined,
  UserOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { BusinessRole, MembershipRole } from '@zhuhe/contracts';
import type { ReactNode } from 'react';

/** Business modules on the road map; each shows in the navigation as 建设中 until its pages exist. */
export type BusinessModule =
  | 'projects'
  | 'demands'
  | 'tenders'
  | 'contracts'
  | 'progress'
  | 'settlement'
  | 'resources'
  | 'map'
  | 'finance';

type NavLabel =
  | BusinessModule
  | 'home'
  | 'members'
  | 'invitations'
  | 'settings'
  | 'staffUsers'
  | 'staffOrganisations'
  | 'staffDualControl'
  | 'staffFinance'
  | 'staffAudit'
  | 'staffProductEvents'
  | 'verification'
  | 'credit'
  | 'merchant'
  | 'staffMerchants'
  | 'staffVerifications'
  | 'staffCommission'
  | 'staffCompliance'
  | 'staffTiers'
  | 'staffDemandReviews'
  | 'pushes'
  | 'staffMatching'
  | 'disputes'
  | 'staffDisputes'
  | 'staffEvidence';

export interface NavItem {
  key: string;
  label: NavLabel;
  icon: ReactNode;
  /** absent while the module is being built */
  path?: string;
  /** only owners and admins see it */
  managersOnly?: boolean;
}

export interface NavGroup {
  key: string;
  label: 'groupBusiness' | 'groupOrganisation' | null;
  items: NavItem[];
}

const MODULE_ICONS: Record<BusinessModule, ReactNode> = {
  projects: <ProjectOutlined />,
  demands: <ShoppingCartOutlined />,
  tenders: <AuditOutlined />,
  contracts: <FileProtectOutlined />,
  progress: <LineChartOutlined />,
  settlement: <AccountBookOutlined />,
  resources: <DatabaseOutlined />,
  map: <EnvironmentOutlined />,
  finance: <BankOutlined />,
};

/** Modules whose pages exist; the others show as 建设中. */
const MODULE_PATHS: Partial<Record<BusinessModule, string>> = {
  contracts: '/workspace/contracts',
  progress: '/workspace/progress',
  settlement: '/workspace/settlement',
  projects: '/workspace/projects',
  demands: '/workspace/demands',
  resources: '/workspace/resources',
  map: '/workspace/map',
  tenders: '/workspace/tenders',
  finance: '/workspace/wallet',
};

/** What each business role works on, in the order its navigation lists them. */
export const ROLE_MODULES: Record<BusinessRole, readonly BusinessModule[]> = {
  GC: ['projects', 'demands', 'resources', 'map', 'tenders', 'contracts', 'progress', 'settlement', 'finance'],
  SUB: ['demands', 'projects', 'map', 'tenders', 'contracts', 'progress', 'settlement', 'resources', 'finance'],
  SUP: ['demands', 'resources', 'map', 'tenders', 'contracts', 'settlement', 'finance'],
  DES: ['projects', 'map', 'tenders', 'contracts', 'progress', 'settlement'],
  SVR: ['projects', 'map', 'progress', 'contracts', 'settlement'],
  FIN: ['finance', 'contracts', 'settlement', 'projects', 'map'],
};

const ORGANISATION_ITEMS: NavItem[] = [
  { key: 'members', label: 'members', icon: <TeamOutlined />, path: '/workspace/members' },
  {
    key: 'invitations',
    label: 'invitations',
    icon: <UserAddOutlined />,
    path: '/workspace/invitations',
    managersOnly: true,
  },
  { key: 'settings', label: 'settings', icon: <SettingOutlined />, path: '/workspace/settings' },
  { key: 'verification', label: 'verification', icon: <SafetyCertificateOutlined />, path: '/workspace/verification' },
  { key: 'credit', label: 'credit', icon: <TrophyOutlined />, path: '/workspace/credit' },
];

/** Business roles that can become merchants (商家入驻): suppliers and service providers. */
const MERCHANT_ROLES: readonly BusinessRole[] = ['SUP', 'SUB', 'DES', 'SVR'];

export function workspaceNav(role: BusinessRole, membershipRole: MembershipRole | undefined): NavGroup[] {
  const manager = membershipRole === 'owner' || membershipRole === 'admin';
  return [
    { key: 'home', label: null, items: [{ key: 'home', label: 'home', icon: <HomeOutlined />, path: '/workspace' }] },
    {
      key: 'business',
      label: 'groupBusiness',
      items: ROLE_MODULES[role].map((module) => ({
        key: module,
        label: module,
        icon: MODULE_ICONS[module],
        ...(MODULE_PATHS[module] ? { path: MODULE_PATHS[module] } : {}),
      })),
    },
    {
      key: 'organisation',
      label: 'groupOrganisation',
      items: [
        ...(MERCHANT_ROLES.includes(role)
          ? [
              { key: 'merchant', label: 'merchant' as const, icon: <ShopOutlined />, path: '/workspace/merchant' },
              { key: 'pushes', label: 'pushes' as const, icon: <NodeIndexOutlined />, path: '/workspace/pushes' },
            ]
          : []),
        { key: 'disputes', label: 'disputes' as const, icon: <WarningOutlined />, path: '/workspace/disputes' },
        ...ORGANISATION_ITEMS.filter((item) => manager || !item.managersOnly),
      ],
    },
  ];
}

export const STAFF_NAV: NavGroup[] = [
  {
    key: 'staff',
    label: null,
    items: [
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
      { key: 'staff-evidence', label: 'staffEvidence', icon: <KeyOutlined />, path: '/staff/evidence' },
    ],
  },
];

/** The nav item whose path is the longest prefix of `pathname`. */
export function selectedNavKey(groups: readonly NavGroup[], pathname: string): string | undefined {
  let best: NavItem | undefined;
  for (const item of groups.flatMap((group) => group.items)) {
    if (!item.path) continue;
    const matches = pathname === item.path || pathname.startsWith(`${item.path}/`);
    if (matches && (!best?.path || item.path.length > best.path.length)) best = item;
  }
  return best?.key;
}
