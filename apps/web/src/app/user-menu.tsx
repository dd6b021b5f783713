import {
  AppstoreOutlined,
  LogoutOutlined,
  MailOutlined,
  PlusOutlined,
  SafetyOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { Avatar, Button, Dropdown, type MenuProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useAuthedMe, useLogout } from '../modules/identity';
import { BRAND_COLOR } from './theme';

export function UserMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const me = useAuthedMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const logout = useLogout();
  const inStaff = pathname.startsWith('/staff');

  const items: MenuProps['items'] = [
    {
      key: 'who',
      type: 'group',
      label: (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {me.user.email ?? me.user.phone}
        </Typography.Text>
      ),
    },
    { key: '/account/security', icon: <SettingOutlined />, label: t('header.security') },
    { key: '/invitations', icon: <MailOutlined />, label: t('header.myInvitations') },
    { key: '/orgs/new', icon: <PlusOutlined />, label: t('header.createOrganisation') },
    ...(me.staffRoles.length > 0 && !inStaff
      ? [{ key: '/staff', icon: <SafetyOutlined />, label: t('header.staffConsole') }]
      : []),
    ...(inStaff && me.memberships.length > 0
      ? [{ key: '/workspace', icon: <AppstoreOutlined />, label: t('header.workspace') }]
      : []),
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key !== 'logout') return void navigate(key);
    // Once the session is forgotten, the signed-in routes redirect to /login.
    logout.mutate();
  };

  return (
    <Dropdown trigger={['click']} menu={{ items, onClick }} placement="bottomRight">
      <Button type="text" data-testid="user-menu" aria-label={t('header.account')} style={{ paddingInline: 4 }}>
        <Avatar size={28} style={{ backgroundColor: BRAND_COLOR }}>
          {me.user.displayName.slice(0, 1).toUpperCase()}
        </Avatar>
        {compact ? null : (
          <span style={{ maxWidth: 120, overflow: 'hidden', textOverflow: 'ellipsis' }}>{me.user.displayName}</span>
        )}
      </Button>
    </Dropdown>
  );
}
