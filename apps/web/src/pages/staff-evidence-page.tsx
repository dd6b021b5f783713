import { useTranslation } from 'react-i18next';
import { PageTitle } from '../app/page-title';
import { StaffEvidencePanel } from '../modules/evidence';

/** 存证公钥 the evidence log's published keys, its latest witnessed checkpoint and the checkpoint subscribers. */
export function StaffEvidencePage() {
  const { t } = useTranslation('common');
  return (
    <>
      <PageTitle title={t('nav.staffEvidence')} />
      <StaffEvidencePanel />
    </>
  );
}
