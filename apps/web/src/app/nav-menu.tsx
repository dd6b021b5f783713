import { Tag, theme } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { type NavGroup, selectedNavKey } from './navigation';

// Loaded after the first paint: the signed-in first page is at its budget (bench:web), and the count can wait.
const ChatNavBadge = lazy(() => import('../modules/chat/chat-nav-badge').then((m) => ({ default: m.ChatNavBadge })));

/**
 * The side navigation: real links in a <nav>, so a page opens in a new tab like any link and screen readers hear
 * "current page" on the active one. Items still being built are shown disabled with a 建设中 tag.
 */
export function NavMenu({ groups, onNavigate }: { groups: readonly NavGroup[]; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { token } = theme.useToken();
  const selected = selectedNavKey(groups, pathname);
  return (
    <nav
      className="zh-nav"
      aria-label={t('nav.label')}
      style={{ ['--zh-primary' as string]: token.colorPrimary }}
      data-testid="nav-menu"
    >
      {groups.map((group) => (
        <div key={group.key}>
          {group.label ? (
            <div className="zh-nav-group" id={`nav-group-${group.key}`}>
              {t(`nav.${group.label}`)}
            </div>
          ) : null}
          <ul aria-labelledby={group.label ? `nav-group-${group.key}` : undefined}>
            {group.items.map((item) => (
              <li key={item.key}>
                {item.path ? (
                  <Link
                    to={item.path}
                    className="zh-nav-item"
                    aria-current={item.key === selected ? 'page' : undefined}
                    onClick={onNavigate}
                  >
                    <span aria-hidden="true">{item.icon}</span>
                    <span>{t(`nav.${item.label}`)}</span>
                    {item.key === 'chat' ? (
                      <Suspense fallback={null}>
                        <ChatNavBadge />
                      </Suspense>
                    ) : null}
                  </Link>
                ) : (
                  <span className="zh-nav-item" aria-disabled="true">
                    <span aria-hidden="true">{item.icon}</span>
                    <span>{t(`nav.${item.label}`)}</span>
                    <Tag style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '16px' }}>{t('nav.building')}</Tag>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
