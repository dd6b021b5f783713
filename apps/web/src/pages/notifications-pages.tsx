import { useTranslation } from 'react-i18next';
import { GuestLayout } from '../app/guest-layout';
import { LinkTabs } from '../app/link-tabs';
import { PageTitle } from '../app/page-title';
import { NotificationCentre, NotificationPreferencesForm, UnsubscribePanel } from '../modules/notifications';

/** The centre's two parts as tabs that are links, so each has its own address (as 开放平台's). */
function NotificationsNav() {
  const { t } = useTranslation('notifications');
  return (
    <LinkTabs
      label={t('tabs.label')}
      tabs={[
        { path: '/workspace/notifications', label: t('tabs.centre') },
        { path: '/workspace/notifications/preferences', label: t('tabs.preferences') },
      ]}
    />
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
