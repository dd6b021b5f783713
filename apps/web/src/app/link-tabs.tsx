import { Flex } from 'antd';
import { Link, useLocation } from 'react-router';

/**
 * A page's parts as tabs that are links, so each part has its own address and opens in a new tab like any link;
 * the current one is marked for screen readers (`aria-current="page"`).
 */
export function LinkTabs({ label, tabs }: { label: string; tabs: readonly { path: string; label: string }[] }) {
  const { pathname } = useLocation();
  return (
    <nav aria-label={label} style={{ marginBottom: 16 }}>
      <Flex gap={24} style={{ borderBottom: '1px solid #f0f0f0' }}>
        {tabs.map((tab) => {
          const current = pathname === tab.path;
          return (
            <Link
              key={tab.path}
              to={tab.path}
              aria-current={current ? 'page' : undefined}
              style={{
                padding: '8px 0',
                marginBottom: -1,
                fontWeight: current ? 600 : 400,
                borderBottom: current ? '2px solid currentColor' : '2px solid transparent',
              }}
            >
              {tab.label}
            </Link>
          );
        })}
      </Flex>
    </nav>
  );
}
