import { Drawer, Flex } from 'antd';
import { OrgSwitcher, RoleSwitcher } from '../modules/organisation';
import { Brand } from './brand';
import { NavMenu } from './nav-menu';
import type { NavGroup } from './navigation';

/**
 * The navigation below the md breakpoint, opened from the header. A chunk of its own: app-shell.tsx loads it on
 * the first tap of the menu button, so no first page waits for Drawer.
 */
export function NavDrawer({
  nav,
  hasContext,
  open,
  onClose,
}: {
  nav: readonly NavGroup[];
  hasContext: boolean;
  open: boolean;
  onClose: () => void;
}) {
  return (
    <Drawer
      placement="left"
      open={open}
      onClose={onClose}
      size={288}
      title={<Brand compact />}
      styles={{ body: { padding: 0 } }}
      data-testid="nav-drawer"
    >
      {hasContext ? (
        <Flex vertical gap={8} style={{ padding: 12, borderBottom: '1px solid #f0f0f0' }}>
          <OrgSwitcher block />
          <RoleSwitcher block />
        </Flex>
      ) : null}
      <NavMenu groups={nav} onNavigate={onClose} />
    </Drawer>
  );
}
