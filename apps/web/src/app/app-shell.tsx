import { MenuOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Layout } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { type MeData, useAuthedMe } from '../modules/identity';
import { NotificationBell } from '../modules/matching';
import { OrgSwitcher, RoleSwitcher } from '../modules/organisation';
import { Brand } from './brand';
import { LanguageSwitch } from './language-switch';
import { NavMenu } from './nav-menu';
import { type NavGroup, workspaceNav } from './navigation';
import { LoadingState } from './page-states';
import { SkipLink } from './skip-link';
import { useScrollableTableRegions } from './use-scrollable-table-regions';
import { UserMenu } from './user-menu';

// Loaded on the first tap of the menu button; it then stays mounted so it can animate open and closed.
const NavDrawer = lazy(() => import('./nav-drawer').then((m) => ({ default: m.NavDrawer })));

// 服务延迟提示: its own chunk, fetched after the shell paints, so the first page carries none of it (bench:web).
const NoticeBanner = lazy(() =>
  import('../modules/monitoring/notice-banner').then((m) => ({ default: m.NoticeBanner })),
);

const loadStaffNav = () => import('./staff-navigation').then((m) => m.STAFF_NAV);

/** The staff console's navigation, loaded the first time a staff member is in the console. */
function useStaffNav(wanted: boolean): NavGroup[] | null {
  const [nav, setNav] = useState<NavGroup[] | null>(null);
  useEffect(() => {
    if (wanted && !nav) void loadStaffNav().then(setNav);
  }, [wanted, nav]);
  return wanted ? nav : null;
}

function navigationFor(pathname: string, me: MeData, staffNav: NavGroup[] | null): NavGroup[] | null {
  if (pathname.startsWith('/staff')) return me.staffRoles.length > 0 ? staffNav : null;
  const membership = me.memberships.find((candidate) => candidate.orgId === me.activeOrgId);
  if (!membership || !me.activeRole) return null;
  return workspaceNav(me.activeRole, membership.membershipRole);
}

/**
 * Frame of every signed-in page: header with organisation and role switchers, language and account menu, and the
 * navigation of the active role (or of the staff console). Below the md breakpoint the navigation moves into a
 * Drawer opened from the header.
 */
export function AppShell() {
  const { t } = useTranslation();
  const me = useAuthedMe();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const mobile = screens.md !== true;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [drawerWanted, setDrawerWanted] = useState(false);
  const staffNav = useStaffNav(pathname.startsWith('/staff') && me.staffRoles.length > 0);
  const nav = navigationFor(pathname, me, staffNav);
  const hasContext = me.activeOrgId !== null && !pathname.startsWith('/staff');
  useScrollableTableRegions();

  // biome-ignore lint/correctness/useExhaustiveDependencies: the drawer closes whenever the route changes
  useEffect(() => setDrawerOpen(false), [pathname]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SkipLink />
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          borderBottom: '1px solid #e5e7eb',
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        {mobile && nav ? (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t('header.openNavigation')}
            data-testid="nav-toggle"
            onClick={() => {
              setDrawerWanted(true);
              setDrawerOpen(true);
            }}
          />
        ) : null}
        <Brand to={me.memberships.length > 0 ? '/workspace' : '/'} compact={mobile} />
        {!mobile && hasContext ? (
          <Flex gap={8} style={{ marginInlineStart: 16, minWidth: 0 }}>
            <OrgSwitcher />
            <RoleSwitcher />
          </Flex>
        ) : null}
        <Flex gap={4} align="center" style={{ marginInlineStart: 'auto' }}>
          <NotificationBell />
          <LanguageSwitch compact={mobile} />
          <UserMenu compact={mobile} />
        </Flex>
      </Layout.Header>
      <Layout>
        {nav && !mobile ? (
          <Layout.Sider width={232} style={{ borderInlineEnd: '1px solid #e5e7eb' }} data-testid="side-nav">
            <NavMenu groups={nav} />
          </Layout.Sider>
        ) : null}
        <Layout.Content
          id="main-content"
          tabIndex={-1}
          style={{ padding: mobile ? 12 : 24, minWidth: 0, outline: 'none' }}
        >
          {/* What is delayed (mail, bank) while a dependency is degraded; nothing when all is well. */}
          <Suspense fallback={null}>
            <NoticeBanner />
          </Suspense>
          {/* Pages load their own chunk on first visit; the header and menu stay while they do. */}
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {mobile && nav && drawerWanted ? (
        <Suspense fallback={null}>
          <NavDrawer nav={nav} hasContext={hasContext} open={drawerOpen} onClose={() => setDrawerOpen(false)} />
        </Suspense>
      ) : null}
    </Layout>
  );
}
