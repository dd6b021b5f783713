import { useTranslation } from 'react-i18next';
import { PageTitle } from '../app/page-title';
import { StatusBoard } from '../modules/monitoring';

/** 运行状态 staff page: response times over the window, dependencies, alerts (PLAT-3). */
export function StaffStatusPage() {
  const { t } = useTranslation('monitoring');
  return (
    <>
      <PageTitle title={t('title')} subtitle={t('subtitle', { minutes: 5 })} />
      <StatusBoard />
    </>
  );
}
