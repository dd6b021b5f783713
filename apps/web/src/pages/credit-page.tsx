import { useTranslation } from 'react-i18next';
import { PageTitle } from '../app/page-title';
import { CreditProfilePanel } from '../modules/credit';
import { useActiveContext } from '../modules/organisation';

/** 信用评级 the active organisation's credit page. */
export function CreditPage() {
  const { t } = useTranslation('credit');
  const { orgId } = useActiveContext();
  return (
    <div style={{ maxWidth: 1200 }}>
      <PageTitle title={t('title')} subtitle={t('subtitle')} />
      <CreditProfilePanel orgId={orgId} />
    </div>
  );
}
