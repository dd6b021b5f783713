import { Menu, type MenuProps, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { type NavGroup, selectedNavKey } from './navigation';

type MenuItems = NonNullable<MenuProps['items']>;

/** Renders a navigation structure; items still being built are disabled with a 建设中 tag. */
export function NavMenu({ groups, onNavigate }: { groups: readonly NavGroup[]; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const paths = new Map(groups.flatMap((group) => group.items).map((item) => [item.key, item.path]));

  const items = groups.flatMap((group): MenuItems | MenuItems[number] => {
    const children = group.items.map((item) => ({
      key: item.key,
      icon: item.icon,
      disabled: !item.path,
      label: item.path ? (
        t(`nav.${item.label}`)
      ) : (
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          {t(`nav.${item.label}`)}
          <Tag style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '16px' }}>{t('nav.building')}</Tag>
        </span>
      ),
    }));
    return group.label
      ? { type: 'group' as const, key: group.key, label: t(`nav.${group.label}`), children }
      : children;
  });

  const selected = selectedNavKey(groups, pathname);
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      style={{ borderInlineEnd: 'none' }}
      onClick={({ key }) => {
        const path = paths.get(key);
        if (!path) return;
        navigate(path);
        onNavigate?.();
      }}
    />
  );
}
