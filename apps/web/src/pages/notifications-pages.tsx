import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { GuestLayout } from '../app/guest-layout';
import { PageTitle } from '../app/page-title';
import { NotificationCentre, NotificationPreferencesForm, UnsubscribePanel } from '../modules/notifications';

const SECTIONS = [
  { path: '/workspace/notifications', label: 'tabs.centre' },
  { path: '/workspace/notifications/preferences', label: 'tabs.preferences' },
] as const;

/** The centre's two parts as tabs that are links, so each has its own address (as 开放平台's). */
function NotificationsNav() {
  const { t } = useTranslation('notifications');
  const { pathname } = useLocation();
  return (
    <nav aria-label={t('tabs.label')} style={{ marginBottom: 16 }}>
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

/** 通知中心 /workspace/notifications */
export function NotificationsPage() {
  const { t } = useTranslation('notifications');
  return (
    <>
      <PageTitle title={t('title')} subtitle={t('subtitle')} />
      <NotificationsNav />
      <NotificationCentre />
    </>
  );
}

/** 通知设置 /workspace/notifications/preferences */
export function NotificationPreferencesPage() {
  const { t } = useTranslation('notifications');
  return (
    <>
      <PageTitle title={t('prefs.title')} />
      <NotificationsNav />
      <NotificationPreferencesForm />
    </>
  );
}

/** 退订 /unsubscribe?token=… from an e-mail, with or without a session. */
export function UnsubscribePage() {
  const { t } = useTranslation('notifications');
  return (
    <GuestLayout title={t('unsubscribe.title')}>
      <UnsubscribePanel />
    </GuestLayout>
  );
}
