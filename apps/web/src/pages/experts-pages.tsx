import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ButtonLink } from '../app/button-link';
import { PageTitle } from '../app/page-title';
import {
  ApplyForm,
  ExpertDirectory,
  ExpertInbox,
  ExpertPage,
  MyQuestions,
  QuestionPage,
  StaffExpertReview,
} from '../modules/experts';

/** 专家智库: verified experts with filters, and the public Q&A. */
export function ExpertsPage() {
  const { t } = useTranslation('experts');
  return (
    <>
      <PageTitle
        title={t('title')}
        subtitle={t('subtitle')}
        extra={<ButtonLink to="/experts/mine">{t('mine.ask')}</ButtonLink>}
      />
      <ExpertDirectory />
    </>
  );
}

/** 专家主页 with the private consultation form. */
export function ExpertProfilePage() {
  const { expertId } = useParams();
  return <ExpertPage key={expertId} expertId={expertId as string} />;
}

/** 问题页 the question and its answers. */
export function ExpertQuestionPage() {
  const { questionId } = useParams();
  return <QuestionPage key={questionId} questionId={questionId as string} />;
}

/** 我的提问 and the public ask form. */
export function MyExpertQuestionsPage() {
  const { t } = useTranslation('experts');
  return (
    <>
      <PageTitle title={t('mine.title')} subtitle={t('mine.subtitle')} />
      <MyQuestions />
    </>
  );
}

/** 专家收件箱 */
export function ExpertInboxPage() {
  const { t } = useTranslation('experts');
  return (
    <>
      <PageTitle title={t('inbox.title')} subtitle={t('inbox.subtitle')} />
      <ExpertInbox />
    </>
  );
}

/** 申请成为专家 */
export function ExpertApplyPage() {
  const { t } = useTranslation('experts');
  return (
    <>
      <PageTitle title={t('apply.title')} subtitle={t('apply.subtitle')} />
      <ApplyForm />
    </>
  );
}

/** 专家认证审核 (staff) */
export function StaffExpertsPage() {
  const { t } = useTranslation('experts');
  return (
    <>
      <PageTitle title={t('staff.title')} subtitle={t('staff.subtitle')} />
      <StaffExpertReview />
    </>
  );
}
