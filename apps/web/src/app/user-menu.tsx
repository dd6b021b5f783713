import {
  AppstoreOutlined,
  LogoutOutlined,
  MailOutlined,
  PlusOutlined,
  SafetyOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useAuthedMe, useLogout } from '../modules/identity';
import { ActionMenu, type ActionMenuEntry } from './action-menu';
import { BRAND_COLOR } from './theme';

/**
 * The user's initial in a brand-coloured circle. A plain span rather than antd's Avatar: Avatar's code (groups,
 * popovers, image fallback) was 7 kB gzip of the signed-in first page for one letter.
 */
const INITIAL_STYLE = {
  display: 'inline-flex',
  alignItems: 'center',
  justifyContent: 'center',
  width: 28,
  height: 28,
  borderRadius: '50%',
  backgroundColor: BRAND_COLOR,
  color: '#fff',
  fontSize: 14,
  lineHeight: 1,
  flex: 'none',
} as const;

export function UserMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const me = useAuthedMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const logout = useLogout();
  const inStaff = pathname.startsWith('/staff');

  const go = (path: string) => () => void navigate(path);
  const entries: ActionMenuEntry[] = [
    { key: 'who', heading: me.user.email ?? me.user.phone },
    { key: 'security', icon: <SettingOutlined />, label: t('header.security'), onSelect: go('/account/security') },
    { key: 'invitations', icon: <MailOutlined />, label: t('header.myInvitations'), onSelect: go('/invitations') },
    { key: 'create', icon: <PlusOutlined />, label: t('header.createOrganisation'), onSelect: go('/orgs/new') },
    ...(me.staffRoles.length > 0 && !inStaff
      ? [{ key: 'staff', icon: <SafetyOutlined />, label: t('header.staffConsole'), onSelect: go('/staff') }]
      : []),
    ...(inStaff && me.memberships.length > 0
      ? [{ key: 'workspace', icon: <AppstoreOutlined />, label: t('header.workspace'), onSelect: go('/workspace') }]
      : []),
    { key: 'divider', divider: true },
    // Once the session is forgotten, the signed-in routes redirect to /login.
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      label: t('header.logout'),
      danger: true,
      onSelect: () => logout.mutate(),
    },
  ];

  return (
    <ActionMenu entries={entries} label={t('header.account')} placement="bottomRight">
      <Button
        type="text"
        data-testid="user-menu"
        aria-label={compact ? t('header.account') : `${me.user.displayName} (${t('header.account')})`}
        style={{ paddingInline: 4 }}
      >
        <span aria-hidden="true" style={INITIAL_STYLE}>
          {me.user.displayName.slice(0, 1).toUpperCase()}
        </span>
        {compact ? null : (
          <span style={{ maxWidth: 120, overflow: 'hidden', textOverflow: 'ellipsis' }}>{me.user.displayName}</span>
        )}
      </Button>
    </ActionMenu>
  );
}
