import { useTranslation } from 'react-i18next';
import { PageTitle } from '../app/page-title';
import { useAuthedMe } from '../modules/identity';
import { CapacityCard, MatchingFiguresPanel, SupplierPushes } from '../modules/matching';

export function SupplierPushesPage() {
  const { t } = useTranslation('matching');
  const me = useAuthedMe();
  return (
    <>
      <PageTitle title={t('pushes.title')} subtitle={t('pushes.subtitle')} />
      {me.activeOrgId ? (
        <>
          <CapacityCard orgId={me.activeOrgId} />
          <SupplierPushes orgId={me.activeOrgId} />
        </>
      ) : null}
    </>
  );
}

export function StaffMatchingPage() {
  const { t } = useTranslation('matching');
  return (
    <>
      <PageTitle title={t('figures.title')} subtitle={t('figures.subtitle')} />
      <MatchingFiguresPanel />
    </>
  );
}
