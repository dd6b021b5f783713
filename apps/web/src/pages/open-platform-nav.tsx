import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

const SECTIONS = [
  { path: '/workspace/developer', label: 'nav.apiKeys' },
  { path: '/workspace/developer/webhooks', label: 'nav.webhooks' },
] as const;

/** The two parts of 开放平台 — API keys and webhooks — as tabs that are links, so each part has its own address. */
export function OpenPlatformNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <nav aria-label={t('nav.developer')} style={{ marginBottom: 16 }}>
      <Flex gap={24} style={{ borderBottom: '1px solid #f0f0f0' }}>
        {SECTIONS.map((section) => {
          const current = pathname === section.path;
          return (
            <Link
              key={section.path}
              to={section.path}
              aria-current={current ? 'page' : undefined}
              style={{
                padding: '8px 0',
                marginBottom: -1,
                fontWeight: current ? 600 : 400,
                borderBottom: current ? '2px solid currentColor' : '2px solid transparent',
              }}
            >
              {t(section.label)}
            </Link>
          );
        })}
      </Flex>
    </nav>
  );
}
