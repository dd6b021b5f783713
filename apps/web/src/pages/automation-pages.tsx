import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ButtonLink } from '../app/button-link';
import { PageTitle } from '../app/page-title';
import { FollowUpTasksView, JourneyDetailView, JourneyForm, JourneyListView } from '../modules/automation';

/** 营销旅程 the staff list, with the built-in templates. */
export function StaffJourneysPage() {
  const { t } = useTranslation('automation');
  return (
    <>
      <PageTitle
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        extra={<ButtonLink to="/staff/automation/tasks">{t('tasks.title')}</ButtonLink>}
      />
      <JourneyListView />
    </>
  );
}

export function StaffJourneyNewPage() {
  const { t } = useTranslation('automation');
  return (
    <>
      <PageTitle title={t('form.title')} subtitle={t('form.subtitle')} />
      <JourneyForm />
    </>
  );
}

export function StaffJourneyPage() {
  const { journeyId = '' } = useParams();
  return <JourneyDetailView journeyId={journeyId} />;
}

/** 销售跟进任务 */
export function StaffFollowUpTasksPage() {
  const { t } = useTranslation('automation');
  return (
    <>
      <PageTitle title={t('tasks.title')} subtitle={t('tasks.subtitle')} />
      <FollowUpTasksView />
    </>
  );
}
