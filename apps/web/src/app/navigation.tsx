import {
  AccountBookOutlined,
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  BookOutlined,
  CommentOutlined,
  CustomerServiceOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  FileProtectOutlined,
  FundOutlined,
  HomeOutlined,
  LineChartOutlined,
  MessageOutlined,
  NodeIndexOutlined,
  ProjectOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  SettingOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserAddOutlined,
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
  | 'finance'
  /** 工程e贷 supply-chain finance: lending workspace (FIN) or the borrower's page */
  | 'supplyFinance'
  /** 履约保证险 performance-bond insurance: the insurer's workspace (FIN) or the policies of a contract party */
  | 'bondInsurance';

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
  | 'staffGrowth'
  | 'merchantStats'
  | 'disputes'
  | 'staffDisputes'
  | 'staffCredit'
  | 'tickets'
  | 'staffTickets'
  | 'risk'
  | 'staffRisk'
  | 'staffEvidence'
  | 'fees'
  | 'developer'
  | 'chat'
  | 'staffReserve'
  | 'staffFees'
  | 'policies'
  | 'experts'
  | 'expertQuestions'
  | 'expertInbox'
  | 'policySubscriptions'
  | 'govBoard'
  | 'costWarnings'
  | 'priceIndices'
  | 'staffPolicies'
  | 'staffExperts'
  | 'staffExperiments'
  | 'community'
  | 'staffCommunity'
  | 'staffStatus'
  | 'staffPromises'
  | 'staffAutomation'
  | 'staffFollowUps'
  | 'inquiries'
  | 'favourites'
  | 'referrals'
  | 'points'
  | 'staffRewards'
  | 'staffOpsOverview'
  | 'staffOpsLeads'
  | 'staffOpsSuccess'
  | 'staffOpsReports';

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
  label: 'groupBusiness' | 'groupOrganisation' | 'groupData' | null;
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
  supplyFinance: <FundOutlined />,
  bondInsurance: <SafetyOutlined />,
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
  supplyFinance: '/workspace/finance',
  bondInsurance: '/workspace/insurance',
};

/** What each business role works on, in the order its navigation lists them. */
export const ROLE_MODULES: Record<BusinessRole, readonly BusinessModule[]> = {
  GC: [
    'projects',
    'demands',
    'resources',
    'map',
    'tenders',
    'contracts',
    'progress',
    'settlement',
    'finance',
    'supplyFinance',
    'bondInsurance',
  ],
  SUB: [
    'demands',
    'projects',
    'map',
    'tenders',
    'contracts',
    'progress',
    'settlement',
    'resources',
    'finance',
    'supplyFinance',
    'bondInsurance',
  ],
  SUP: [
    'demands',
    'resources',
    'map',
    'tenders',
    'contracts',
    'settlement',
    'finance',
    'supplyFinance',
    'bondInsurance',
  ],
  DES: ['projects', 'map', 'tenders', 'contracts', 'progress', 'settlement'],
  SVR: ['projects', 'map', 'progress', 'contracts', 'settlement'],
  FIN: ['supplyFinance', 'bondInsurance', 'finance', 'contracts', 'settlement', 'projects', 'map'],
  // 政府监管: read-only; its pages are the regional board and the data group below
  GOV: [],
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
  // 推荐有礼 and 积分与优惠券 (GROW-6): icons the navigation already carries (the shell's first load is at its budget)
  { key: 'referrals', label: 'referrals', icon: <UserAddOutlined />, path: '/workspace/referrals' },
  { key: 'points', label: 'points', icon: <TrophyOutlined />, path: '/workspace/points' },
  { key: 'fees', label: 'fees', icon: <AccountBookOutlined />, path: '/workspace/fees', managersOnly: true },
  // 开放平台: API keys and, under it, webhooks (/workspace/developer/webhooks). An icon the navigation already
  // carries: the shell's first load is at its budget (bench:web).
  {
    key: 'developer',
    label: 'developer',
    icon: <NodeIndexOutlined />,
    path: '/workspace/developer',
    managersOnly: true,
  },
];

const BUYER_ITEMS: NavItem[] = [
  { key: 'inquiries', label: 'inquiries', icon: <ShoppingCartOutlined />, path: '/workspace/inquiries' },
  { key: 'favourites', label: 'favourites', icon: <BookOutlined />, path: '/workspace/favourites' },
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
      items: [
        ...ROLE_MODULES[role].map((module) => ({
          key: module,
          label: module,
          icon: MODULE_ICONS[module],
          ...(MODULE_PATHS[module] ? { path: MODULE_PATHS[module] } : {}),
        })),
        // 询价 and 我的收藏 (MERCH-6) for every role: buyers send, merchants receive. Icons the navigation already
        // carries, as the shell's first load is at its budget.
        ...BUYER_ITEMS,
      ],
    },
    {
      key: 'organisation',
      label: 'groupOrganisation',
      items: [
        ...(MERCHANT_ROLES.includes(role)
          ? [
              { key: 'merchant', label: 'merchant' as const, icon: <ShopOutlined />, path: '/workspace/merchant' },
              {
                key: 'merchant-stats',
                label: 'merchantStats' as const,
                icon: <LineChartOutlined />,
                path: '/workspace/merchant/stats',
              },
              { key: 'pushes', label: 'pushes' as const, icon: <NodeIndexOutlined />, path: '/workspace/pushes' },
            ]
          : []),
        // 消息: chat with partners; the menu shows the unread count beside it
        { key: 'chat', label: 'chat' as const, icon: <MessageOutlined />, path: '/workspace/chat' },
        { key: 'disputes', label: 'disputes' as const, icon: <WarningOutlined />, path: '/workspace/disputes' },
        { key: 'tickets', label: 'tickets' as const, icon: <CustomerServiceOutlined />, path: '/workspace/tickets' },
        { key: 'risk', label: 'risk' as const, icon: <AlertOutlined />, path: '/workspace/risk' },
        ...ORGANISATION_ITEMS.filter((item) => manager || !item.managersOnly),
      ],
    },
    {
      key: 'data',
      label: 'groupData',
      items: [
        ...(role === 'GOV'
          ? [
              {
                key: 'gov-board',
                label: 'govBoard' as const,
                icon: <LineChartOutlined />,
                path: '/workspace/gov-board',
              },
            ]
          : [
              {
                key: 'cost-warnings',
                label: 'costWarnings' as const,
                icon: <AlertOutlined />,
                path: '/workspace/cost-warnings',
              },
            ]),
        { key: 'price-indices', label: 'priceIndices', icon: <LineChartOutlined />, path: '/price-indices' },
        { key: 'policies', label: 'policies', icon: <BookOutlined />, path: '/policies' },
        { key: 'experts', label: 'experts', icon: <TeamOutlined />, path: '/experts' },
        { key: 'expert-questions', label: 'expertQuestions', icon: <CommentOutlined />, path: '/experts/mine' },
        { key: 'expert-inbox', label: 'expertInbox', icon: <MessageOutlined />, path: '/experts/inbox' },
        { key: 'community', label: 'community', icon: <CommentOutlined />, path: '/community' },
        {
          key: 'policy-subscriptions',
          label: 'policySubscriptions',
          icon: <BellOutlined />,
          path: '/policy-subscriptions',
        },
      ],
    },
  ];
}

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
