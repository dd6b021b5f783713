import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ButtonLink } from '../app/button-link';
import { PageTitle } from '../app/page-title';
import { ExperimentForm, ExperimentListView, ExperimentResultsView } from '../modules/experiments';

export function StaffExperimentsPage() {
  const { t } = useTranslation('experiments');
  return (
    <>
      <PageTitle
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        extra={
          <ButtonLink to="/staff/experiments/new" type="primary" icon={<PlusOutlined />} data-testid="new-experiment">
            {t('list.new')}
          </ButtonLink>
        }
      />
      <ExperimentListView />
    </>
  );
}

export function StaffExperimentNewPage() {
  const { t } = useTranslation('experiments');
  return (
    <>
      <PageTitle title={t('form.title')} subtitle={t('form.subtitle')} />
      <ExperimentForm />
    </>
  );
}

export function StaffExperimentResultsPage() {
  const { experimentId = '' } = useParams();
  return <ExperimentResultsView experimentId={experimentId} />;
}
