import { useTranslation } from 'react-i18next';
import { GuestLayout } from '../app/guest-layout';
import { PageTitle } from '../app/page-title';
import { useScrollableTableRegions } from '../app/use-scrollable-table-regions';
import { PublicPromises, StaffPromises } from '../modules/promises';

/** 平台承诺 (public, no sign-in): every promise next to its live figure (SPEC §13). */
export function PublicPromisesPage() {
  const { t } = useTranslation('promises');
  // outside the shell, which does this for signed-in pages: the wide table scrolls as a named, focusable region
  useScrollableTableRegions();
  return (
    <GuestLayout wide title={t('publicTitle')} subtitle={t('publicSubtitle')}>
      <PublicPromises />
    </GuestLayout>
  );
}

/** 承诺看板 for operations, risk, customer service and admins: figures, trends and the cases that missed. */
export function StaffPromisesPage() {
  const { t } = useTranslation('promises');
  return (
    <>
      <PageTitle title={t('staffTitle')} subtitle={t('staffSubtitle')} />
      <StaffPromises />
    </>
  );
}
